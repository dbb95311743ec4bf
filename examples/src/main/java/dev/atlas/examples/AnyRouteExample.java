package dev.atlas.examples;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.atlas.client.AtlasClient;
import dev.atlas.client.RouteRequest;
import dev.atlas.client.spec.OpenApiSpec;
import dev.atlas.client.spec.SpecOperation;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The door to any route ({@code atlas.routes()}): reads the server's published spec, calls an
 * admin route this SDK has no method for (the first read-only one without ids the server
 * publishes), and an admin route the SDK does cover, through the same door, with the client's
 * credentials, retries and typed errors.
 */
public final class AnyRouteExample {
  private AnyRouteExample() {}

  /**
   * Runs the example.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    Examples.runAlone("AnyRouteExample", AnyRouteExample::run);
  }

  static void run(AtlasClient atlas) {
    Examples.heading("Any route");
    // the live spec is public: GET /api/v1/openapi.json (no method of the SDK reads it)
    Optional<JsonObject> published = Outcomes.refusable("published spec",
        () -> atlas.routes().call(RouteRequest.get("/api/v1/openapi.json"))).map(JsonElement::getAsJsonObject);
    published.ifPresent(spec -> System.out.println("The server publishes " + countOperations(spec) + " operations"));
    Optional<String> route = published.flatMap(AnyRouteExample::adminReadTheSdkLacks);
    if (route.isEmpty()) {
      Outcomes.skipPart("admin route the SDK lacks", published.isEmpty() ? "the server's spec could not be read"
          : "the server publishes no admin GET without ids that the SDK lacks (the sandbox publishes the SDK's own)");
    } else {
      String path = route.get();
      Outcomes.refusable("admin route the SDK lacks", () -> atlas.routes().call(RouteRequest.get(path)))
          .ifPresent(answer -> System.out.println("GET " + path + " -> " + describe(answer)));
    }
    // a route the SDK covers, through the door: the answer the facade would read, as JSON
    Outcomes.refusable("admin overview by the door",
        () -> atlas.routes().call(RouteRequest.get("/api/v1/admin/overview").withQuery("source", "sdk-example")))
        .ifPresent(answer -> System.out.println("GET /api/v1/admin/overview -> " + describe(answer)));
  }

  /** @return the path of the first admin GET without path parameters the server has and the SDK lacks */
  static Optional<String> adminReadTheSdkLacks(JsonObject spec) {
    Set<String> ours = OpenApiSpec.operations().stream().map(o -> o.method() + " " + o.path())
        .collect(Collectors.toSet());
    return OpenApiSpec.operations(spec.toString()).stream()
        .filter(o -> o.method().equals("GET") && o.path().startsWith("/api/v1/admin/") && !o.path().contains("{"))
        .map(SpecOperation::path).filter(p -> !ours.contains("GET " + p)).sorted().findFirst();
  }

  private static int countOperations(JsonObject spec) {
    return OpenApiSpec.operations(spec.toString()).size();
  }

  private static String describe(JsonElement answer) {
    if (answer.isJsonObject()) {
      return "an object with " + new TreeSet<>(answer.getAsJsonObject().keySet());
    }
    return answer.isJsonArray() ? "a list of " + answer.getAsJsonArray().size() : answer.toString();
  }
}
