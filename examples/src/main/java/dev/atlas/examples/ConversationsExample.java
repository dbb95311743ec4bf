package dev.atlas.examples;

import dev.atlas.client.AtlasClient;
import dev.atlas.client.ListConversationsParams;
import dev.atlas.client.ShareConversationParams;
import dev.atlas.client.generated.model.Conversation;
import dev.atlas.client.generated.model.ShareConversationResponse;
import dev.atlas.client.generated.model.ShareExpiry;
import dev.atlas.client.Page;

/** Start a conversation, list the recent ones, then star, share, unshare and delete our own. */
public final class ConversationsExample {
  private ConversationsExample() {}

  /**
   * Runs the example.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    Examples.runAlone("ConversationsExample", ConversationsExample::run);
  }

  static void run(AtlasClient atlas) {
    Examples.heading("Conversations");
    try (Cleanup cleanup = new Cleanup(atlas)) {
      // a conversation of our own to act on: never one that someone else made
      String id = cleanup.conversation(atlas.query("How many orders are there?").getConversationId());
      if (id == null) {
        throw Outcomes.skipStep("the server sent no conversation id for the question: no conversation of ours to act on");
      }
      Page<Conversation> page = atlas.conversations().list(ListConversationsParams.defaults().withLimit(10));
      System.out.println(page.total() + " conversation(s); the 10 most recently updated (* = ours):");
      for (Conversation c : page.items()) {
        System.out.println((c.getId().equals(id) ? "* " : "  ") + c.getId() + "  " + c.getTitle() + "  (updated "
            + c.getUpdatedAt().toInstant().map(Object::toString).orElse(c.getUpdatedAt().raw()) + ")");
      }
      System.out.println("Starred " + id + ": " + atlas.conversations().star(id).getStarred());
      ShareConversationResponse share = atlas.conversations().share(id,
          ShareConversationParams.defaults().withExpiresIn(ShareExpiry._1H));
      System.out.println("Shared at " + share.getUrl());
      atlas.conversations().unshare(id);
      System.out.println("Shared now: " + atlas.conversations().shareStatus(id).getShared());
      cleanup.deleteConversation(id);
      System.out.println("Deleted " + id + " (its star and share went with it)");
    }
  }
}
