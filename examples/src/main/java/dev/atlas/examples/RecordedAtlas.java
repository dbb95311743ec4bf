package dev.atlas.examples;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathTemplate;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.atlas.client.spec.OpenApiSpec;
import java.util.Map;

/**
 * A stand-in Atlas server on 127.0.0.1 that answers every operation with the example the spec
 * documents for it (recorded shapes, not a live agent). Used by the examples when no
 * {@code ATLAS_BASE_URL} is set.
 */
public final class RecordedAtlas implements AutoCloseable {
  /** The API key the stand-in server expects. */
  public static final String API_KEY = "sk-recorded-demo";

  private final WireMockServer server;

  private RecordedAtlas(WireMockServer server) {
    this.server = server;
  }

  /**
   * Starts the server on a free loopback port.
   *
   * @return the running server
   */
  public static RecordedAtlas start() {
    WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
        .disableRequestJournal());
    server.start();
    JsonObject spec = JsonParser.parseString(OpenApiSpec.json()).getAsJsonObject();
    for (Map.Entry<String, JsonElement> path : spec.getAsJsonObject("paths").entrySet()) {
      for (Map.Entry<String, JsonElement> op : path.getValue().getAsJsonObject().entrySet()) {
        if (!op.getValue().isJsonObject() || !op.getValue().getAsJsonObject().has("responses")) {
          continue;
        }
        JsonObject responses = op.getValue().getAsJsonObject().getAsJsonObject("responses");
        for (Map.Entry<String, JsonElement> r : responses.entrySet()) {
          if (!r.getKey().startsWith("2")) {
            continue;
          }
          var response = aResponse().withStatus(Integer.parseInt(r.getKey()));
          JsonObject content = r.getValue().getAsJsonObject().getAsJsonObject("content");
          if (content != null && content.has("application/json")) {
            response.withHeader("Content-Type", "application/json")
                .withBody(content.getAsJsonObject("application/json").get("example").toString());
          } else if (content != null && content.has("text/event-stream")) {
            response.withHeader("Content-Type", "text/event-stream")
                .withBody(content.getAsJsonObject("text/event-stream").get("example").getAsString());
          }
          server.stubFor(request(op.getKey().toUpperCase(java.util.Locale.ROOT), urlPathTemplate(path.getKey()))
              .willReturn(response));
          break;
        }
      }
    }
    return new RecordedAtlas(server);
  }

  /** @return the base URL to give the client */
  public String baseUrl() {
    return server.baseUrl();
  }

  /** Stops the server. */
  @Override
  public void close() {
    server.stop();
  }
}
