package dev.atlas.examples;

import dev.atlas.client.AtlasClient;
import dev.atlas.client.errors.AtlasNotFoundException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What an example created on the server, undone when the example ends, also when it fails
 * midway: use it in try-with-resources. Conversations are deleted (their star and share go with
 * them) and scheduled tasks deleted (the server's delete disables a task and keeps its runs).
 * Nothing the example did not register is ever touched. A failed undo fails the example (as a
 * suppressed exception when the example itself failed).
 *
 * <pre>{@code
 * try (Cleanup cleanup = new Cleanup(atlas)) {
 *   String id = cleanup.conversation(atlas.query("How many orders are there?").getConversationId());
 *   atlas.conversations().star(id);
 * } // the conversation is deleted here
 * }</pre>
 */
public final class Cleanup implements AutoCloseable {
  private final AtlasClient atlas;
  private final Set<String> conversations = new LinkedHashSet<>();
  private final Deque<String> tasks = new ArrayDeque<>();

  /**
   * @param atlas the client to undo with
   */
  public Cleanup(AtlasClient atlas) {
    this.atlas = atlas;
  }

  /**
   * Registers a conversation this example created, to be deleted at the end.
   *
   * @param id its id, or null when the server sent none (nothing to register)
   * @return the id
   */
  public String conversation(String id) {
    if (id != null) {
      conversations.add(id);
    }
    return id;
  }

  /**
   * Registers a scheduled task this example created, to be deleted at the end.
   *
   * @param id its id
   * @return the id
   */
  public String task(String id) {
    tasks.push(id);
    return id;
  }

  /**
   * Deletes a registered conversation now.
   *
   * @param id its id
   */
  public void deleteConversation(String id) {
    requireOwn(conversations.contains(id), id);
    atlas.conversations().delete(id);
    conversations.remove(id);
  }

  /**
   * Deletes a registered scheduled task now.
   *
   * @param id its id
   */
  public void deleteTask(String id) {
    requireOwn(tasks.contains(id), id);
    atlas.scheduledTasks().delete(id);
    tasks.remove(id);
  }

  private static void requireOwn(boolean own, String id) {
    if (!own) {
      throw new IllegalArgumentException(id + " was not created by this example: not deleting it");
    }
  }

  /** Deletes what is still registered; every undo is tried, the first failure is thrown. */
  @Override
  public void close() {
    RuntimeException failure = null;
    int deleted = 0;
    for (String id : tasks) {
      try {
        atlas.scheduledTasks().delete(id);
        deleted++;
      } catch (RuntimeException e) {
        failure = chain(failure, e);
      }
    }
    tasks.clear();
    for (String id : conversations) {
      try {
        atlas.conversations().delete(id);
        deleted++;
      } catch (AtlasNotFoundException gone) {
        // already gone (a server may delete a run's conversation with its task): nothing to undo
      } catch (RuntimeException e) {
        failure = chain(failure, e);
      }
    }
    conversations.clear();
    if (deleted > 0) {
      System.out.println("(cleaned up: deleted " + deleted + " thing(s) this example created)");
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static RuntimeException chain(RuntimeException first, RuntimeException next) {
    if (first == null) {
      return next;
    }
    first.addSuppressed(next);
    return first;
  }
}
