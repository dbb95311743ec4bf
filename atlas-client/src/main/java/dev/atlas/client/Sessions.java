package dev.atlas.client;

import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.generated.api.SessionsApi;
import dev.atlas.client.generated.model.ListSessionsResponse;
import dev.atlas.client.generated.model.RevokeSessionResponse;
import java.util.concurrent.CompletableFuture;

/**
 * The signed-in user's sessions ({@code /api/v1/sessions}): list, revoke. Obtained from
 * {@code atlas.sessions()}; thread-safe. Needs managed auth: a server in api-key mode answers 404
 * {@code not_available}.
 */
public final class Sessions {
  private final ClientContext ctx;
  private final SessionsApi api;

  Sessions(ClientContext ctx) {
    this.ctx = ctx;
    this.api = new SessionsApi(ctx.apiClient());
  }

  /**
   * The caller's sessions, most recently used first, at most 100 (the server does not page them).
   *
   * @return the sessions
   * @throws AtlasException on failure
   */
  public ListSessionsResponse list() {
    return list(RequestOptions.defaults());
  }

  /**
   * The caller's sessions with per-call settings.
   *
   * @param requestOptions timeout, headers, retries
   * @return the sessions
   * @throws AtlasException on failure
   */
  public ListSessionsResponse list(RequestOptions requestOptions) {
    return ctx.send(listOp(), requestOptions);
  }

  /**
   * The caller's sessions without blocking.
   *
   * @param requestOptions timeout, headers, retries
   * @return the sessions; fails with the typed exception
   */
  public CompletableFuture<ListSessionsResponse> listAsync(RequestOptions requestOptions) {
    return ctx.sendAsync(listOp(), requestOptions);
  }

  /**
   * Signs a session out: its token is refused (401) from then on. Revoking the session this client
   * signs in with ends its own access.
   *
   * @param sessionId the session
   * @return {@code success: true} (the server answers 200, not 204)
   * @throws dev.atlas.client.errors.AtlasNotFoundException for an unknown session
   * @throws AtlasException on other failures (403 {@code forbidden} for another user's session)
   */
  public RevokeSessionResponse revoke(String sessionId) {
    return revoke(sessionId, RequestOptions.defaults());
  }

  /**
   * Signs a session out, with per-call settings. A DELETE: retried after a dropped connection.
   *
   * @param sessionId the session
   * @param requestOptions timeout, headers, retries
   * @return {@code success: true}
   * @throws AtlasException on failure
   */
  public RevokeSessionResponse revoke(String sessionId, RequestOptions requestOptions) {
    return ctx.send(revokeOp(sessionId), requestOptions);
  }

  /**
   * Signs a session out without blocking.
   *
   * @param sessionId the session
   * @param requestOptions timeout, headers, retries
   * @return {@code success: true}; fails with the typed exception
   */
  public CompletableFuture<RevokeSessionResponse> revokeAsync(String sessionId, RequestOptions requestOptions) {
    return ctx.sendAsync(revokeOp(sessionId), requestOptions);
  }

  private Operation<ListSessionsResponse> listOp() {
    return Operation.of("listSessions", () -> api.listSessionsCall(null), ListSessionsResponse.class);
  }

  private Operation<RevokeSessionResponse> revokeOp(String id) {
    PathIds.check("sessionId", id);
    return Operation.of("revokeSession", () -> api.revokeSessionCall(id, null), RevokeSessionResponse.class).about(id);
  }

  @Override
  public String toString() {
    return "Sessions";
  }
}
