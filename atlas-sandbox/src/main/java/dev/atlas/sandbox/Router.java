package dev.atlas.sandbox;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import dev.atlas.client.spec.SpecOperation;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The routes (the spec's operations bound to their handlers, and the few routes outside the API),
 * and the way of every request through them: the matching route (404 or 405 otherwise), the API
 * key, an injected fault, the handler, and the error envelope for a rejection.
 */
final class Router {
  /** Answers one request. */
  @FunctionalInterface
  interface Handler {
    void handle(Call call) throws IOException;
  }

  private final List<HandlerTable.Route> routes = new ArrayList<>();
  private final String apiKey;
  private final Duration slowDelay;
  private final AtomicInteger requests = new AtomicInteger();
  private final OperationJournal journal = new OperationJournal();
  private volatile Fault globalFault;
  private volatile Deployment deployment = Deployment.FULL;
  private volatile String memberKey;

  /**
   * @param apiKey the key every operation but the public ones needs
   * @param slowDelay how long {@link Fault#SLOW} waits
   * @param operations the operations of the spec the sandbox serves
   * @param table their handlers
   * @throws IllegalStateException if an operation has no handler or a handler no operation
   */
  Router(String apiKey, Duration slowDelay, List<SpecOperation> operations, HandlerTable table) {
    this.apiKey = apiKey;
    this.slowDelay = slowDelay;
    routes.addAll(table.bind(operations));
  }

  /** Adds the routes outside the API's operations: the spec itself and the authorization server (all public). */
  void mountExtras(MiscHandlers misc, OAuthHandlers oauth) {
    String id = "([^/]+)";
    publicRoute("GET", "/openapi.json", misc::spec);
    publicRoute("GET", "/api/v1/openapi.json", misc::spec);
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
  }

  /** @return how many times each operation was answered (by operationId) */
  java.util.Map<String, Integer> servedOperations() {
    return journal.counts();
  }

  int requestCount() {
    return requests.get();
  }

  void injectFault(Fault fault) {
    this.globalFault = fault;
  }

  /** Accepts a second key, whose caller is a member of the workspace, not an admin. */
  void memberKey(String key) {
    this.memberKey = key;
  }

  /** Sets what the emulated server's configuration refuses (nothing by default). */
  void deployment(Deployment d) {
    this.deployment = d;
  }

  /** Adds a route outside the spec, open to anyone, without faults. */
  private void publicRoute(String method, String path, Handler h) {
    routes.add(new HandlerTable.Route(method, Pattern.compile("^" + path + "$"), true, null, h));
  }

  /** Answers one exchange: the HTTP server's handler for every path. */
  void handle(HttpExchange ex) {
    requests.incrementAndGet();
    try (ex) {
      String path = ex.getRequestURI().getRawPath();
      HandlerTable.Route match = null;
      Matcher m = null;
      boolean pathKnown = false;
      for (HandlerTable.Route r : routes) {
        Matcher candidate = r.path().matcher(path);
        if (candidate.matches()) {
          pathKnown = true;
          if (r.method().equals(ex.getRequestMethod())) {
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
        if (match.operationId() != null) {
          journal.record(match.operationId());
        }
        if (!match.isPublic()) {
          call.member = authenticate(ex);
          if (deployment.refuse(call, path)) {
            return;
          }
          call.fault = Fault.fromWire(ex.getRequestHeaders().getFirst(Fault.HEADER)).orElse(globalFault);
          if (call.fault != null) {
            applyFault(call);
          }
        }
        match.handler().handle(call);
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

  /** @return whether the caller is the member (false: the admin key) */
  private boolean authenticate(HttpExchange ex) {
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
    if (memberKey != null && presented.equals(memberKey)) {
      return true;
    }
    if (!presented.equals(apiKey)) {
      throw new Reject(401, "auth_error", "Invalid API key");
    }
    return false;
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
