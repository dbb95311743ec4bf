package dev.atlas.client.internal;

import com.google.gson.Gson;
import dev.atlas.client.RequestOptions;
import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.generated.invoker.ApiException;
import dev.atlas.client.retry.RetryPolicy;
import dev.atlas.client.retry.Sleeper;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.UnaryOperator;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Executes requests built by the generated API classes and turns responses into models or typed
 * exceptions. Internal API.
 */
public final class Transport {
  /** Most bytes of an error or non-JSON body that are read to describe it. */
  static final long MAX_ERROR_BODY_BYTES = 1L << 20;
  /** Success bodies up to this size are read whole and parsed from a String; larger ones are streamed. */
  static final long WHOLE_BODY_BYTES = 256L << 10;

  /** Builds the call for one attempt, usually a generated {@code xxxCall(..., null)} method. */
  @FunctionalInterface
  public interface CallFactory {
    /**
     * @return a new, not yet executed call
     * @throws ApiException when the generated code rejects an argument
     */
    Call create() throws ApiException;
  }

  private final OkHttpClient http;
  private final Gson gson;
  private final Clock clock;
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final DoubleSupplier random;
  /** Masks the client's credentials in text that came from the server (an echoing proxy page). */
  private final UnaryOperator<String> redactor;

  /**
   * @param http the client that executes calls (with credentials and default headers applied)
   * @param gson the generated models' Gson
   * @param clock the clock for {@code Retry-After} dates
   * @param policy the retry policy
   * @param sleeper waits between attempts
   * @param random jitter source, uniform in [0, 1)
   * @param redactor masks credentials in server text that goes into exceptions
   */
  public Transport(OkHttpClient http, Gson gson, Clock clock, RetryPolicy policy, Sleeper sleeper,
      DoubleSupplier random, UnaryOperator<String> redactor) {
    this.http = http;
    this.gson = gson;
    this.clock = clock;
    this.policy = policy;
    this.sleeper = sleeper;
    this.random = random;
    this.redactor = redactor;
  }

  /** @return the retry policy */
  public RetryPolicy policy() {
    return policy;
  }

  /** @return the sleeper between attempts */
  public Sleeper sleeper() {
    return sleeper;
  }

  /** @return the jitter source */
  public DoubleSupplier random() {
    return random;
  }

  /**
   * Runs one call, with retries per the policy, and parses its JSON success body; optionally
   * parses the body of one non-2xx status as a success (the health check's 503 carries a health
   * report).
   *
   * @param <T> the result type
   * @param factory builds the request
   * @param type the body type
   * @param options per-call options
   * @param resourceId the id named by the call, or null
   * @param bodyStatus a non-2xx status whose body is parsed as {@code type}, or -1
   * @param readOnly true for a POST that changes nothing (retried like a GET)
   * @return the parsed body
   * @throws AtlasException on failure, after any retries; {@link AtlasException#attempts()} says how many
   */
  public <T> T execute(CallFactory factory, Type type, RequestOptions options, String resourceId, int bodyStatus,
      boolean readOnly) {
    Request request = request(factory);
    return withRetries(options, readOnly || isIdempotent(request.method()),
        () -> executeOnce(newCall(request, options), type, resourceId, bodyStatus));
  }

  /** Runs attempts until one succeeds or the policy says stop; the last failure records the attempts. */
  private <T> T withRetries(RequestOptions options, boolean idempotent,
      java.util.function.Supplier<T> attemptOnce) {
    int max = options.maxRetries().orElse(policy.maxRetries());
    List<AtlasException> earlier = new ArrayList<>(0);
    for (int attempt = 1; ; attempt++) {
      try {
        return attemptOnce.get();
      } catch (AtlasException e) {
        if (attempt > max || !Retries.shouldRetry(e, idempotent, options.retryUnsafe())) {
          throw ErrorMapper.withAttempts(e, attempt, earlier);
        }
        try {
          sleeper.sleep(policy.delay(attempt, e.retryAfter(), random));
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw ErrorMapper.withAttempts(e, attempt, earlier);
        }
        earlier.add(e);
      }
    }
  }


  /**
   * Like {@link #execute(CallFactory, Type, RequestOptions, String, int, boolean)} without blocking
   * a thread: calls go through OkHttp's dispatcher and the waits between retries are timers.
   * Cancelling the returned future cancels the HTTP call in flight and any retry to come.
   *
   * @param <T> the result type
   * @param factory builds the request
   * @param type the body type
   * @param options per-call options
   * @param resourceId the id named by the call, or null
   * @param bodyStatus a non-2xx status whose body is parsed as {@code type}, or -1
   * @param readOnly true for a POST that changes nothing
   * @return the result; completes exceptionally with the typed {@link AtlasException} itself
   */
  public <T> CompletableFuture<T> executeAsync(CallFactory factory, Type type, RequestOptions options, String resourceId,
      int bodyStatus, boolean readOnly) {
    Request request;
    try {
      request = request(factory);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    boolean idempotent = readOnly || isIdempotent(request.method());
    int max = options.maxRetries().orElse(policy.maxRetries());
    AsyncCall<T> result = new AsyncCall<>();
    attemptAsync(result, request, type, options, resourceId, bodyStatus, idempotent, max, 1, new ArrayList<>(0));
    return result;
  }

  /** A future that cancels the HTTP call in flight when it is cancelled. */
  private static final class AsyncCall<T> extends CompletableFuture<T> {
    private volatile Call current;

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      Call c = current;
      if (c != null) {
        c.cancel();
      }
      return cancelled;
    }
  }

