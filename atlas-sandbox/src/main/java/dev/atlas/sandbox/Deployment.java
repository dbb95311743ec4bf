package dev.atlas.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What a real server's configuration refuses, for a sandbox built to answer like such a server:
 * a simple API key without an active organization, and a server whose actions feature is off.
 * The refusals are the ones recorded from a running server.
 */
final class Deployment {
  /** A server with every feature: refuses nothing. */
  static final Deployment FULL = new Deployment(true, true);

  private final boolean organization;
  private final boolean actions;

  Deployment(boolean organization, boolean actions) {
    this.organization = organization;
    this.actions = actions;
  }

  /**
   * Refuses the request when this deployment lacks what it needs: a {@link Reject} for the
   * enveloped refusals, a plain-text 404 written here for a route that is not mounted.
   *
   * @return true when the request was answered here
   */
  boolean refuse(Call call, String path) throws IOException {
    if (!organization) {
      if (path.startsWith("/api/v1/scheduled-tasks") || path.startsWith("/api/v1/dashboards") || path.startsWith("/api/v1/admin/audit")
          || path.startsWith("/api/v1/admin/connections")) {
        throw new Reject(400, "bad_request", "No active organization. Set an active org first.");
      }
      if (path.equals("/api/v1/execute-sql") || path.startsWith("/api/v1/metrics/")) {
        throw new Reject(400, "bad_request", "Your login is not bound to a workspace. Sign in to a workspace first.");
      }
      if (path.startsWith("/api/v1/sessions")) {
        throw new Reject(404, "not_available", "Session management requires managed auth mode.");
      }
      if (path.equals("/api/v1/me/preferences")) {
        throw new Reject(500, "internal_error", "Failed to load preferences.");
      }
      if (path.equals("/api/v1/starter-prompts/favorites")) {
        throw new Reject(400, "missing_workspace", "Favorites need a workspace.");
      }
      if (path.startsWith("/api/v1/admin/plugins")) {
        throw new Reject(403, "forbidden_role", "Platform admin role required");
      }
    }
    if (!actions && (path.startsWith("/api/v1/actions/") || path.equals("/api/v1/actions"))) {
      // the route is not mounted: the web framework's own 404, plain text, no envelope
      byte[] body = "404 Not Found".getBytes(StandardCharsets.UTF_8);
      call.ex.getResponseHeaders().set("Content-Type", "text/plain; charset=UTF-8");
      call.ex.sendResponseHeaders(404, body.length);
      try (OutputStream out = call.ex.getResponseBody()) {
        out.write(body);
      }
      return true;
    }
    return false;
  }
}
