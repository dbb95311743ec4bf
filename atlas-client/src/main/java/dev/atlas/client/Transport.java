package dev.atlas.client;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.atlas.client.errors.AtlasErrorCode;
import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.errors.AtlasInvalidResponseException;
import dev.atlas.client.errors.ErrorInfo;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Makes one attempt of a call: sends an {@link Operation}'s request and turns the response into a
 * model or a typed exception, or opens a stream's response for its reader. Retries are
 * {@link RetryEngine}'s.
 */
final class Transport {
  /** Most bytes of an error or non-JSON body that are read to describe it. */
  static final long MAX_ERROR_BODY_BYTES = 1L << 20;
  /** Success bodies up to this size are read whole and parsed from a String; larger ones are streamed. */
  static final long WHOLE_BODY_BYTES = 256L << 10;

  private final OkHttpClient http;
  private final Gson gson;
  private final Clock clock;
  /** Masks the client's credentials in text that came from the server (an echoing proxy page). */
  private final UnaryOperator<String> redactor;

  /**
   * @param http the client that executes calls (with credentials and default headers applied)
   * @param gson the generated models' Gson
   * @param clock the clock for {@code Retry-After} dates
   * @param redactor masks credentials in server text that goes into exceptions
   */
  public Transport(OkHttpClient http, Gson gson, Clock clock, UnaryOperator<String> redactor) {
    this.http = http;
    this.gson = gson;
    this.clock = clock;
    this.redactor = redactor;
  }

  /**
   * Makes one blocking attempt.
   *
   * @param <T> the result type
   * @param op the operation
   * @param request its request
   * @param options per-call options
   * @param trace the call's record, told of the answer
   * @return the result
   * @throws AtlasException on failure
   */
  public <T> T exchange(Operation<T> op, Request request, RequestOptions options, CallTrace trace) {
    try (Response response = execute(newCall(request, options), op.safeToRepeat(request))) {
      return handle(op, response, trace);
    }
  }

  /**
   * Makes one attempt on OkHttp's dispatcher.
   *
   * @param <T> the result type
   * @param op the operation
   * @param request its request
   * @param options per-call options
   * @param trace the call's record, told of the answer
   * @return the result; fails with the typed {@link AtlasException}; cancelling it cancels the call
   */
  public <T> CompletableFuture<T> exchangeAsync(Operation<T> op, Request request, RequestOptions options,
      CallTrace trace) {
    Call call = newCall(request, options);
    CompletableFuture<T> result = new CompletableFuture<>() {
      @Override
      public boolean cancel(boolean mayInterruptIfRunning) {
        call.cancel();
        return super.cancel(mayInterruptIfRunning);
      }
    };
    call.enqueue(new okhttp3.Callback() {
      @Override
      public void onFailure(Call c, IOException e) {
        result.completeExceptionally(TransportFailure.map(e, request, op.safeToRepeat(request)));
      }

      @Override
      public void onResponse(Call c, Response response) {
        try (response) {
          result.complete(handle(op, response, trace));
        } catch (RuntimeException e) {
          result.completeExceptionally(e);
        }
      }
    });
    return result;
  }

  /**
   * Makes one attempt whose body the caller will consume: an event stream (a 2xx of another content
   * type is an invalid response).
   *
   * @param request the request
   * @param options per-call options
   * @param safeToRepeat whether the request may run twice without harm (decides what a broken
   *     connection may be retried)
   * @param trace the call's record, told of the answer and then of the stream's events
   * @return the open 2xx response and its call; the caller closes the response
   * @throws AtlasException if the call fails or the status is not 2xx
   */
  public Opened open(Request request, RequestOptions options, boolean safeToRepeat, CallTrace trace) {
    Call call = newCall(request, options);
    Response response = execute(call, safeToRepeat);
    trace.responded(response);
    if (response.isSuccessful()) {
      String type = response.header("Content-Type");
      if (type != null && type.toLowerCase(Locale.ROOT).startsWith("text/event-stream")) {
        return new Opened(call, response, trace);
      }
      try (response) {
        throw new AtlasInvalidResponseException(ErrorInfo.builder(AtlasErrorCode.INVALID_RESPONSE)
            .status(response.code()).request(request.method(), request.url().encodedPath())
            .description("HTTP " + response.code() + " with " + (type == null ? "no content type" : type)
                + " instead of text/event-stream")
            .build(), null);
      }
    }
    try (response) {
      throw toException(response, null);
    }
  }

  /**
   * Makes one attempt whose body the caller will consume as bytes (a file): any 2xx is opened, its
   * content type is checked by the caller.
   *
   * @param request the request
   * @param options per-call options
   * @param safeToRepeat whether the request may run twice without harm
   * @param trace the call's record
   * @return the open 2xx response and its call; the caller closes the response
   * @throws AtlasException if the call fails or the status is not 2xx
   */
  public Opened openBody(Request request, RequestOptions options, boolean safeToRepeat, CallTrace trace) {
    Call call = newCall(request, options);
    Response response = execute(call, safeToRepeat);
    trace.responded(response);
    if (response.isSuccessful()) {
      return new Opened(call, response, trace);
    }
    try (response) {
      throw toException(response, null);
    }
  }

