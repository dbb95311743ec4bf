package dev.atlas.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.errors.AtlasNotFoundException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The prompt library, suggestions, favorites, the user's semantic entities and the mode on the sandbox. */
class LibrarySandboxTest extends SpecCheckedSandboxTest {

  @BeforeAll
  static void start() {
    startSandbox(AtlasSandbox.builder());
  }

  @Test
  void theLibraryHoldsTheAgentsQuestions() {
    var collections = atlas.prompts().collections().getCollections();
    assertThat(collections).singleElement().satisfies(c -> assertThat(c.getIsBuiltin()).isTrue());
    var c = atlas.prompts().collection(collections.get(0).getId());
    assertThat(c.getItems()).isNotEmpty();
    assertThat(c.getCollection().getCreatedAt().isParsed()).isTrue();
    assertThatThrownBy(() -> atlas.prompts().collection("9b1f0c2d-3e4a-4b5c-8d6e-7f8091a2b3c4"))
        .isInstanceOf(AtlasNotFoundException.class);
  }

  @Test
  void suggestionsForTablesPopularOnesAndAClickThatCounts() {
    var forOrders = atlas.suggestions().list(List.of("orders", "customers")).getSuggestions();
    assertThat(forOrders).extracting(s -> s.getPrimaryTable()).containsExactlyInAnyOrder("orders", "customers");
    var top = atlas.suggestions().popular().getSuggestions().get(0);
    atlas.suggestions().click(top.getId());
    atlas.suggestions().click("unknown-id");
    assertThat(atlas.suggestions().popular().getSuggestions().get(0).getClickedCount()).isEqualByComparingTo("1");
  }

  @Test
  void favoritesArePinnedOnceMovedAndUnpinned() {
    var fav = atlas.prompts().favorites().create("How many orders are there?").getFavorite();
    assertThat(fav.getPosition()).isEqualByComparingTo("1");
    assertThatThrownBy(() -> atlas.prompts().favorites().create("How many orders are there?"))
        .isInstanceOfSatisfying(AtlasException.class, e -> assertThat(e.rawCode()).isEqualTo("duplicate_favorite"));
    assertThat(atlas.prompts().favorites().update(fav.getId(), 2).getFavorite().getPosition()).isEqualByComparingTo("2");
    atlas.prompts().favorites().delete(fav.getId());
    assertThatThrownBy(() -> atlas.prompts().favorites().delete(fav.getId())).isInstanceOf(AtlasNotFoundException.class);
  }

  @Test
  void theUsersEntitiesAndThePublishedMode() {
    assertThat(atlas.semanticLayer().entities().getEntities()).extracting(e -> e.getTable())
        .containsExactly("customers", "products", "orders");
    assertThat(atlas.semanticLayer().entity("orders").getEntity()).containsKey("dimensions");
    assertThatThrownBy(() -> atlas.semanticLayer().entity("salaries")).isInstanceOf(AtlasNotFoundException.class);
    var mode = atlas.me().mode();
    assertThat(mode.getMode()).isEqualTo("published");
    assertThat(mode.getDraftCounts()).isNull();
  }
}
