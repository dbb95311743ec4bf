package dev.atlas.examples;

import dev.atlas.client.AtlasClient;
import dev.atlas.client.ListConversationsParams;
import dev.atlas.client.RawResponse;
import dev.atlas.client.RequestOptions;
import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.errors.AtlasInvalidRequestException;
import dev.atlas.client.errors.AtlasNotFoundException;
import dev.atlas.client.errors.AtlasRateLimitException;
import dev.atlas.client.generated.model.ValidateSQLResponse;

/**
 * Catch errors by category, read code, status, retryability and request id; see a 422's fields,
 * a raw response, and retries at work.
 */
public final class ErrorHandlingExample {
  private ErrorHandlingExample() {}

  /**
   * Runs the example.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    Examples.runAlone("ErrorHandlingExample", ErrorHandlingExample::run);
  }

  static void run(AtlasClient atlas) {
    Examples.heading("Error handling");
    try {
      atlas.conversations().get("not-a-uuid/../../admin");
      System.out.println("(the server accepted the id)");
    } catch (AtlasNotFoundException e) {
      System.out.println("Not found: " + e.resourceId().orElse("?") + " (" + e.code().wireValue() + ")");
    } catch (AtlasRateLimitException e) {
      System.out.println("Rate limited; retry after " + e.retryAfter().orElse(null));
    } catch (AtlasInvalidRequestException e) {
      System.out.println("Rejected: " + e.getMessage());
    } catch (AtlasException e) {
      System.out.println("Failed: [" + e.code().wireValue() + "] status " + e.status() + ", retryable " + e.retryable()
          + ", requestId " + e.requestId().orElse("-"));
    }
    Outcomes.passPart(); // the failure came back typed
    // a blank question is refused before anything is sent (the chat route would start an empty conversation)
    try {
      atlas.query(" ");
    } catch (IllegalArgumentException e) {
      System.out.println("Refused before sending: " + e.getMessage());
    }
    // a 422 names each field and its problem; nothing is created, the server refuses the empty SQL text
    try {
      atlas.validateSql("");
    } catch (AtlasInvalidRequestException e) {
      System.out.println("Validation: " + e.getMessage());
    }
    // the HTTP answer of any call: status, headers, request id, the body as sent, and the result
    RawResponse<ValidateSQLResponse> raw = atlas.withRawResponse(a -> a.validateSql("SELECT 1"));
    System.out.println("Raw: HTTP " + raw.status() + ", " + raw.header("content-type").orElse("no content type")
        + ", request id " + raw.requestId().orElse("-") + ", body " + raw.bodyText().map(b -> b.length() + " chars")
        .orElse("-") + ", valid " + raw.result().getValid());
    Outcomes.passPart();
    // a rate limit the client retries by itself, waiting as the server asks (the sandbox injects it)
    if (Examples.onSandbox()) {
      RequestOptions limited = RequestOptions.builder().header("X-Sandbox-Fault", "rate-limit").maxRetries(1).build();
      try {
        atlas.conversations().list(ListConversationsParams.defaults(), limited);
      } catch (AtlasRateLimitException e) {
        System.out.println("Rate limited after " + e.attempts() + " attempts; the server asked to wait "
            + e.retryAfter().map(Object::toString).orElse("?"));
      }
    } else {
      Outcomes.skipPart("rate-limit retries", "needs a fault injected by the sandbox; runs only on the sandbox");
    }
    try (AtlasClient unreachable = AtlasClient.builder().baseUrl("http://127.0.0.1:9").apiKey("demo").build()) {
      unreachable.health();
    } catch (AtlasException e) {
      System.out.println("Unreachable server: " + e.getClass().getSimpleName() + ", status " + e.status()
          + ", retryable " + e.retryable() + ", may have reached the server " + e.requestMayHaveReachedServer());
    }
  }
}