  private <T> void attemptAsync(AsyncCall<T> result, Request request, Type type, RequestOptions options,
      String resourceId, int bodyStatus, boolean idempotent, int max, int attempt, List<AtlasException> earlier) {
    if (result.isDone()) {
      return;
    }
    Call call = newCall(request, options);
    result.current = call;
    if (result.isCancelled()) {
      call.cancel();
      return;
    }
    String method = request.method();
    String path = request.url().encodedPath();
    call.enqueue(new okhttp3.Callback() {
      @Override
      public void onFailure(Call c, IOException e) {
        failed(ErrorMapper.fromIOException(e, method, path));
      }

      @Override
      public void onResponse(Call c, Response response) {
        try (response) {
          int status = response.code();
          T value;
          if (response.isSuccessful() || status == bodyStatus) {
            value = parseSuccess(response, type, method, path, bodyStatus >= 0 && status == bodyStatus, resourceId);
          } else {
            throw toException(response, method, path, resourceId);
          }
          result.complete(value);
        } catch (AtlasException e) {
          failed(e);
        } catch (RuntimeException e) {
          result.completeExceptionally(e);
        }
      }

      private void failed(AtlasException e) {
        if (result.isDone()) {
          return;
        }
        if (attempt > max || !Retries.shouldRetry(e, idempotent, options.retryUnsafe())) {
          result.completeExceptionally(ErrorMapper.withAttempts(e, attempt, earlier));
          return;
        }
        earlier.add(e);
        sleeper.after(policy.delay(attempt, e.retryAfter(), random)).whenComplete((ok, err) -> attemptAsync(result,
            request, type, options, resourceId, bodyStatus, idempotent, max, attempt + 1, earlier));
      }
    });
  }

  /**
   * @param method an HTTP method
   * @return whether running it twice is harmless (all but POST)
   */
  public static boolean isIdempotent(String method) {
    return !method.equals("POST");
  }

  private <T> T executeOnce(Call call, Type type, String resourceId, int bodyStatus) {
    Request request = call.request();
    String method = request.method();
    String path = request.url().encodedPath();
    Response response;
    try {
      response = call.execute();
    } catch (IOException e) {
      throw ErrorMapper.fromIOException(e, method, path);
    }
    try (response) {
      int status = response.code();
      if (response.isSuccessful() || status == bodyStatus) {
        return parseSuccess(response, type, method, path, bodyStatus >= 0 && status == bodyStatus, resourceId);
      }
      throw toException(response, method, path, resourceId);
    }
  }

  /**
   * Executes a request whose body the caller will consume (a stream), mapping a non-2xx response
   * to its typed exception. Retries only before the response arrives, per the policy.
   *
   * @param request the request
   * @param options per-call options
   * @return the open 2xx response and its call; the caller closes the response
   * @throws AtlasException if the call fails or the status is not 2xx
   */
  public Opened open(Request request, RequestOptions options) {
    return withRetries(options, isIdempotent(request.method()), () -> openOnce(newCall(request, options)));
  }


  /**
   * An open response and the call that produced it (to cancel).
   *
   * @param call the call
   * @param response the 2xx response
   */
  public record Opened(Call call, Response response) {}

  private Opened openOnce(Call call) {
    Request request = call.request();
    Response response;
    try {
      response = call.execute();
    } catch (IOException e) {
      throw ErrorMapper.fromIOException(e, request.method(), request.url().encodedPath());
    }
    if (response.isSuccessful()) {
      return new Opened(call, response);
    }
    try (response) {
      throw toException(response, request.method(), request.url().encodedPath(), null);
    }
  }

  /**
   * Creates a call for a request the caller adjusted, with the per-call options applied.
   *
   * @param request the request
   * @param options per-call options
   * @return a call ready to execute
   */
  public Call newCall(Request request, RequestOptions options) {
    Request withHeaders = request;
    if (!options.headers().isEmpty()) {
      Request.Builder builder = request.newBuilder();
      for (Map.Entry<String, String> h : options.headers().entrySet()) {
        builder.header(h.getKey(), h.getValue());
      }
      withHeaders = builder.build();
    }
    Call call = http.newCall(withHeaders);
    options.timeout().ifPresent(t -> call.timeout().timeout(t.toMillis(), TimeUnit.MILLISECONDS));
    return call;
  }

