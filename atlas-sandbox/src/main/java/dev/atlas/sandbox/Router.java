package dev.atlas.sandbox;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The route table, and the way of every request through it: the matching route (404 or 405
 * otherwise), the API key, an injected fault, the handler, and the error envelope for a rejection.
 */
final class Router {
  /** Answers one request. */
  @FunctionalInterface
  interface Handler {
    void handle(Call call) throws IOException;
  }

  private record Route(String method, Pattern path, boolean isPublic, Handler handler) {}

  private final List<Route> routes = new ArrayList<>();
  private final String apiKey;
  private final Duration slowDelay;
  private final AtomicInteger requests = new AtomicInteger();
  private volatile Fault globalFault;
  private volatile Deployment deployment = Deployment.FULL;

  Router(String apiKey, Duration slowDelay, MiscHandlers misc, QueryHandlers queries,
      ConversationHandlers conversations, TaskHandlers tasks, AuditHandlers audit, AdminHandlers admin,
      ActionHandlers actions) {
    this.apiKey = apiKey;
    this.slowDelay = slowDelay;
    String id = "([^/]+)";
    publicRoute("GET", "/api/health", misc::health);
    publicRoute("GET", "/openapi.json", misc::spec);
    publicRoute("GET", "/api/v1/openapi.json", misc::spec);
    route("POST", "/api/v1/query", queries::query);
    route("POST", "/api/v1/chat", queries::chat);
    route("GET", "/api/v1/conversations", conversations::list);
    route("GET", "/api/v1/conversations/" + id, conversations::get);
    route("DELETE", "/api/v1/conversations/" + id, conversations::delete);
    route("PATCH", "/api/v1/conversations/" + id + "/star", conversations::star);
    route("GET", "/api/v1/conversations/" + id + "/share", conversations::shareStatus);
    route("POST", "/api/v1/conversations/" + id + "/share", conversations::share);
    route("DELETE", "/api/v1/conversations/" + id + "/share", conversations::unshare);
    route("GET", "/api/v1/scheduled-tasks", tasks::list);
    route("POST", "/api/v1/scheduled-tasks", tasks::create);
    route("GET", "/api/v1/scheduled-tasks/" + id, tasks::get);
    route("PUT", "/api/v1/scheduled-tasks/" + id, tasks::update);
    route("DELETE", "/api/v1/scheduled-tasks/" + id, tasks::delete);
    route("POST", "/api/v1/scheduled-tasks/" + id + "/run", tasks::trigger);
    route("GET", "/api/v1/scheduled-tasks/" + id + "/runs", tasks::runs);
    route("POST", "/api/v1/validate-sql", misc::validateSql);
    route("GET", "/api/v1/admin/audit", audit::list);
    route("GET", "/api/v1/admin/audit/stats", audit::stats);
    route("GET", "/api/v1/admin/overview", admin::overview);
    route("GET", "/api/v1/admin/semantic/entities", admin::entities);
    route("GET", "/api/v1/admin/semantic/entities/" + id, admin::entity);
    route("GET", "/api/v1/admin/semantic/metrics", admin::metrics);
    route("GET", "/api/v1/admin/semantic/glossary", admin::glossary);
    route("GET", "/api/v1/admin/semantic/catalog", admin::catalog);
    route("GET", "/api/v1/admin/semantic/stats", admin::semanticStats);
    route("GET", "/api/v1/admin/connections", admin::connections);
    route("POST", "/api/v1/admin/connections/" + id + "/test", admin::testConnection);
    route("GET", "/api/v1/admin/plugins", admin::plugins);
    route("POST", "/api/v1/admin/plugins/" + id + "/health", admin::pluginHealth);
    route("POST", "/api/v1/actions/" + id + "/rollback", actions::rollback);
    route("GET", "/api/v1/tables", admin::tables);
    route("GET", "/api/v1/starter-prompts", misc::starterPrompts);
  }

