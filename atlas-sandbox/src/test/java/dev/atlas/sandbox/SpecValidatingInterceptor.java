package dev.atlas.sandbox;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.atlas.client.spec.OpenApiSpec;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Interceptor;
import okhttp3.Response;
import okio.Buffer;

/**
 * Validates every request the client sends and every response the sandbox returns against
 * openapi.json (Atlassian's OpenAPI validator), so the sandbox and the spec cannot drift apart.
 */
final class SpecValidatingInterceptor implements Interceptor {
  private static final OpenApiInteractionValidator VALIDATOR =
      OpenApiInteractionValidator.createForInlineApiSpecification(OpenApiSpec.json()).build();

  final List<String> problems = new CopyOnWriteArrayList<>();
  final List<String> validated = new CopyOnWriteArrayList<>();

  @Override
  public Response intercept(Chain chain) throws IOException {
    okhttp3.Request req = chain.request();
    Response res = chain.proceed(req);
    SimpleRequest.Builder rb = new SimpleRequest.Builder(req.method(), req.url().encodedPath());
    for (String name : req.url().queryParameterNames()) {
      rb.withQueryParam(name, req.url().queryParameterValues(name));
    }
    req.headers().forEach(h -> rb.withHeader(h.getFirst(), h.getSecond()));
    if (req.body() != null) {
      Buffer b = new Buffer();
      req.body().writeTo(b);
      rb.withBody(b.readUtf8());
    }
    String contentType = res.header("Content-Type", "");
    SimpleResponse.Builder sb = SimpleResponse.Builder.status(res.code());
    if (!contentType.isEmpty()) {
      sb.withContentType(contentType);
    }
    if (contentType.startsWith("text/event-stream")) {
      sb.withBody("(an event stream: its frames are checked as typed events by the tests)");
    } else if (contentType.startsWith("image/") || contentType.startsWith("application/pdf")) {
      sb.withBody("(binary: the tests check the bytes)"); // never held whole here: exports may be large
    } else if (res.code() != 204) {
      sb.withBody(res.peekBody(Long.MAX_VALUE).string());
    }
    Request request = rb.build();
    // an error answer to a deliberately invalid request: only the response must match the spec
    ValidationReport report = res.code() >= 400
        ? VALIDATOR.validateResponse(req.url().encodedPath(), Request.Method.valueOf(req.method()), sb.build())
        : VALIDATOR.validate(request, sb.build());
    String where = req.method() + " " + req.url().encodedPath() + " -> " + res.code();
    validated.add(where);
    for (ValidationReport.Message m : report.getMessages()) {
      if (m.getLevel() == ValidationReport.Level.ERROR) {
        problems.add(where + ": " + m.getKey() + " " + m.getMessage());
      }
    }
    return res;
  }
}
