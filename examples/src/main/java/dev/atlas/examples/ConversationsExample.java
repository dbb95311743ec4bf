package dev.atlas.examples;

import dev.atlas.client.AtlasClient;
import dev.atlas.client.ListConversationsParams;
import dev.atlas.client.ShareOptions;
import dev.atlas.client.generated.model.Conversation;
import dev.atlas.client.generated.model.ShareConversationResponse;
import dev.atlas.client.generated.model.ShareExpiry;
import dev.atlas.client.Page;

/** List conversations page by page, then star, share and delete one. */
public final class ConversationsExample {
  private ConversationsExample() {}

  /**
   * Runs the example.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    try (AtlasClient atlas = Examples.connect()) {
      run(atlas);
    } finally {
      Examples.shutdown();
    }
  }

  static void run(AtlasClient atlas) {
    Examples.heading("Conversations");
    Page<Conversation> page = atlas.conversations().list(ListConversationsParams.defaults().withLimit(50));
    System.out.println(page.total() + " conversation(s); first page:");
    for (Conversation c : page.items()) {
      System.out.println("  " + c.getId() + "  " + c.getTitle() + "  (updated " + c.getUpdatedAt().toInstant()
          .map(Object::toString).orElse(c.getUpdatedAt().raw()) + ")");
    }
    if (page.items().isEmpty()) {
      return;
    }
    String id = page.items().get(0).getId();
    System.out.println("Starred: " + atlas.conversations().star(id).getStarred());
    ShareConversationResponse share = atlas.conversations().share(id, ShareOptions.defaults().withExpiresIn(ShareExpiry._7D));
    System.out.println("Shared at " + share.getUrl());
    atlas.conversations().unshare(id);
    System.out.println("Shared now: " + atlas.conversations().shareStatus(id).getShared());
    atlas.conversations().delete(id);
    System.out.println("Deleted " + id);
  }
}
