package dev.atlas.client.paging;

import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * One page of an offset-paginated list (conversations, scheduled tasks, the audit log).
 *
 * <p>{@link #nextPage()} asks for the items after the ones actually received: the server clamps
 * page sizes silently, so the next offset is {@code offset + items().size()}, never
 * {@code offset + limit}. Immutable; {@link #nextPage()} makes a request each time it is called.
 *
 * @param <T> the item type (a generated model)
 */
public final class Page<T> {
  private final List<T> items;
  private final long total;
  private final int offset;
  private final IntFunction<Page<T>> fetchAt;

  /**
   * @param items the items of this page
   * @param total the number of items matching the request, across all pages
   * @param offset the offset this page was requested at
   * @param fetchAt fetches the page at a given offset with the same filters and options
   */
  public Page(List<T> items, long total, int offset, IntFunction<Page<T>> fetchAt) {
    this.items = List.copyOf(items);
    this.total = total;
    this.offset = offset;
    this.fetchAt = Objects.requireNonNull(fetchAt, "fetchAt");
  }

  /** @return the items of this page, in server order; never null */
  public List<T> items() {
    return items;
  }

  /** @return how many items match the request across all pages, as the server counted them */
  public long total() {
    return total;
  }

  /** @return the offset this page was requested at */
  public int offset() {
    return offset;
  }

  /**
   * Whether another page may hold items: this page was not empty and the server's total says
   * more items follow it. Costs no request.
   *
   * @return true if {@link #nextPage()} is worth calling
   */
  public boolean hasNextPage() {
    return !items.isEmpty() && offset + (long) items.size() < total;
  }

  /**
   * Fetches the page after this one, with the same filters and request options.
   *
   * @return the next page
   * @throws java.util.NoSuchElementException if {@link #hasNextPage()} is false
   * @throws dev.atlas.client.errors.AtlasException if the request fails
   */
  public Page<T> nextPage() {
    if (!hasNextPage()) {
      throw new java.util.NoSuchElementException("No page after offset " + offset + " (total " + total + ")");
    }
    return fetchAt.apply(offset + items.size());
  }

  @Override
  public String toString() {
    return "Page{offset=" + offset + ", items=" + items.size() + ", total=" + total + "}";
  }
}
