package dev.atlas.client;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * One page of an offset-paginated list (conversations, scheduled tasks, the audit log).
 *
 * <p>{@link #nextPage()} asks for the items after the ones actually received: the server clamps
 * page sizes silently (asking for 500 conversations returns 100), so the next offset is
 * {@code offset + items().size()}, never {@code offset + limit}. {@link #autoPager()} walks every
 * page for you. Immutable; {@link #nextPage()} makes a request each time it is called, with the
 * same filters and request options as this page.
 *
 * @param <T> the item type (a generated model)
 */
public final class Page<T> {
  private final List<T> items;
  private final long total;
  private final int offset;
  private final Integer requestedLimit;
  private final Integer appliedLimit;
  private final IntFunction<Page<T>> fetchAt;
  private final IntFunction<CompletableFuture<Page<T>>> fetchAtAsync;
  private final Function<T, String> idOf;

  /**
   * @param items the items of this page
   * @param total the number of items matching the request, across all pages
   * @param offset the offset this page was requested at
   * @param requestedLimit the page size asked for, or null for the server's default
   * @param appliedLimit the page size the server says it applied, or null when it does not say
   * @param fetchAt fetches the page at a given offset with the same filters and options
   * @param fetchAtAsync the same, asynchronously
   * @param idOf an item's id, used to skip items seen twice while the list shifts
   */
  Page(List<T> items, long total, int offset, Integer requestedLimit, Integer appliedLimit,
      IntFunction<Page<T>> fetchAt, IntFunction<CompletableFuture<Page<T>>> fetchAtAsync, Function<T, String> idOf) {
    this.appliedLimit = appliedLimit;
    this.items = items == null ? List.of() : List.copyOf(items);
    this.total = total;
    this.offset = offset;
    this.requestedLimit = requestedLimit;
    this.fetchAt = Objects.requireNonNull(fetchAt, "fetchAt");
    this.fetchAtAsync = Objects.requireNonNull(fetchAtAsync, "fetchAtAsync");
    this.idOf = Objects.requireNonNull(idOf, "idOf");
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

  /** @return the page size this page was requested with, if one was given (the server may have sent fewer) */
  public Optional<Integer> requestedLimit() {
    return Optional.ofNullable(requestedLimit);
  }

  /**
   * @return the page size the server applied, when its answer says (the audit log's does: asking
   *     for 500 entries gives 200); conversations and scheduled tasks do not say, and clamp to 100
   */
  public Optional<Integer> appliedLimit() {
    return Optional.ofNullable(appliedLimit);
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
   * @throws NoSuchElementException if {@link #hasNextPage()} is false
   * @throws dev.atlas.client.errors.AtlasException if the request fails
   */
  public Page<T> nextPage() {
    return fetchAt.apply(nextOffset());
  }

  /**
   * Fetches the page after this one without blocking.
   *
   * @return the next page; completes exceptionally with the typed exception if the request fails
   * @throws NoSuchElementException if {@link #hasNextPage()} is false
   */
  public CompletableFuture<Page<T>> nextPageAsync() {
    return fetchAtAsync.apply(nextOffset());
  }

  private int nextOffset() {
    if (!hasNextPage()) {
      throw new NoSuchElementException("No page after offset " + offset + " (total " + total + ")");
    }
    return offset + items.size();
  }

  /**
   * Every item from this page on, fetching later pages lazily as you advance.
   *
   * @return an {@link AutoPager} (Iterable, with {@code stream()} and {@code forEachAsync})
   */
  public AutoPager<T> autoPager() {
    return new AutoPager<>(this);
  }

  String idOf(T item) {
    return idOf.apply(item);
  }

  @Override
  public String toString() {
    return "Page{offset=" + offset + ", items=" + items.size() + ", total=" + total + "}";
  }
}
