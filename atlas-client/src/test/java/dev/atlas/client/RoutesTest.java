package dev.atlas.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.reflect.TypeToken;
import dev.atlas.client.errors.AtlasConnectionException;
import dev.atlas.client.errors.AtlasInvalidResponseException;
import dev.atlas.client.errors.AtlasNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The door to any route, over real HTTP: the request on the wire and what a facade call has. */
class RoutesTest extends WireMockSupport {
  record User(String id, String email) {}

  @Test
  void aGetEncodesItsIdsAndRepeatsItsQueryAndCarriesTheCredential() {
    wm.stubFor(any(anyUrl()).willReturn(okJson("{\"id\":\"u/1\",\"email\":\"a@x.io\",\"n\":\"12.50\"}")));
    JsonElement out = client().routes().call(RouteRequest.get("/api/v1/admin/users/{id}", "u/1 ?#%é")
        .withQuery("table", "orders", "customers").withQuery("q", "a&b"));
    LoggedRequest r = onlyRequest();
    assertThat(r.getMethod().getName()).isEqualTo("GET");
    assertThat(r.getUrl()).isEqualTo("/api/v1/admin/users/u%2F1%20%3F%23%25%C3%A9?table=orders&table=customers&q=a%26b");
    assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + API_KEY);
    assertThat(r.getHeader("User-Agent")).startsWith("atlas-java/");
    assertThat(out.getAsJsonObject().get("n").getAsString()).isEqualTo("12.50");
  }

  @Test
  void aCallersClassAndAGenericTypeAreRead() {
    wm.stubFor(any(anyUrl()).willReturn(okJson("[{\"id\":\"u1\",\"email\":\"a@x.io\"}]")));
    List<User> users = client().routes().call(RouteRequest.get("/api/v1/admin/users"),
        new TypeToken<List<User>>() {}.getType(), RequestOptions.defaults());
    assertThat(users).containsExactly(new User("u1", "a@x.io"));
    wm.resetAll();
    wm.stubFor(any(anyUrl()).willReturn(okJson("{\"id\":\"u2\",\"email\":\"b@x.io\"}")));
    assertThat(client().routes().call(RouteRequest.get("/api/v1/admin/users/{id}", "u2"), User.class))
        .isEqualTo(new User("u2", "b@x.io"));
  }

  @Test
  void aJsonBodyKeepsItsExplicitNullsAndAMapIsWrittenByGson() {
    wm.stubFor(any(anyUrl()).willReturn(okJson("{\"ok\":true}")));
    JsonObject body = new JsonObject();
    body.addProperty("theme", "dark");
    body.add("language", JsonNull.INSTANCE);
    client().routes().call(RouteRequest.patch("/api/v1/me/preferences").withBody(body));
    assertThat(onlyRequest().getBodyAsString()).isEqualTo("{\"theme\":\"dark\",\"language\":null}");
    assertThat(onlyRequest().getHeader("Content-Type")).startsWith("application/json");
    wm.resetAll();
    wm.stubFor(any(anyUrl()).willReturn(okJson("{}")));
    client().routes().call(RouteRequest.post("/api/v1/admin/users/{id}/ban", "u1").withBody(Map.of("reason", "spam")));
    assertThat(onlyRequest().getBodyAsString()).isEqualTo("{\"reason\":\"spam\"}");
    assertThat(onlyRequest().getUrl()).isEqualTo("/api/v1/admin/users/u1/ban");
  }

  @Test
  void aNoContentAnswerIsJsonNullOrANullResult() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
    assertThat(client().routes().call(RouteRequest.delete("/api/v1/dashboards/{id}/share", "d1")))
        .isEqualTo(JsonNull.INSTANCE);
    assertThat(client().routes().call(RouteRequest.delete("/api/v1/dashboards/{id}", "d1"), User.class)).isNull();
    assertThat(client().routes().callAsync(RouteRequest.post("/api/v1/x"), RequestOptions.defaults()).join())
        .isEqualTo(JsonNull.INSTANCE);
  }

  @Test
  void errorsAreTypedAndNameTheLastId() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"not_found\",\"message\":\"User not found.\",\"requestId\":\"req-9\"}")));
    assertThatThrownBy(() -> client().routes().call(RouteRequest.get("/api/v1/admin/users/{id}", "u404")))
        .isInstanceOfSatisfying(AtlasNotFoundException.class, e -> {
          assertThat(e.status()).isEqualTo(404);
          assertThat(e.requestId()).contains("req-9");
          assertThat(e.getMessage()).contains("u404");
        });
  }

  @Test
  void aNonJsonAnswerIsAnInvalidResponse() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/csv")
        .withBody("a,b\n1,2\n")));
    assertThatThrownBy(() -> client().routes().call(RouteRequest.get("/api/v1/export")))
        .isInstanceOf(AtlasInvalidResponseException.class);
  }

  @Test
  void aGetIsRetriedAfterADroppedConnectionAnActingPostIsNotAReadOnlyPostIs() {
    wm.stubFor(any(anyUrl()).inScenario("drop").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("up"));
    wm.stubFor(any(anyUrl()).inScenario("drop").whenScenarioStateIs("up").willReturn(okJson("{\"ok\":true}")));
    assertThat(client().routes().call(RouteRequest.get("/api/v1/admin/users")).getAsJsonObject().get("ok").getAsBoolean())
        .isTrue();
    assertThat(received()).hasSize(2);

    wm.resetAll();
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    assertThatThrownBy(() -> client().routes().call(RouteRequest.post("/api/v1/admin/users/{id}/ban", "u1")))
        .isInstanceOf(AtlasConnectionException.class);
    assertThat(received()).hasSize(1);

    wm.resetAll();
    wm.stubFor(any(anyUrl()).inScenario("drop2").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("up"));
    wm.stubFor(any(anyUrl()).inScenario("drop2").whenScenarioStateIs("up").willReturn(okJson("{}")));
    client().routes().call(RouteRequest.post("/api/v1/admin/semantic/preview").readOnly());
    assertThat(received()).hasSize(2);
  }

  @Test
  void listenersTheHttpLogAndRawResponsesSeeTheCall() {
    wm.stubFor(any(anyUrl()).willReturn(okJson("{\"ok\":true}").withHeader("X-Request-Id", "req-7")));
    List<String> log = new ArrayList<>();
    List<CallInfo> calls = new ArrayList<>();
    try (AtlasClient atlas = builder().apiKey(API_KEY).httpLogging(HttpLogLevel.BASIC, log::add)
        .addListener(new AtlasListener() {
          @Override
          public void callStarted(CallInfo call) {
            calls.add(call);
          }
        }).build()) {
      RawResponse<JsonElement> raw = atlas.withRawResponse(a -> a.routes().call(
          RouteRequest.get("/api/v1/admin/users/{id}", "u1")));
      assertThat(raw.status()).isEqualTo(200);
      assertThat(raw.requestId()).contains("req-7");
      assertThat(raw.bodyText()).contains("{\"ok\":true}");
      assertThat(raw.result().getAsJsonObject().get("ok").getAsBoolean()).isTrue();
    }
    assertThat(calls).singleElement().satisfies(c -> {
      assertThat(c.operation()).isEqualTo("GET /api/v1/admin/users/{id}");
      assertThat(c.path()).isEqualTo("/api/v1/admin/users/u1");
    });
    assertThat(String.join("\n", log)).contains("/api/v1/admin/users/u1").doesNotContain(API_KEY);
  }

  @Test
  void aBadTemplateOrIdIsRefusedBeforeSending() {
    assertThatThrownBy(() -> RouteRequest.get("/api/v1/x/{id}")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 placeholder(s) but 0 id(s)");
    assertThatThrownBy(() -> RouteRequest.get("/api/v1/x?limit=1")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RouteRequest.get("api/v1/x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RouteRequest.get("/api/v1/x/{id}", "..")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RouteRequest.of("TRACE", "/x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RouteRequest.get("/api/v1/x-{id}", "a")).isInstanceOf(IllegalArgumentException.class);
    assertThat(RouteRequest.get("/api/v1/x/{id}", "secret-id").toString()).isEqualTo("GET /api/v1/x/{id}");
  }
}
