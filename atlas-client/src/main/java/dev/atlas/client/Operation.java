package dev.atlas.client;

import dev.atlas.client.generated.invoker.ApiException;
import java.lang.reflect.Type;
import java.util.Objects;
import java.util.function.UnaryOperator;
import okhttp3.Call;
import okhttp3.Request;

/**
 * One API operation, described once for its blocking and its asynchronous form: the request the
 * generated code builds, the type of its success body, whether repeating it is harmless, the id it
 * names (for error messages) and a non-2xx status whose body is still a result.
 *
 * <p>Repeating is harmless for every method but POST, and for a POST declared {@link #readOnly()}
 * (it changes nothing on the server). An acting POST is retried only when it provably did not run.
 *
 * @param <T> the result type
 */
final class Operation<T> {
  /** Builds the request of one operation, usually a generated {@code xxxCall(..., null)} method. */
  @FunctionalInterface
  interface CallFactory {
    /**
     * @return a new, not yet executed call
     * @throws ApiException when the generated code rejects an argument
     */
    Call create() throws ApiException;
  }

  private final String name;
  private final CallFactory factory;
  private final Type resultType;
  private final boolean readOnly;
  private final String resourceId;
  private final int resultStatus;
  private final UnaryOperator<Request> rewrite;
  private final UnaryOperator<T> finish;
  private final boolean emptyAllowed;

  private Operation(String name, CallFactory factory, Type resultType, boolean readOnly, String resourceId,
      int resultStatus, UnaryOperator<Request> rewrite, UnaryOperator<T> finish) {
    this(name, factory, resultType, readOnly, resourceId, resultStatus, rewrite, finish, false);
  }

  private Operation(String name, CallFactory factory, Type resultType, boolean readOnly, String resourceId,
      int resultStatus, UnaryOperator<Request> rewrite, UnaryOperator<T> finish, boolean emptyAllowed) {
    this.emptyAllowed = emptyAllowed;
    this.rewrite = rewrite;
    this.finish = finish;
    this.name = Objects.requireNonNull(name, "name");
    this.factory = Objects.requireNonNull(factory, "factory");
    this.resultType = Objects.requireNonNull(resultType, "resultType");
    this.readOnly = readOnly;
    this.resourceId = resourceId;
    this.resultStatus = resultStatus;
  }

  /**
   * @param <T> the result type
   * @param name the spec's operationId, which listeners and logs name the call by
   * @param factory builds the request
   * @param resultType the success body's type; {@code Void.class} for none
   * @return the operation
   */
  public static <T> Operation<T> of(String name, CallFactory factory, Class<T> resultType) {
    return new Operation<>(name, factory, resultType, false, null, 0, UnaryOperator.identity(), UnaryOperator.identity());
  }

  /**
   * An operation whose result type is any type (a caller's generic type), for the door to any route.
   *
   * @param <T> the result type
   * @param name the name listeners and logs give the call
   * @param factory builds the request
   * @param resultType the success body's type
   * @return the operation
   */
  static <T> Operation<T> ofType(String name, CallFactory factory, Type resultType) {
    return new Operation<>(name, factory, resultType, false, null, 0, UnaryOperator.identity(), UnaryOperator.identity());
  }

  /**
   * @return a copy for which a 204 or 205 (no body) is a result, null, which the
   *     facade turns into what the operation promises (an empty {@link WriteResult}, a null JSON)
   */
  Operation<T> emptyAllowed() {
    return new Operation<>(name, factory, resultType, readOnly, resourceId, resultStatus, rewrite, finish, true);
  }

  /** @return whether a 204 or 205 is a null result rather than an invalid response (a 200 without a body still is) */
  boolean allowsEmpty() {
    return emptyAllowed;
  }

  /** @return the spec's operationId */
  public String name() {
    return name;
  }

  /**
   * @param id the id the operation names, quoted in its errors
   * @return a copy naming it
   */
  public Operation<T> about(String id) {
    return new Operation<>(name, factory, resultType, readOnly, id, resultStatus, rewrite, finish, emptyAllowed);
  }

  /** @return a copy declared read-only: a POST that changes nothing, retried like a GET */
  public Operation<T> readOnly() {
    return new Operation<>(name, factory, resultType, true, resourceId, resultStatus, rewrite, finish, emptyAllowed);
  }

  /**
   * @param status a non-2xx status whose body is a result too (the health check's 503 carries a
   *     report), unless it is an error envelope
   * @return a copy that reads it
   */
  public Operation<T> resultAlsoOn(int status) {
    return new Operation<>(name, factory, resultType, readOnly, resourceId, status, rewrite, finish, emptyAllowed);
  }

  /**
   * @param change edits the request the generated code builds (e.g. its body)
   * @return a copy that applies it
   */
  public Operation<T> rewrite(UnaryOperator<Request> change) {
    return new Operation<>(name, factory, resultType, readOnly, resourceId, resultStatus, change, finish, emptyAllowed);
  }

  /**
   * @param step applied to each parsed result before it is returned
   * @return a copy that applies it
   */
  public Operation<T> finish(UnaryOperator<T> step) {
    return new Operation<>(name, factory, resultType, readOnly, resourceId, resultStatus, rewrite, step, emptyAllowed);
  }

  /**
   * @param result a parsed result
   * @return it, after this operation's finishing step
   */
  public T finished(T result) {
    return result == null ? null : finish.apply(result);
  }

  /**
   * Builds the request.
   *
   * @return the request the generated code builds
   * @throws IllegalArgumentException if the generated code rejects an argument
   */
  public Request request() {
    try {
      return rewrite.apply(factory.create().request());
    } catch (ApiException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** @return the success body's type */
  public Type resultType() {
    return resultType;
  }

  /** @return the id named, or null */
  public String resourceId() {
    return resourceId;
  }

  /**
   * @param status an HTTP status
   * @return whether a body with that status is read as a result
   */
  public boolean isResultStatus(int status) {
    return (status >= 200 && status < 300) || (resultStatus != 0 && status == resultStatus);
  }

  /**
   * @param request the request this operation built
   * @return whether running it twice is harmless
   */
  public boolean safeToRepeat(Request request) {
    return readOnly || !request.method().equals("POST");
  }
}