  /**
   * Builds the request of a generated call factory.
   *
   * @param factory the generated call factory
   * @return its request
   * @throws IllegalArgumentException if the generated code rejects an argument
   */
  public static Request request(CallFactory factory) {
    try {
      return factory.create().request();
    } catch (ApiException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * Maps a non-2xx response to an exception, reading a bounded prefix of its body.
   *
   * @param response the response (not closed here)
   * @param method request method
   * @param path request path
   * @param resourceId id named by the call, or null
   * @return the exception
   */
  public AtlasException toException(Response response, String method, String path, String resourceId) {
    String body;
    try {
      body = redactor.apply(readPrefix(response.body(), MAX_ERROR_BODY_BYTES));
    } catch (IOException e) {
      body = null;
    }
    return ErrorMapper.fromErrorResponse(response.code(), response.header("Content-Type"), response.header("Retry-After"),
        body, method, path, resourceId, clock);
  }

  private <T> T parseSuccess(Response response, Type type, String method, String path, boolean isErrorStatus, String resourceId) {
    ResponseBody body = response.body();
    if (type == Void.class || type == void.class) {
      return null;
    }
    String contentType = response.header("Content-Type");
    try {
      BufferedSource source = body.source();
      int first = firstNonBlank(source);
      if (first < 0) {
        throw ErrorMapper.invalidResponse(response.code(), contentType, "", "expected a JSON body", method, path, null);
      }
      boolean jsonType = contentType == null || contentType.toLowerCase(Locale.ROOT).contains("json");
      if (!jsonType || (first != '{' && first != '[')) {
        if (isErrorStatus) {
          throw toException(response, method, path, resourceId);
        }
        String prefix = redactor.apply(readPrefix(body, MAX_ERROR_BODY_BYTES));
        throw ErrorMapper.invalidResponse(response.code(), contentType, prefix, "expected a JSON body", method, path, null);
      }
      Charset charset = charset(body, contentType);
      T value;
      if (!source.request(WHOLE_BODY_BYTES + 1)) {
        // at most WHOLE_BODY_BYTES, now all read: parse it from one String (no 8 KiB decoder buffer per call)
        value = gson.fromJson(source.readString(charset), type);
      } else {
        try (Reader reader = new InputStreamReader(source.inputStream(), charset)) {
          value = gson.fromJson(reader, type);
        }
      }
      if (value == null) {
        throw ErrorMapper.invalidResponse(response.code(), contentType, "null", "expected a JSON object", method, path, null);
      }
      return value;
    } catch (AtlasException e) {
      throw e;
    } catch (IOException e) {
      throw ErrorMapper.fromIOException(e, method, path);
    } catch (RuntimeException | StackOverflowError e) {
      IOException io = ioCause(e);
      if (io != null) {
        throw ErrorMapper.fromIOException(io, method, path); // the connection broke while Gson was reading
      }
      throw ErrorMapper.invalidResponse(response.code(), contentType, null,
          "the body does not match the documented shape: " + e.getMessage(), method, path, e);
    }
  }

  /** @return the transport failure behind a parse failure, or null when the body itself was bad */
  private static IOException ioCause(Throwable t) {
    for (Throwable c = t.getCause(); c != null; c = c.getCause()) {
      if (c instanceof com.google.gson.stream.MalformedJsonException || c instanceof java.io.EOFException) {
        return null; // malformed or truncated JSON in a complete body
      }
      if (c instanceof IOException io) {
        return io;
      }
    }
    return null;
  }

  /** @return the first byte that is not blank or part of a BOM, looked at in the read buffer without consuming it; -1 if none */
  private static int firstNonBlank(BufferedSource source) throws IOException {
    for (long i = 0; i < 4096 && source.request(i + 1); i++) {
      int b = source.getBuffer().getByte(i) & 0xff;
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != 0xEF && b != 0xBB && b != 0xBF) {
        return b;
      }
    }
    return -1;
  }

  /** @return the charset the response declares, UTF-8 when it declares none (parsed only when it names one) */
  private static Charset charset(ResponseBody body, String contentType) {
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).contains("charset")) {
      return StandardCharsets.UTF_8;
    }
    MediaType mt = body.contentType();
    Charset declared = mt == null ? null : mt.charset();
    return declared != null ? declared : StandardCharsets.UTF_8;
  }


  private static String readPrefix(ResponseBody body, long max) throws IOException {
    if (body == null) {
      return "";
    }
    BufferedSource source = body.source();
    source.request(max);
    long n = Math.min(source.getBuffer().size(), max);
    MediaType mt = body.contentType();
    return source.getBuffer().readString(n, mt != null && mt.charset() != null ? mt.charset() : StandardCharsets.UTF_8);
  }
}