  /**
   * An open response, the call that produced it (to cancel) and the call's record.
   *
   * @param call the call
   * @param response the 2xx response
   * @param trace the record its stream reports its events to
   */
  record Opened(Call call, Response response, CallTrace trace) {}

  /** @return the response of a blocking call; a transport failure is a typed connection exception */
  private static Response execute(Call call, boolean safeToRepeat) {
    try {
      return call.execute();
    } catch (IOException e) {
      throw TransportFailure.map(e, call.request(), safeToRepeat);
    }
  }

  private Call newCall(Request request, RequestOptions options) {
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

  private <T> T handle(Operation<T> op, Response response, CallTrace trace) {
    int status = response.code();
    trace.responded(response);
    if (response.isSuccessful()) {
      if (op.allowsEmpty() && (status == 204 || status == 205)) {
        return null; // no body (a dashboard write the server could not re-read, any route's 204): null
      }
      return op.finished(parseSuccess(response, op.resultType(), op.safeToRepeat(response.request()), trace));
    }
    if (op.isResultStatus(status)) {
      return op.finished(parseResultOnErrorStatus(op, response, trace));
    }
    throw toException(response, op.resourceId());
  }

  /** A non-2xx body that is a result unless it is an error envelope (or not JSON at all). */
  private <T> T parseResultOnErrorStatus(Operation<T> op, Response response, CallTrace trace) {
    String body;
    try {
      body = readPrefix(response.body(), MAX_ERROR_BODY_BYTES);
    } catch (IOException e) {
      throw TransportFailure.map(e, response.request(), true);
    }
    JsonObject o = ErrorEnvelope.parseObject(body);
    if (o == null || ErrorEnvelope.isEnvelope(o)) {
      throw ErrorMapper.withCredentialHint(ErrorMapper.fromErrorResponse(response.code(),
          response.header("Content-Type"), response.header("Retry-After"), redactor.apply(body), method(response),
          path(response), op.resourceId(), clock), response);
    }
    trace.body(body);
    try {
      return gson.fromJson(o, op.resultType());
    } catch (RuntimeException e) {
      throw ErrorMapper.invalidResponse(response.code(), response.header("Content-Type"), redactor.apply(body),
          "the body does not match the documented shape: " + e.getMessage(), method(response), path(response), e);
    }
  }

  private static String method(Response response) {
    return response.request().method();
  }

  private static String path(Response response) {
    return response.request().url().encodedPath();
  }

  /**
   * Maps a non-2xx response to an exception, reading a bounded prefix of its body.
   *
   * @param response the response (not closed here)
   * @param resourceId id named by the call, or null
   * @return the exception
   */
  private AtlasException toException(Response response, String resourceId) {
    String body;
    try {
      body = redactor.apply(readPrefix(response.body(), MAX_ERROR_BODY_BYTES));
    } catch (IOException e) {
      body = null;
    }
    return ErrorMapper.withCredentialHint(ErrorMapper.fromErrorResponse(response.code(),
        response.header("Content-Type"), response.header("Retry-After"), body, method(response), path(response),
        resourceId, clock), response);
  }

  private <T> T parseSuccess(Response response, Type type, boolean safeToRepeat, CallTrace trace) {
    ResponseBody body = response.body();
    if (type == Void.class || type == void.class) {
      return null;
    }
    String method = method(response);
    String path = path(response);
    String contentType = response.header("Content-Type");
    String text = null;
    try {
      BufferedSource source = body.source();
      int first = firstNonBlank(source);
      if (first < 0) {
        throw ErrorMapper.invalidResponse(response.code(), contentType, "", "expected a JSON body", method, path, null);
      }
      boolean jsonType = contentType == null || contentType.toLowerCase(Locale.ROOT).contains("json");
      if (!jsonType || (first != '{' && first != '[')) {
        String prefix = redactor.apply(readPrefix(body, MAX_ERROR_BODY_BYTES));
        throw ErrorMapper.invalidResponse(response.code(), contentType, prefix, "expected a JSON body", method, path, null);
      }
      Charset charset = charset(body, contentType);
      T value;
      if (trace.keepsBody() || !source.request(WHOLE_BODY_BYTES + 1)) {
        // at most WHOLE_BODY_BYTES (or a raw response asked for): parse it from one String
        text = source.readString(charset);
        trace.body(text);
        value = gson.fromJson(text, type);
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
      throw TransportFailure.map(e, response.request(), safeToRepeat);
    } catch (RuntimeException | StackOverflowError e) {
      IOException io = ioCause(e);
      if (io != null) {
        throw TransportFailure.map(io, response.request(), safeToRepeat); // the connection broke while Gson read
      }
      // text is null when the body was streamed: it is then described by its type, not as empty
      throw ErrorMapper.invalidResponse(response.code(), contentType, text == null ? null : redactor.apply(text),
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
