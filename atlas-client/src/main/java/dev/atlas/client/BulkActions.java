package dev.atlas.client;

import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.generated.api.ActionsApi;
import dev.atlas.client.generated.model.BulkActionError;
import dev.atlas.client.generated.model.BulkActionKind;
import dev.atlas.client.generated.model.BulkActionsRequest;
import dev.atlas.client.generated.model.BulkActionsResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One bulk approve or deny: the ids split into the server's chunks of at most {@value #MAX_IDS},
 * sent one after the other, and the answers merged into one. A chunk whose request fails puts its
 * ids in {@code errors}; when every chunk fails, the first failure is thrown.
 */
final class BulkActions {
  /** The most ids the server takes in one request. */
  static final int MAX_IDS = 100;

  private final ClientContext ctx;
  private final ActionsApi api;

  BulkActions(ClientContext ctx, ActionsApi api) {
    this.ctx = ctx;
    this.api = api;
  }

  BulkActionsResponse run(List<String> ids, BulkActionKind kind, String reason, RequestOptions options) {
    List<List<String>> chunks = chunks(ids);
    Merge merge = new Merge();
    for (List<String> chunk : chunks) {
      try {
        merge.add(ctx.send(op(chunk, kind, reason), options));
      } catch (AtlasException e) {
        merge.failed(chunk, ActionErrors.translate(e, false));
      }
    }
    return merge.result();
  }

  CompletableFuture<BulkActionsResponse> runAsync(List<String> ids, BulkActionKind kind, String reason,
      RequestOptions options) {
    List<List<String>> chunks;
    try {
      chunks = chunks(ids);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    Merge merge = new Merge();
    CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
    for (List<String> chunk : chunks) {
      chain = chain.thenCompose(x -> ctx.sendAsync(op(chunk, kind, reason), options).handle((r, e) -> {
        if (e == null) {
          merge.add(r);
          return null;
        }
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof AtlasException a) {
          merge.failed(chunk, ActionErrors.translate(a, false));
          return null;
        }
        throw new CompletionException(cause);
      }));
    }
    return chain.thenApply(x -> merge.result());
  }

  static List<List<String>> chunks(List<String> ids) {
    Objects.requireNonNull(ids, "ids");
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("ids must not be empty");
    }
    List<String> unique = new ArrayList<>(new LinkedHashSet<>(ids));
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < unique.size(); i += MAX_IDS) {
      List<String> chunk = unique.subList(i, Math.min(unique.size(), i + MAX_IDS));
      chunk.forEach(id -> PathIds.check("id", id));
      out.add(List.copyOf(chunk));
    }
    return out;
  }

  private Operation<BulkActionsResponse> op(List<String> chunk, BulkActionKind kind, String reason) {
    BulkActionsRequest body = new BulkActionsRequest().ids(chunk).action(kind).reason(reason);
    return Operation.of("bulkResolveActions", () -> api.bulkResolveActionsCall(body, null), BulkActionsResponse.class);
  }

  /** The merged answer; chunks run one after the other, so no two threads add at once. */
  private static final class Merge {
    private final BulkActionsResponse out = new BulkActionsResponse().updated(new ArrayList<>())
        .notFound(new ArrayList<>()).forbidden(new ArrayList<>()).errors(new ArrayList<>());
    private int answered;
    private AtlasException firstFailure;

    synchronized void add(BulkActionsResponse r) {
      answered++;
      if (r.getUpdated() != null) {
        out.getUpdated().addAll(r.getUpdated());
      }
      if (r.getNotFound() != null) {
        out.getNotFound().addAll(r.getNotFound());
      }
      if (r.getForbidden() != null) {
        out.getForbidden().addAll(r.getForbidden());
      }
      if (r.getErrors() != null) {
        out.getErrors().addAll(r.getErrors());
      }
    }

    synchronized void failed(List<String> chunk, AtlasException e) {
      if (firstFailure == null) {
        firstFailure = e;
      }
      for (String id : chunk) {
        out.getErrors().add(new BulkActionError().id(id).error(e.getMessage()));
      }
    }

    synchronized BulkActionsResponse result() {
      if (answered == 0 && firstFailure != null) {
        throw firstFailure;
      }
      return out;
    }
  }
}
