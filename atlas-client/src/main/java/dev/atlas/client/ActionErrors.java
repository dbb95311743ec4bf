package dev.atlas.client;

import dev.atlas.client.errors.AtlasErrorCode;
import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.errors.ErrorInfo;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Gives the action routes' failures a clear message: the 404 of a server whose actions are off
 * (the route is not mounted, so the body is the web framework's plain text, no envelope), the 403
 * of a caller without the role to resolve an action, and the 409 of an action no longer pending.
 */
final class ActionErrors {
  static final String NOT_ENABLED = "actions are not enabled on this server (it answers 404 without an Atlas "
      + "error envelope: the /api/v1/actions routes exist only when the server runs with ATLAS_ACTIONS_ENABLED=true)";

  private ActionErrors() {}

  static <T> T call(boolean resolving, Supplier<T> call) {
    try {
      return call.get();
    } catch (AtlasException e) {
      throw translate(e, resolving);
    }
  }

  static <T> CompletableFuture<T> async(boolean resolving, CompletableFuture<T> f) {
    return f.handle((v, e) -> {
      if (e == null) {
        return v;
      }
      Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
      if (cause instanceof AtlasException a) {
        throw new CompletionException(translate(a, resolving));
      }
      throw e instanceof CompletionException ce ? ce : new CompletionException(e);
    });
  }

  static AtlasException translate(AtlasException e, boolean resolving) {
    ErrorInfo info = e.info();
    if (info.status() == 404 && info.code() == AtlasErrorCode.UNKNOWN_ERROR) {
      ErrorInfo.Builder b = ErrorInfo.builder(AtlasErrorCode.NOT_AVAILABLE).status(404).description(NOT_ENABLED)
          .resourceId(info.resourceId().orElse(null)).attempts(info.attempts());
      if (info.method().isPresent() && info.path().isPresent()) {
        b.request(info.method().get(), info.path().get());
      }
      return ErrorMapper.create(b.build(), e);
    }
    if (resolving && info.status() == 403 && info.hint().isEmpty()) {
      return ErrorMapper.create(info.toBuilder().hint("resolving an action needs role admin or owner (approval mode "
          + "manual), owner (admin-only, where the requester may not resolve their own action)").build(), e.getCause());
    }
    if (resolving && info.status() == 409 && info.hint().isEmpty()) {
      return ErrorMapper.create(info.toBuilder().hint("the action is no longer pending: it was approved, denied or "
          + "has run already").build(), e.getCause());
    }
    return e;
  }
}
