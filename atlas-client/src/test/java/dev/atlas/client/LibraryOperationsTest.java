package dev.atlas.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atlas.client.generated.model.ModeStatus;
import dev.atlas.client.generated.model.PromptCollectionWithItems;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The prompt library, suggestions, favorites, the user's semantic entities and the mode on the wire. */
class LibraryOperationsTest extends WireMockSupport {
  static final String JS = "Sun Nov 22 2026 08:00:00 GMT+0000 (Coordinated Universal Time)";
  static final String COLLECTION = "{\"id\":\"c1\",\"orgId\":null,\"name\":\"Retail\",\"industry\":\"retail\","
      + "\"description\":\"d\",\"isBuiltin\":true,\"sortOrder\":1,\"status\":\"published\",\"createdAt\":\"" + JS
      + "\",\"updatedAt\":\"" + JS + "\"}";

  @Test
  void promptCollectionsKeepTheirJavaScriptDates() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/prompts")).willReturn(okJson("{\"collections\":[" + COLLECTION + "]}")));
    assertThat(client().prompts().collections().getCollections().get(0).getCreatedAt().toInstant())
        .contains(Instant.parse("2026-11-22T08:00:00Z"));
    wm.stubFor(get(urlPathEqualTo("/api/v1/prompts/c%201")).willReturn(okJson("{\"collection\":" + COLLECTION
        + ",\"items\":[{\"id\":\"i1\",\"collectionId\":\"c1\",\"question\":\"Revenue?\",\"description\":null,"
        + "\"category\":null,\"sortOrder\":1,\"createdAt\":\"" + JS + "\",\"updatedAt\":\"" + JS + "\"}]}")));
    PromptCollectionWithItems c = client().prompts().collection("c 1");
    assertThat(c.getItems()).singleElement().satisfies(i -> assertThat(i.getQuestion()).isEqualTo("Revenue?"));
    assertThat(c.getCollection().getCreatedAt().raw()).isEqualTo(JS);
  }

  @Test
  void suggestionsRepeatTheTableParameterAndAClickIsANoContentPost() {
    String list = "{\"suggestions\":[],\"total\":0}";
    wm.stubFor(get(urlPathEqualTo("/api/v1/suggestions")).willReturn(okJson(list)));
    client().suggestions().list(List.of("orders", "customers"), ListSuggestionsParams.defaults().withLimit(5));
    assertThat(onlyRequest().getUrl()).isEqualTo("/api/v1/suggestions?limit=5&table=orders&table=customers");
    assertThatThrownBy(() -> client().suggestions().list(List.of())).isInstanceOf(IllegalArgumentException.class);
    wm.stubFor(get(urlPathEqualTo("/api/v1/suggestions/popular")).willReturn(okJson(list)));
    assertThat(client().suggestions().popular(ListPopularSuggestionsParams.defaults().withLimit(3)).getTotal()).isZero();
    assertThat(received().get(1).getUrl()).isEqualTo("/api/v1/suggestions/popular?limit=3");
    wm.stubFor(post(urlPathEqualTo("/api/v1/suggestions/s1/click")).willReturn(aResponse().withStatus(204)));
    client().suggestions().click("s1");
    assertThat(received().get(2).getMethod().getName()).isEqualTo("POST");
  }

  @Test
  void favoritesArePinnedMovedAndUnpinned() {
    String fav = "{\"favorite\":{\"id\":\"fav_1\",\"text\":\"Revenue?\",\"position\":1,\"createdAt\":\"2026-12-06T10:15:00.000Z\"}}";
    wm.stubFor(post(urlPathEqualTo("/api/v1/starter-prompts/favorites")).willReturn(okJson(fav)));
    assertThat(client().prompts().favorites().create("Revenue?").getFavorite().getId()).isEqualTo("fav_1");
    assertThat(onlyRequest().getBodyAsString()).isEqualTo("{\"text\":\"Revenue?\"}");
    wm.stubFor(patch(urlPathEqualTo("/api/v1/starter-prompts/favorites/fav_1")).willReturn(okJson(fav)));
    client().prompts().favorites().update("fav_1", 3);
    assertThat(received().get(1).getBodyAsString()).isEqualTo("{\"position\":3}");
    wm.stubFor(delete(urlPathEqualTo("/api/v1/starter-prompts/favorites/fav_1")).willReturn(aResponse().withStatus(204)));
    client().prompts().favorites().delete("fav_1");
    assertThat(received()).hasSize(3);
  }

  private static String idle(String... kinds) {
    StringBuilder b = new StringBuilder();
    for (String k : kinds) {
      b.append(",\"").append(k).append("\":{\"lastEditedAt\":null}");
    }
    return b.toString().substring(1);
  }

  @Test
  void theUsersSemanticEntitiesAndTheModeWithNullDrafts() {
    wm.stubFor(get(urlPathEqualTo("/api/v1/semantic/entities")).willReturn(okJson("{\"entities\":[{\"table\":\"orders\","
        + "\"description\":\"Orders\",\"columnCount\":6,\"joinCount\":2,\"type\":\"\"}]}")));
    assertThat(client().semanticLayer().entities().getEntities().get(0).getType()).isEmpty();
    wm.stubFor(get(urlPathEqualTo("/api/v1/semantic/entities/orders")).willReturn(okJson(
        "{\"entity\":{\"table\":\"orders\",\"measures\":[{\"name\":\"revenue\"}]}}")));
    assertThat(client().semanticLayer().entity("orders").getEntity()).containsEntry("table", "orders");
    wm.stubFor(get(urlPathEqualTo("/api/v1/mode")).willReturn(okJson("{\"mode\":\"published\",\"canToggle\":false,"
        + "\"demoIndustry\":null,\"demoConnectionActive\":false,\"hasDrafts\":false,\"draftCounts\":null,\"draftActivity\":null}")));
    ModeStatus m = client().me().mode();
    assertThat(m.getMode()).isEqualTo("published");
    assertThat(m.getDraftCounts()).isNull();
    wm.stubFor(get(urlPathEqualTo("/api/v1/mode")).willReturn(okJson("{\"mode\":\"developer\",\"canToggle\":true,"
        + "\"demoIndustry\":\"retail\",\"demoConnectionActive\":true,\"hasDrafts\":true,\"draftCounts\":{\"connections\":0,"
        + "\"entities\":2,\"entityEdits\":1,\"entityDeletes\":0,\"prompts\":0,\"starterPrompts\":0,\"knowledgeDocuments\":0,"
        + "\"brainFacts\":0},\"draftActivity\":{\"entities\":{\"lastEditedAt\":\"2026-12-06T10:15:00.000Z\"},"
        + idle("connections", "entityEdits", "entityDeletes", "prompts", "starterPrompts", "knowledgeDocuments", "brainFacts")
        + "}}")));
    ModeStatus dev = client().me().mode();
    assertThat(dev.getDraftCounts().getEntities()).isEqualTo(2);
    assertThat(dev.getDraftActivity().getEntities().getLastEditedAt().toInstant())
        .contains(Instant.parse("2026-12-06T10:15:00Z"));
  }
}
