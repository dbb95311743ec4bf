package dev.atlas.sandbox;

import dev.atlas.client.spec.SpecOperation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The sandbox's answer to each operation of the spec it serves, keyed by the spec's operationId.
 * Paths and methods come from the spec, never from here: {@link #bind} pairs every operation with
 * its handler and refuses to start when an operation has none (unless declared unsupported,
 * with what the sandbox answers instead) or a handler names no operation.
 */
final class HandlerTable {
  /** A route bound to a spec operation; {@code operationId} is null for the routes outside the API. */
  record Route(String method, java.util.regex.Pattern path, boolean isPublic, String operationId,
      Router.Handler handler) {}

  private final Map<String, Router.Handler> handlers = new LinkedHashMap<>();
  private final Map<String, String> unsupported = new LinkedHashMap<>();

  /**
   * @param operationId the spec's operationId
   * @param handler what answers it
   * @return this
   * @throws IllegalStateException if the operation already has a handler
   */
  HandlerTable on(String operationId, Router.Handler handler) {
    if (handlers.putIfAbsent(Objects.requireNonNull(operationId), Objects.requireNonNull(handler)) != null) {
      throw new IllegalStateException("Two sandbox handlers for operation " + operationId);
    }
    return this;
  }

  /**
   * Declares an operation the sandbox does not emulate.
   *
   * @param operationId the spec's operationId
   * @param answer what the sandbox answers instead, in words (e.g. "404 not_available: no browser")
   * @param handler the handler that gives that answer
   * @return this
   */
  HandlerTable unsupported(String operationId, String answer, Router.Handler handler) {
    on(operationId, handler);
    unsupported.put(operationId, Objects.requireNonNull(answer));
    return this;
  }

  /** @return the operations declared unsupported, with what the sandbox answers instead */
  Map<String, String> unsupported() {
    return Map.copyOf(unsupported);
  }

  /**
   * Binds every operation of a spec to its handler, most specific path first.
   *
   * @param operations the spec's operations
   * @return the routes, in the order they are tried
   * @throws IllegalStateException naming each operation without a handler and each handler
   *     without an operation
   */
  List<Route> bind(List<SpecOperation> operations) {
    List<String> missing = new ArrayList<>();
    List<Route> routes = new ArrayList<>();
    Map<String, Router.Handler> left = new LinkedHashMap<>(handlers);
    SpecOperation.inRoutingOrder(operations).forEach(op -> {
      Router.Handler h = left.remove(op.id());
      if (h == null) {
        missing.add(op.id() + " (" + op.method() + " " + op.path() + ")");
      } else {
        routes.add(new Route(op.method(), op.pathPattern(), !op.requiresCredentials(), op.id(), h));
      }
    });
    List<String> problems = new ArrayList<>();
    if (!missing.isEmpty()) {
      problems.add("the spec's operations " + missing + " have no sandbox handler: add one with on(...) "
          + "or declare it unsupported(...) with what the sandbox answers instead");
    }
    if (!left.isEmpty()) {
      problems.add("the handlers of " + left.keySet() + " name no operation of the spec");
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Cannot start the Atlas sandbox: " + String.join("; ", problems));
    }
    return routes;
  }
}
