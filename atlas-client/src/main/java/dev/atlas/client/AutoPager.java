package dev.atlas.client;

import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every item of a paginated list, from a first page on, fetching later pages only as the caller
 * advances.
 *
 * <pre>{@code
 * for (Conversation c : atlas.conversations().list(ListConversationsParams.defaults().withLimit(100)).autoPager()) {
 *   ...
 * }
 * }</pre>
 *
 * <p>Rules, matching the server's: the next offset is the previous offset plus the items actually
 * received (the server clamps page sizes); iteration stops at an empty page even if the total
 * says more, and when the latest page's total says nothing follows. The list can shift while you
 * page (a new or starred conversation moves to the top and pushes the others down), so an item
 * can arrive twice: it is yielded once per iteration (by id). An item that moves from a page not
 * yet read to one already read during the iteration is missed; for a consistent snapshot, page
 * quickly or re-run. Each iteration (each call of {@link #iterator()}) starts again from the first
 * page. Not thread-safe.
 *
 * @param <T> the item type
 */
public final class AutoPager<T> implements Iterable<T> {
  private final Page<T> first;

  AutoPager(Page<T> first) {
    this.first = first;
  }

  @Override
  public Iterator<T> iterator() {
    return new Iterator<>() {
      private Page<T> page = first;
      private int index;
      private final Set<String> seen = new HashSet<>();
      private T next;

      @Override
      public boolean hasNext() {
        while (next == null) {
          if (index < page.items().size()) {
            T item = page.items().get(index++);
            if (seen.add(page.idOf(item))) {
              next = item;
            }
          } else if (page.hasNextPage()) {
            page = page.nextPage();
            index = 0;
          } else {
            return false;
          }
        }
        return true;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        T out = next;
        next = null;
        return out;
      }
    };
  }

  /** @return the items as a sequential, lazily fetched stream */
  public Stream<T> stream() {
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /**
   * Hands every item to {@code action}, fetching pages asynchronously (no thread blocked while a
   * page is in flight). The action runs on the thread that completed the page's request.
   *
   * @param action receives each item once, in order
   * @return completes when every page has been handed over, or exceptionally with the typed
   *     exception of a failed request (or what {@code action} threw)
   */
  public CompletableFuture<Void> forEachAsync(Consumer<? super T> action) {
    Set<String> seen = new HashSet<>();
    return consume(first, action, seen);
  }

  private CompletableFuture<Void> consume(Page<T> page, Consumer<? super T> action, Set<String> seen) {
    try {
      for (T item : page.items()) {
        if (seen.add(page.idOf(item))) {
          action.accept(item);
        }
      }
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    if (!page.hasNextPage()) {
      return CompletableFuture.completedFuture(null);
    }
    return page.nextPageAsync().thenCompose(next -> consume(next, action, seen));
  }
}