  /** Adds the routes of the authorization server (public) and of the caller's OAuth clients. */
  void mountOAuth(OAuthHandlers oauth, OAuthClientHandlers clients) {
    String id = "([^/]+)";
    for (String p : List.of("/\\.well-known/oauth-authorization-server/api/auth", "/\\.well-known/openid-configuration/api/auth")) {
      publicRoute("GET", p, oauth::metadata);
      publicRoute("OPTIONS", p, oauth::discoveryOptions);
    }
    for (String p : List.of("/\\.well-known/oauth-protected-resource/mcp", "/\\.well-known/oauth-protected-resource/mcp/" + id)) {
      publicRoute("GET", p, oauth::protectedResource);
      publicRoute("OPTIONS", p, oauth::discoveryOptions);
    }
    publicRoute("POST", "/api/auth/oauth2/register", oauth::register);
    publicRoute("GET", "/api/auth/oauth2/authorize", oauth::authorize);
    publicRoute("POST", "/api/auth/oauth2/token", oauth::token);
    publicRoute("GET", "/api/auth/jwks", oauth::jwks);
    route("GET", "/api/v1/me/oauth-clients", clients::listClients);
    route("POST", "/api/v1/me/oauth-clients/" + id + "/revoke", clients::revokeClient);
  }

  int requestCount() {
    return requests.get();
  }

  void injectFault(Fault fault) {
    this.globalFault = fault;
  }

  /** Sets what the emulated server's configuration refuses (nothing by default). */
  void deployment(Deployment d) {
    this.deployment = d;
  }

  /** Adds a route that needs the API key and takes injected faults. */
  private void route(String method, String path, Handler h) {
    add(method, path, false, h);
  }

  /** Adds a route open to anyone, without faults. */
  private void publicRoute(String method, String path, Handler h) {
    add(method, path, true, h);
  }

  private void add(String method, String path, boolean isPublic, Handler h) {
    routes.add(new Route(method, Pattern.compile("^" + path + "$"), isPublic, h));
  }

  /** Answers one exchange: the HTTP server's handler for every path. */
  void handle(HttpExchange ex) {
    requests.incrementAndGet();
    try (ex) {
      String path = ex.getRequestURI().getRawPath();
      Route match = null;
      Matcher m = null;
      boolean pathKnown = false;
      for (Route r : routes) {
        Matcher candidate = r.path.matcher(path);
        if (candidate.matches()) {
          pathKnown = true;
          if (r.method.equals(ex.getRequestMethod())) {
            match = r;
            m = candidate;
            break;
          }
        }
      }
      Call call = new Call(ex, m);
      try {
        if (match == null) {
          throw new Reject(pathKnown ? 405 : 404, "not_found", "No route for " + ex.getRequestMethod() + " " + path);
        }
        if (!match.isPublic) {
          authenticate(ex);
          if (deployment.refuse(call, path)) {
            return;
          }
          call.fault = Fault.fromWire(ex.getRequestHeaders().getFirst(Fault.HEADER)).orElse(globalFault);
          if (call.fault != null) {
            applyFault(call);
          }
        }
        match.handler.handle(call);
      } catch (Reject r) {
        JsonObject body = r.extra == null ? new JsonObject() : r.extra;
        body.addProperty("error", r.code);
        body.addProperty("message", r.getMessage());
        if (!r.code.equals("validation_error")) {
          body.addProperty("requestId", UUID.randomUUID().toString());
        }
        call.json(r.status, body);
      }
    } catch (IOException | RuntimeException e) {
      // the client went away mid-response, or a fault dropped the connection
    }
  }

  private void authenticate(HttpExchange ex) {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    String key = ex.getRequestHeaders().getFirst("X-API-Key");
    String presented = null;
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      presented = auth.substring(7).trim();
    } else if (key != null) {
      presented = key.trim();
    }
    if (presented == null) {
      throw new Reject(401, "auth_error", "API key required");
    }
    if (!presented.equals(apiKey)) {
      throw new Reject(401, "auth_error", "Invalid API key");
    }
  }

  /** Rejects the request for a failing fault, waits for {@link Fault#SLOW}; the chat route drops its own stream. */
  private void applyFault(Call call) {
    switch (call.fault) {
      case RATE_LIMIT -> {
        call.ex.getResponseHeaders().set("Retry-After", "2");
        JsonObject extra = new JsonObject();
        extra.addProperty("retryable", true);
        extra.addProperty("retryAfterSeconds", 2);
        throw new Reject(429, "rate_limited", "Too many requests", extra);
      }
      case PROVIDER_ERROR -> {
        JsonObject extra = new JsonObject();
        extra.addProperty("retryable", true);
        throw new Reject(502, "provider_error", "The AI provider failed (injected by the sandbox)", extra);
      }
      case SLOW -> {
        try {
          Thread.sleep(slowDelay.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      default -> {
        // DROP_STREAM: handled by the chat route
      }
    }
  }
}
