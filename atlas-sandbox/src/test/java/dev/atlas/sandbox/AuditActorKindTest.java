package dev.atlas.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.atlas.client.AtlasClient;
import dev.atlas.client.ListAuditLogParams;
import dev.atlas.client.errors.AtlasInvalidRequestException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The audit log's {@code actorKind} filter takes the real server's actor kinds, and nothing else. */
@WithAtlasSandbox
class AuditActorKindTest {
  /** The actor kinds the real server knows. */
  static final Set<String> SERVER_KINDS = Set.of("human", "agent", "mcp", "scheduler", "api_key");

  private final SpecValidatingInterceptor spec = new SpecValidatingInterceptor();
  private final AtlasSandbox sandbox;
  private final AtlasClient atlas;

  AuditActorKindTest(AtlasSandbox sandbox, AtlasClient atlas) {
    this.sandbox = sandbox;
    this.atlas = atlas.withOptions(b -> b.maxRetries(0).addNetworkInterceptor(spec));
  }

  @AfterEach
  void everyExchangeMatchedTheSpec() {
    assertThat(spec.problems).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"human", "agent", "mcp", "scheduler", "api_key"})
  void theServersActorKindsAreAcceptedAndFilter(String kind) {
    atlas.query("How many orders are there?"); // an api_key row at least
    var page = atlas.admin().audit(ListAuditLogParams.defaults().withActorKind(kind));
    assertThat(page.items()).allSatisfy(row -> assertThat(row.getActorKind()).isEqualTo(kind));
    assertThat(page.total() > 0).as("rows of kind " + kind).isEqualTo(kind.equals("api_key"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"user", "Human", "robot"})
  void anyOtherActorKindIs400InvalidRequest(String kind) {
    assertThatThrownBy(() -> atlas.admin().audit(ListAuditLogParams.defaults().withActorKind(kind)))
        .isInstanceOfSatisfying(AtlasInvalidRequestException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.rawCode()).isEqualTo("invalid_request");
        });
  }

  @Test
  void theSandboxsOwnRowsUseOnlyTheServersActorKinds() throws Exception {
    atlas.query("How many orders are there?");
    HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/api/v1/admin/audit?limit=200"))
        .header("Authorization", "Bearer " + sandbox.apiKey()).build();
    HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    JsonObject body = JsonParser.parseString(r.body()).getAsJsonObject();
    assertThat(body.getAsJsonArray("rows")).isNotEmpty();
    for (JsonElement row : body.getAsJsonArray("rows")) {
      JsonElement kind = row.getAsJsonObject().get("actor_kind");
      if (kind != null && !kind.isJsonNull()) {
        assertThat(kind.getAsString()).isIn(SERVER_KINDS);
      }
    }
  }

  @Test
  void rowsSayWhoRanThemAndTheFiltersApply() {
    atlas.query("How many orders are there?");
    var mine = atlas.admin().audit(ListAuditLogParams.defaults().withActorKind("api_key").withTool("executeSQL"));
    assertThat(mine.total()).isPositive();
    assertThat(mine.items()).allSatisfy(row -> {
      assertThat(row.getActorKind()).isEqualTo("api_key");
      assertThat(row.getToolName()).isEqualTo("executeSQL");
    });
    assertThat(atlas.admin().audit(ListAuditLogParams.defaults().withActorKind("scheduler")).total()).isZero();
  }

  @Test
  void theLastDayOfALocalDateRangeIsIncludedAndAnExclusiveBoundExcludesIt() {
    atlas.query("How many orders are there?");
    java.time.LocalDate today = java.time.LocalDate.of(2026, 11, 22); // the sandbox clock's day
    assertThat(atlas.admin().audit(ListAuditLogParams.defaults().withFrom(today).withTo(today)).total()).isPositive();
    assertThat(atlas.admin().audit(ListAuditLogParams.defaults().withTo(today.toString())).total())
        .as("the server's bound is exclusive: to=2026-11-22 is the start of that day").isZero();
  }
}
