package dev.atlas.sandbox;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.atlas.client.spec.OpenApiSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An embedded, Atlas-compatible server: every operation of the Atlas API with the wire contract's
 * semantics (auth, error envelope, pagination rules, timestamps as the real server writes them),
 * a scripted agent over an in-memory demo warehouse, and fault injection.
 *
 * <pre>{@code
 * try (AtlasSandbox sandbox = AtlasSandbox.start();
 *      AtlasClient atlas = AtlasClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).build()) {
 *   System.out.println(atlas.query("How many orders are there?").getAnswer());
 * }
 * }</pre>
 *
 * <p>Built on the JDK's own HTTP server ({@code com.sun.net.httpserver}): a real HTTP/1.1 server on
 * 127.0.0.1 with chunked streaming, and no dependency to manage; the state and the agent are the
 * sandbox's own code (a stub server such as WireMock answers canned responses, the sandbox keeps
 * state). Thread-safe. Run it standalone with {@code java dev.atlas.sandbox.AtlasSandbox --port 3001}.
 *
 * <p>What it does not emulate: other auth modes than a simple key (no sessions, SSO, BYOT, roles:
 * the key is an admin), LLM providers (answers are scripted), connections other than
 * {@code default}, plugins (none installed), scheduler timing (tasks run only when triggered),
 * deliveries (recorded, never sent), and the server's full validation messages.
 */
public final class AtlasSandbox implements AutoCloseable {
  private static final Gson GSON = new com.google.gson.GsonBuilder().serializeNulls().create();
  /** The spec as served, and the health report (the spec's example with status ok): both fixed. */
  private static final byte[] SPEC = OpenApiSpec.json().getBytes(StandardCharsets.UTF_8);
  private static final byte[] HEALTH = GSON.toJson(health(JsonParser.parseString(OpenApiSpec.json())
      .getAsJsonObject())).getBytes(StandardCharsets.UTF_8);

  static {
    // without TCP_NODELAY the JDK server's separate head and body writes meet the client's delayed
    // ACKs: ~40 ms per response. Read once, when the JDK's server configuration loads.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }
  private static final DateTimeFormatter JS_DATE = DateTimeFormatter.ofPattern(
      "EEE MMM dd yyyy HH:mm:ss 'GMT+0000 (Coordinated Universal Time)'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
  private static final Pattern UUID_RE = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern CRON = Pattern.compile("^\\s*(\\S+\\s+){4}\\S+\\s*$");

  private final HttpServer server;
  private final ExecutorService executor;
  private final String apiKey;
  private final Duration pacing;
  private final Duration slowDelay;
  private final Warehouse warehouse = new Warehouse();
  private final SqlValidator validator = new SqlValidator(new LinkedHashSet<>(Warehouse.TABLES));
  private final Agent agent = new Agent(warehouse, validator);
  private final List<Route> routes = new ArrayList<>();
  private final Object lock = new Object();
  private final Map<String, JsonObject> conversations = new LinkedHashMap<>();
  private final Map<String, List<JsonObject>> messages = new LinkedHashMap<>();
  /** Each conversation's updatedAt as epoch millis, for ordering without parsing the text. */
  private final Map<String, Long> updatedAt = new java.util.HashMap<>();
  /** Column descriptions per table: the demo schema is fixed, so read once. */
  private final Map<String, JsonArray> columns = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, JsonObject> shares = new LinkedHashMap<>();
  private final Map<String, JsonObject> tasks = new LinkedHashMap<>();
  private final Map<String, List<JsonObject>> runs = new LinkedHashMap<>();
  private final List<JsonObject> audit = new ArrayList<>();
  private final Map<String, JsonObject> actions = new LinkedHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();
  private volatile Fault globalFault;
  private final String demoActionId;
  private long clockMillis = Instant.parse("2026-11-22T08:00:00Z").toEpochMilli();

  private AtlasSandbox(Builder b) throws IOException {
    this.apiKey = b.apiKey;
    this.pacing = b.pacing;
    this.slowDelay = b.slowDelay;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port), 64);
    AtomicInteger n = new AtomicInteger();
    this.executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "atlas-sandbox-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    defineRoutes();
    this.demoActionId = recordAction("jira:create", "PROJ", "Create ticket PROJ-1: revenue dip in the north region",
        "executed");
    server.start();
  }

  /** @return a sandbox on a free port with a random API key, started */
  public static AtlasSandbox start() {
    return builder().start();
  }

  /** @return a builder for port, API key and pacing */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the base URL to give a client, e.g. {@code http://127.0.0.1:41234} */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** @return the API key the sandbox accepts (as Bearer or in {@code X-API-Key}) */
  public String apiKey() {
    return apiKey;
  }

  /** @return the id of the executed action recorded at start, which can be rolled back once */
  public String demoActionId() {
    return demoActionId;
  }

  /** @return how many requests the sandbox has received */
  public int requestCount() {
    return requests.get();
  }

  /**
   * Injects a fault into every API request (the public routes are spared) until cleared.
   *
   * @param fault the fault, or null to clear
   */
  public void injectFault(Fault fault) {
    this.globalFault = fault;
  }

  /** Stops the server and drops the warehouse. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    warehouse.close();
  }

  @Override
  public String toString() {
    return "AtlasSandbox{" + baseUrl() + "}";
  }

  /**
   * Runs the sandbox until interrupted.
   *
   * @param args {@code --port N} (default 3001), {@code --api-key KEY} (default {@code sk-sandbox}),
   *     {@code --pacing-ms N} (delay between streamed frames, default 0)
   * @throws InterruptedException when stopped
   */
  public static void main(String[] args) throws InterruptedException {
    Builder b = builder().port(3001).apiKey("sk-sandbox");
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--port" -> b.port(Integer.parseInt(args[i + 1]));
        case "--api-key" -> b.apiKey(args[i + 1]);
        case "--pacing-ms" -> b.pacing(Duration.ofMillis(Long.parseLong(args[i + 1])));
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    AtlasSandbox sandbox = b.start();
    System.out.println("Atlas sandbox at " + sandbox.baseUrl() + " (API key " + sandbox.apiKey() + ")");
    Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close));
    Thread.currentThread().join();
  }

  /** Configures a sandbox. */
  public static final class Builder {
    private int port;
    private String apiKey = "sk-sandbox-" + UUID.randomUUID().toString().substring(0, 8);
    private Duration pacing = Duration.ZERO;
    private Duration slowDelay = Duration.ofSeconds(2);

    private Builder() {}

    /** @param port the port on 127.0.0.1, 0 for a free one @return this */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** @param apiKey the key to accept @return this */
    public Builder apiKey(String apiKey) {
      this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
      return this;
    }

    /** @param pacing the delay between two streamed frames @return this */
    public Builder pacing(Duration pacing) {
      this.pacing = Objects.requireNonNull(pacing, "pacing");
      return this;
    }

    /** @param delay how long {@link Fault#SLOW} waits @return this */
    public Builder slowDelay(Duration delay) {
      this.slowDelay = Objects.requireNonNull(delay, "delay");
      return this;
    }

    /** @return the started sandbox */
    public AtlasSandbox start() {
      try {
        return new AtlasSandbox(this);
      } catch (IOException e) {
        throw new IllegalStateException("Cannot start the Atlas sandbox", e);
      }
    }
  }

  // ------------------------------------------------------------------ HTTP plumbing

  @FunctionalInterface
  private interface Handler {
    void handle(Call call) throws IOException;
  }

  private record Route(String method, Pattern path, boolean isPublic, Handler handler) {}

  /** One request: its parts, and the helpers to answer it. */
  private final class Call {
    final HttpExchange ex;
    final Matcher params;
    final Map<String, String> query;

    Call(HttpExchange ex, Matcher params) {
      this.ex = ex;
      this.params = params;
      this.query = parseQuery(ex.getRequestURI().getRawQuery());
    }

    String param(int i) {
      return URLDecoder.decode(params.group(i), StandardCharsets.UTF_8);
    }

    JsonObject body() throws IOException {
      byte[] bytes = ex.getRequestBody().readAllBytes();
      if (bytes.length == 0) {
        return null;
      }
      try {
        JsonElement e = JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8));
        if (!e.isJsonObject()) {
          throw new Reject(400, "invalid_request", "Request body must be a JSON object");
        }
        return e.getAsJsonObject();
      } catch (com.google.gson.JsonParseException e) {
        throw new Reject(400, "invalid_request", "Invalid JSON body");
      }
    }

    void json(int status, JsonElement body) throws IOException {
      bytes(status, GSON.toJson(body).getBytes(StandardCharsets.UTF_8));
    }

    void bytes(int status, byte[] bytes) throws IOException {
      ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      ex.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }

    void noContent() throws IOException {
      ex.sendResponseHeaders(204, -1);
      ex.close();
    }
  }

  /** A rejected request: becomes the error envelope. */
  private static final class Reject extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String code;
    final transient JsonObject extra;

    Reject(int status, String code, String message) {
      this(status, code, message, null);
    }

    Reject(int status, String code, String message, JsonObject extra) {
      super(message, null, false, false);
      this.status = status;
      this.code = code;
      this.extra = extra;
    }
  }

  private void route(String method, String path, Handler h) {
    routes.add(new Route(method, Pattern.compile("^" + path + "$"), false, h));
  }

  private void publicRoute(String method, String path, Handler h) {
    routes.add(new Route(method, Pattern.compile("^" + path + "$"), true, h));
  }

  private void handle(HttpExchange ex) throws IOException {
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
          Fault fault = Fault.fromWire(ex.getRequestHeaders().getFirst(Fault.HEADER)).orElse(globalFault);
          if (fault != null && applyFault(fault, call, match)) {
            return;
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

  /** @return true if the fault answered the request */
  private boolean applyFault(Fault fault, Call call, Route route) throws IOException {
    switch (fault) {
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
        return false;
      }
      case DROP_STREAM -> {
        return false; // handled by the chat route
      }
      default -> {
        return false;
      }
    }
  }

  private static Map<String, String> parseQuery(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.putIfAbsent(k, v);
    }
    return out;
  }

  /** The server's parsePagination: bad limits mean the default, big ones are clamped, bad offsets are 0. */
  private static int[] page(Call c, int dflt, int max) {
    int limit = dflt;
    try {
      int l = Integer.parseInt(c.query.getOrDefault("limit", ""));
      limit = l <= 0 ? dflt : Math.min(l, max);
    } catch (NumberFormatException ignored) {
      // default
    }
    int offset = 0;
    try {
      offset = Math.max(0, Integer.parseInt(c.query.getOrDefault("offset", "")));
    } catch (NumberFormatException ignored) {
      // 0
    }
    return new int[] {limit, offset};
  }

  private static String uuidParam(Call c, int group) {
    String id = c.param(group);
    if (!UUID_RE.matcher(id).matches()) {
      throw new Reject(400, "invalid_request", "Invalid id: must be a UUID");
    }
    return id.toLowerCase(Locale.ROOT);
  }

  private static Reject validation(String path, String message) {
    JsonObject detail = new JsonObject();
    detail.addProperty("origin", "string");
    detail.addProperty("code", "too_small");
    detail.addProperty("minimum", 1);
    detail.addProperty("inclusive", true);
    JsonArray p = new JsonArray();
    p.add(path);
    detail.add("path", p);
    detail.addProperty("message", message);
    JsonArray details = new JsonArray();
    details.add(detail);
    JsonObject extra = new JsonObject();
    extra.add("details", details);
    return new Reject(422, "validation_error", "Invalid request body", extra);
  }

  private static String requireText(JsonObject body, String field) {
    JsonElement e = body == null ? null : body.get(field);
    if (e == null || !e.isJsonPrimitive() || e.getAsString().isEmpty()) {
      throw validation(field, "Too small: expected string to have >=1 characters");
    }
    return e.getAsString();
  }

  private static String optText(JsonObject body, String field) {
    JsonElement e = body == null ? null : body.get(field);
    return e == null || e.isJsonNull() ? null : e.getAsString();
  }

  /** Advances the sandbox clock a second per call: ordering by time is stable and distinct. */
  private Instant now() {
    synchronized (lock) {
      clockMillis += 1000;
      return Instant.ofEpochMilli(clockMillis);
    }
  }

  private static String js(Instant t) {
    return JS_DATE.format(t);
  }

  private static String iso(Instant t) {
    return DateTimeFormatter.ISO_INSTANT.format(t);
  }

  private static JsonArray strings(Iterable<String> values) {
    JsonArray a = new JsonArray();
    values.forEach(a::add);
    return a;
  }

  // ------------------------------------------------------------------ routes

  private void defineRoutes() {
    String id = "([^/]+)";
    publicRoute("GET", "/api/health", c -> c.bytes(200, HEALTH));
    publicRoute("GET", "/openapi.json", c -> c.bytes(200, SPEC));
    publicRoute("GET", "/api/v1/openapi.json", c -> c.bytes(200, SPEC));
    route("POST", "/api/v1/query", this::query);
    route("POST", "/api/v1/chat", this::chat);
    route("GET", "/api/v1/conversations", this::listConversations);
    route("GET", "/api/v1/conversations/" + id, c -> c.json(200, conversationWithMessages(uuidParam(c, 1))));
    route("DELETE", "/api/v1/conversations/" + id, c -> {
      String cid = uuidParam(c, 1);
      synchronized (lock) {
        conversation(cid);
        conversations.remove(cid);
        messages.remove(cid);
        updatedAt.remove(cid);
        shares.remove(cid);
      }
      c.noContent();
    });
    route("PATCH", "/api/v1/conversations/" + id + "/star", this::star);
    route("GET", "/api/v1/conversations/" + id + "/share", c -> c.json(200, shareStatus(uuidParam(c, 1))));
    route("POST", "/api/v1/conversations/" + id + "/share", this::share);
    route("DELETE", "/api/v1/conversations/" + id + "/share", c -> {
      String cid = uuidParam(c, 1);
      synchronized (lock) {
        conversation(cid);
        shares.remove(cid);
      }
      c.noContent();
    });
    route("GET", "/api/v1/scheduled-tasks", this::listTasks);
    route("POST", "/api/v1/scheduled-tasks", this::createTask);
    route("GET", "/api/v1/scheduled-tasks/" + id, c -> {
      String tid = uuidParam(c, 1);
      synchronized (lock) {
        JsonObject t = task(tid).deepCopy();
        List<JsonObject> r = runs.getOrDefault(tid, List.of());
        JsonArray recent = new JsonArray();
        r.stream().limit(10).forEach(recent::add);
        t.add("recentRuns", recent);
        c.json(200, t);
      }
    });
    route("PUT", "/api/v1/scheduled-tasks/" + id, this::updateTask);
    route("DELETE", "/api/v1/scheduled-tasks/" + id, c -> {
      synchronized (lock) {
        JsonObject t = task(uuidParam(c, 1));
        t.addProperty("enabled", false);
        t.addProperty("updatedAt", iso(now()));
      }
      c.noContent();
    });
    route("POST", "/api/v1/scheduled-tasks/" + id + "/run", this::triggerTask);
    route("GET", "/api/v1/scheduled-tasks/" + id + "/runs", c -> {
      String tid = uuidParam(c, 1);
      int[] p = page(c, 20, 100);
      JsonObject out = new JsonObject();
      synchronized (lock) {
        task(tid);
        JsonArray list = new JsonArray();
        runs.getOrDefault(tid, List.of()).stream().limit(p[0]).forEach(list::add);
        out.add("runs", list);
      }
      c.json(200, out);
    });
    route("POST", "/api/v1/validate-sql", c -> {
      JsonObject body = c.body();
      String sql = requireText(body, "sql");
      String connection = optText(body, "connectionId");
      if (connection != null && !connection.equals("default")) {
        JsonObject out = new JsonObject();
        out.addProperty("valid", false);
        JsonArray errors = new JsonArray();
        JsonObject err = new JsonObject();
        err.addProperty("layer", "connection");
        err.addProperty("message", "Connection \"" + connection + "\" is not registered");
        errors.add(err);
        out.add("errors", errors);
        out.add("tables", new JsonArray());
        c.json(200, out);
        return;
      }
      c.json(200, validator.validate(sql));
    });
    route("GET", "/api/v1/admin/audit", this::listAudit);
    route("GET", "/api/v1/admin/audit/stats", c -> c.json(200, auditStats()));
    route("GET", "/api/v1/admin/overview", c -> {
      JsonObject o = new JsonObject();
      o.addProperty("connections", 1);
      o.addProperty("entities", Warehouse.TABLES.size());
      o.addProperty("plugins", 0);
      synchronized (lock) {
        o.addProperty("queriesLast24h", audit.size());
      }
      o.add("workspace", com.google.gson.JsonNull.INSTANCE);
      c.json(200, o);
    });
    route("GET", "/api/v1/admin/semantic/entities", c -> {
      JsonObject o = new JsonObject();
      JsonArray list = new JsonArray();
      for (String t : Warehouse.TABLES) {
        list.add(entitySummary(t));
      }
      o.add("entities", list);
      c.json(200, o);
    });
    route("GET", "/api/v1/admin/semantic/entities/" + id, c -> {
      String name = c.param(1);
      if (!Warehouse.TABLES.contains(name)) {
        throw new Reject(404, "not_found", "Entity \"" + name + "\" not found");
      }
      JsonObject entity = entitySummary(name);
      entity.add("dimensions", columnsJson(name));
      JsonObject o = new JsonObject();
      o.add("entity", entity);
      c.json(200, o);
    });
    route("GET", "/api/v1/admin/semantic/metrics", c -> {
      JsonObject o = new JsonObject();
      JsonArray metrics = new JsonArray();
      JsonObject revenue = new JsonObject();
      revenue.addProperty("id", "revenue");
      revenue.addProperty("label", "Revenue");
      revenue.addProperty("sql", "SUM(orders.total) FILTER (WHERE orders.status = 'paid')");
      metrics.add(revenue);
      o.add("metrics", metrics);
      c.json(200, o);
    });
    route("GET", "/api/v1/admin/semantic/glossary", c -> {
      JsonObject o = new JsonObject();
      JsonArray terms = new JsonArray();
      JsonObject active = new JsonObject();
      active.addProperty("term", "active customer");
      active.addProperty("definition", "A customer whose account is not closed (customers.active).");
      terms.add(active);
      o.add("glossary", terms);
      c.json(200, o);
    });
    route("GET", "/api/v1/admin/semantic/catalog", c -> {
      JsonObject o = new JsonObject();
      JsonObject catalog = new JsonObject();
      catalog.addProperty("name", "Atlas sandbox demo warehouse");
      catalog.add("tables", strings(Warehouse.TABLES));
      o.add("catalog", catalog);
      c.json(200, o);
    });
    route("GET", "/api/v1/admin/semantic/stats", c -> {
      JsonObject o = new JsonObject();
      int columns = 0;
      for (String t : Warehouse.TABLES) {
        columns += columnsJson(t).size();
      }
      o.addProperty("totalEntities", Warehouse.TABLES.size());
      o.addProperty("totalColumns", columns);
      o.addProperty("totalJoins", 2);
      o.addProperty("totalMeasures", 1);
      JsonObject gaps = new JsonObject();
      gaps.addProperty("noDescription", 0);
      gaps.addProperty("noColumns", 0);
      gaps.addProperty("noJoins", 1);
      o.add("coverageGaps", gaps);
      c.json(200, o);
    });
    route("GET", "/api/v1/admin/connections", c -> {
      JsonObject conn = new JsonObject();
      conn.addProperty("id", "default");
      conn.addProperty("dbType", "postgres");
      conn.addProperty("description", "Sandbox demo warehouse (in-memory)");
      conn.addProperty("groupId", "default");
      conn.addProperty("groupName", "Default");
      conn.addProperty("billable", false);
      JsonArray list = new JsonArray();
      list.add(conn);
      JsonObject o = new JsonObject();
      o.add("connections", list);
      c.json(200, o);
    });
    route("POST", "/api/v1/admin/connections/" + id + "/test", c -> {
      if (!c.param(1).equals("default")) {
        throw new Reject(404, "not_found", "Connection \"" + c.param(1) + "\" not found");
      }
      JsonObject o = new JsonObject();
      o.addProperty("status", "healthy");
      o.addProperty("latencyMs", 1);
      o.addProperty("checkedAt", iso(now()));
      c.json(200, o);
    });
    route("GET", "/api/v1/admin/plugins", c -> {
      JsonObject o = new JsonObject();
      o.add("plugins", new JsonArray());
      o.addProperty("manageable", false);
      c.json(200, o);
    });
    route("POST", "/api/v1/admin/plugins/" + id + "/health", c -> {
      throw new Reject(404, "not_found", "Plugin \"" + c.param(1) + "\" is not installed in the sandbox");
    });
    route("POST", "/api/v1/actions/" + id + "/rollback", this::rollback);
    route("GET", "/api/v1/tables", c -> {
      String connection = c.query.get("connectionId");
      if (connection != null && !connection.equals("default")) {
        throw new Reject(404, "connection_not_found", "Connection \"" + connection + "\" not found");
      }
      JsonArray tables = new JsonArray();
      for (String t : Warehouse.TABLES) {
        JsonObject o = new JsonObject();
        o.addProperty("table", t);
        o.addProperty("description", "Demo " + t);
        o.add("columns", columnsJson(t));
        tables.add(o);
      }
      JsonObject o = new JsonObject();
      o.add("tables", tables);
      c.json(200, o);
    });
    route("GET", "/api/v1/starter-prompts", c -> {
      int[] p = page(c, 6, 50);
      JsonArray prompts = new JsonArray();
      for (int i = 0; i < Agent.SCRIPTS.size() && i < p[0]; i++) {
        JsonObject o = new JsonObject();
        o.addProperty("id", "prompt-" + (i + 1));
        o.addProperty("text", Agent.SCRIPTS.get(i).question());
        o.addProperty("provenance", "library");
        prompts.add(o);
      }
      JsonObject o = new JsonObject();
      o.add("prompts", prompts);
      o.addProperty("total", Agent.SCRIPTS.size());
      c.json(200, o);
    });
  }

  private static JsonObject health(JsonObject spec) {
    JsonObject example = spec.getAsJsonObject("paths").getAsJsonObject("/api/health").getAsJsonObject("get")
        .getAsJsonObject("responses").getAsJsonObject("200").getAsJsonObject("content")
        .getAsJsonObject("application/json").getAsJsonObject("example").deepCopy();
    example.addProperty("status", "ok");
    example.addProperty("region", "sandbox");
    return example;
  }

  private JsonArray columnsJson(String table) {
    return columns.computeIfAbsent(table, this::readColumns).deepCopy();
  }

  private JsonArray readColumns(String table) {
    JsonArray cols = new JsonArray();
    try {
      for (String[] col : warehouse.columns(table)) {
        JsonObject o = new JsonObject();
        o.addProperty("name", col[0]);
        o.addProperty("type", col[1]);
        o.addProperty("description", table + "." + col[0]);
        cols.add(o);
      }
    } catch (java.sql.SQLException e) {
      throw new Reject(500, "internal_error", "Cannot read the demo warehouse");
    }
    return cols;
  }

  private JsonObject entitySummary(String table) {
    JsonObject o = new JsonObject();
    o.addProperty("name", table);
    o.addProperty("table", table);
    o.addProperty("description", "Demo " + table);
    o.addProperty("type", "entity");
    o.addProperty("columnCount", columnsJson(table).size());
    o.addProperty("joinCount", table.equals("orders") ? 2 : 1);
    o.addProperty("measureCount", table.equals("orders") ? 1 : 0);
    o.addProperty("connection", "default");
    return o;
  }

  // ------------------------------------------------------------------ query and chat

  private String resolveConversation(JsonObject body, String question) {
    String given = optText(body, "conversationId");
    String connection = optText(body, "connectionId");
    if (connection != null && !connection.equals("default")) {
      throw new Reject(404, "connection_not_found", "Connection \"" + connection + "\" not found");
    }
    synchronized (lock) {
      if (given != null) {
        if (!UUID_RE.matcher(given).matches()) {
          throw new Reject(400, "invalid_request", "conversationId must be a UUID");
        }
        conversation(given.toLowerCase(Locale.ROOT));
        return given.toLowerCase(Locale.ROOT);
      }
      String cid = UUID.randomUUID().toString();
      Instant t = now();
      JsonObject c = new JsonObject();
      c.addProperty("id", cid);
      c.addProperty("userId", "sandbox-user");
      c.addProperty("title", question.length() > 80 ? question.substring(0, 80) : question);
      c.addProperty("surface", "api");
      c.add("connectionId", com.google.gson.JsonNull.INSTANCE);
      c.add("connectionGroupId", com.google.gson.JsonNull.INSTANCE);
      c.addProperty("starred", false);
      c.addProperty("createdAt", js(t));
      c.addProperty("updatedAt", js(t));
      updatedAt.put(cid, t.toEpochMilli());
      conversations.put(cid, c);
      messages.put(cid, new ArrayList<>());
      return cid;
    }
  }

  private void remember(String cid, String question, Agent.Answer a) {
    synchronized (lock) {
      Instant t = now();
      List<JsonObject> list = messages.get(cid);
      list.add(message(cid, "user", question, null, t));
      list.add(message(cid, "assistant", a.text(), a, t));
      conversations.get(cid).addProperty("updatedAt", js(t));
      updatedAt.put(cid, t.toEpochMilli());
      if (a.sql() != null) {
        JsonObject e = new JsonObject();
        e.addProperty("id", UUID.randomUUID().toString());
        e.addProperty("timestamp", iso(t));
        e.addProperty("user_id", "sandbox-user");
        e.addProperty("user_label", "Sandbox user");
        e.addProperty("auth_mode", "simple-key");
        e.addProperty("sql", a.sql());
        e.addProperty("duration_ms", 3);
        if (a.result() != null) {
          e.addProperty("row_count", a.result().rows().size());
        } else {
          e.add("row_count", com.google.gson.JsonNull.INSTANCE);
        }
        e.addProperty("success", a.error() == null);
        if (a.error() != null) {
          e.addProperty("error", a.error());
        } else {
          e.add("error", com.google.gson.JsonNull.INSTANCE);
        }
        e.addProperty("source_id", "default");
        e.addProperty("source_type", "postgres");
        e.addProperty("target_host", "sandbox");
        audit.add(0, e);
      }
    }
  }

  private static JsonObject message(String cid, String role, String text, Agent.Answer a, Instant t) {
    JsonObject m = new JsonObject();
    m.addProperty("id", UUID.randomUUID().toString());
    m.addProperty("conversationId", cid);
    m.addProperty("role", role);
    JsonArray parts = new JsonArray();
    JsonObject textPart = new JsonObject();
    textPart.addProperty("type", "text");
    textPart.addProperty("text", text);
    parts.add(textPart);
    if (a != null && a.sql() != null) {
      JsonObject tool = new JsonObject();
      tool.addProperty("type", "tool-invocation");
      JsonObject args = new JsonObject();
      args.addProperty("sql", a.sql());
      tool.add("args", args);
      tool.add("result", a.result() == null ? new JsonObject() : a.result().toJson());
      parts.add(tool);
    }
    m.add("content", parts);
    m.addProperty("createdAt", js(t));
    return m;
  }

  private void query(Call c) throws IOException {
    JsonObject body = c.body();
    String question = requireText(body, "question");
    String cid = resolveConversation(body, question);
    Agent.Answer a = agent.answer(question);
    remember(cid, question, a);
    JsonObject out = new JsonObject();
    out.addProperty("answer", a.text());
    JsonArray sql = new JsonArray();
    JsonArray data = new JsonArray();
    if (a.sql() != null) {
      sql.add(a.sql());
    }
    if (a.result() != null) {
      data.add(a.result().toJson());
    }
    out.add("sql", sql);
    out.add("data", data);
    out.addProperty("steps", a.sql() == null ? 1 : 3);
    JsonObject usage = new JsonObject();
    usage.addProperty("totalTokens", 200 + question.length() * 3);
    out.add("usage", usage);
    out.addProperty("conversationId", cid);
    out.addProperty("runId", "run-" + UUID.randomUUID().toString().substring(0, 8));
    c.json(200, out);
  }

  private void chat(Call c) throws IOException {
    JsonObject body = c.body();
    JsonElement msgs = body == null ? null : body.get("messages");
    if (msgs == null || !msgs.isJsonArray() || msgs.getAsJsonArray().isEmpty()) {
      throw validation("messages", "Too small: expected array to have >=1 items");
    }
    String question = null;
    for (JsonElement m : msgs.getAsJsonArray()) {
      JsonObject mo = m.getAsJsonObject();
      if ("user".equals(optText(mo, "role")) && mo.has("parts")) {
        for (JsonElement p : mo.getAsJsonArray("parts")) {
          if ("text".equals(optText(p.getAsJsonObject(), "type"))) {
            question = optText(p.getAsJsonObject(), "text");
          }
        }
      }
    }
    if (question == null || question.isEmpty()) {
      throw new Reject(400, "invalid_request", "The last user message has no text");
    }
    String cid = resolveConversation(body, question);
    Agent.Answer a = agent.answer(question);
    remember(cid, question, a);
    boolean drop = Fault.fromWire(c.ex.getRequestHeaders().getFirst(Fault.HEADER)).orElse(globalFault)
        == Fault.DROP_STREAM;
    var h = c.ex.getResponseHeaders();
    h.set("Content-Type", "text/event-stream");
    h.set("Cache-Control", "no-cache, no-transform");
    h.set("x-vercel-ai-ui-message-stream", "v1");
    h.set("x-conversation-id", cid);
    h.set("x-run-id", "run-" + UUID.randomUUID().toString().substring(0, 8));
    // a dropped stream promises more bytes than it sends, so closing it early breaks the connection
    c.ex.sendResponseHeaders(200, drop ? 1 << 20 : 0);
    OutputStream out = c.ex.getResponseBody();
    List<JsonObject> frames = frames(a);
    int sent = 0;
    for (JsonObject f : frames) {
      if (drop && sent == 3) {
        throw new IOException("stream dropped by the sandbox");
      }
      write(out, GSON.toJson(f));
      sent++;
    }
    write(out, "[DONE]");
    out.close();
  }

  private void write(OutputStream out, String data) throws IOException {
    out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
    if (!pacing.isZero()) {
      try {
        Thread.sleep(pacing.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted");
      }
    }
  }

  private static JsonObject frame(String type) {
    JsonObject f = new JsonObject();
    f.addProperty("type", type);
    return f;
  }

  private static List<JsonObject> frames(Agent.Answer a) {
    List<JsonObject> out = new ArrayList<>();
    JsonObject start = frame("start");
    start.addProperty("messageId", "msg-" + UUID.randomUUID().toString().substring(0, 8));
    out.add(start);
    if (a.sql() != null) {
      out.add(frame("start-step"));
      JsonObject exploreIn = frame("tool-input-available");
      exploreIn.addProperty("toolCallId", "call-explore");
      exploreIn.addProperty("toolName", "explore");
      JsonObject cmd = new JsonObject();
      cmd.addProperty("command", "ls semantic/entities");
      exploreIn.add("input", cmd);
      out.add(exploreIn);
      JsonObject exploreOut = frame("tool-output-available");
      exploreOut.addProperty("toolCallId", "call-explore");
      exploreOut.addProperty("output", String.join("\n", Warehouse.TABLES.stream().map(t -> t + ".yml").toList()));
      out.add(exploreOut);
      out.add(frame("finish-step"));
      out.add(frame("start-step"));
      JsonObject sqlIn = frame("tool-input-available");
      sqlIn.addProperty("toolCallId", "call-sql");
      sqlIn.addProperty("toolName", "executeSQL");
      JsonObject args = new JsonObject();
      args.addProperty("sql", a.sql());
      args.addProperty("explanation", a.explanation());
      sqlIn.add("input", args);
      out.add(sqlIn);
      if (a.result() != null) {
        JsonObject sqlOut = frame("tool-output-available");
        sqlOut.addProperty("toolCallId", "call-sql");
        JsonObject result = a.result().toJson();
        result.addProperty("success", true);
        result.addProperty("explanation", a.explanation());
        result.addProperty("row_count", a.result().rows().size());
        result.addProperty("truncated", false);
        result.addProperty("cached", false);
        result.addProperty("executionMs", 3);
        sqlOut.add("output", result);
        out.add(sqlOut);
      } else {
        JsonObject sqlErr = frame("tool-output-error");
        sqlErr.addProperty("toolCallId", "call-sql");
        sqlErr.addProperty("errorText", a.error());
        out.add(sqlErr);
      }
      out.add(frame("finish-step"));
    }
    out.add(frame("start-step"));
    JsonObject textStart = frame("text-start");
    textStart.addProperty("id", "text-1");
    out.add(textStart);
    for (String chunk : a.text().split("(?<= )")) {
      JsonObject delta = frame("text-delta");
      delta.addProperty("id", "text-1");
      delta.addProperty("delta", chunk);
      out.add(delta);
    }
    JsonObject textEnd = frame("text-end");
    textEnd.addProperty("id", "text-1");
    out.add(textEnd);
    out.add(frame("finish-step"));
    JsonObject finish = frame("finish");
    finish.addProperty("finishReason", "stop");
    out.add(finish);
    return out;
  }

  // ------------------------------------------------------------------ conversations

  private JsonObject conversation(String cid) {
    JsonObject c = conversations.get(cid);
    if (c == null) {
      throw new Reject(404, "not_found", "Conversation not found");
    }
    return c;
  }

  private void listConversations(Call c) throws IOException {
    int[] p = page(c, 20, 100);
    String starred = c.query.get("starred");
    JsonObject out = new JsonObject();
    synchronized (lock) {
      List<JsonObject> all = new ArrayList<>();
      for (JsonObject conv : conversations.values()) {
        if (starred == null || (!starred.equals("true") && !starred.equals("false"))
            || conv.get("starred").getAsBoolean() == starred.equals("true")) {
          all.add(conv);
        }
      }
      all.sort((a, b) -> Long.compare(updatedAt.get(b.get("id").getAsString()),
          updatedAt.get(a.get("id").getAsString())));
      JsonArray list = new JsonArray();
      all.stream().skip(p[1]).limit(p[0]).forEach(x -> list.add(x.deepCopy()));
      out.add("conversations", list);
      out.addProperty("total", all.size());
    }
    c.json(200, out);
  }


  private JsonObject conversationWithMessages(String cid) {
    synchronized (lock) {
      JsonObject out = conversation(cid).deepCopy();
      JsonArray list = new JsonArray();
      messages.getOrDefault(cid, List.of()).forEach(list::add);
      out.add("messages", list);
      return out;
    }
  }

  private void star(Call c) throws IOException {
    String cid = uuidParam(c, 1);
    JsonObject body = c.body();
    JsonElement starred = body == null ? null : body.get("starred");
    if (starred == null || !starred.isJsonPrimitive() || !starred.getAsJsonPrimitive().isBoolean()) {
      throw validation("starred", "Invalid input: expected boolean");
    }
    JsonObject out = new JsonObject();
    synchronized (lock) {
      JsonObject conv = conversation(cid);
      conv.addProperty("starred", starred.getAsBoolean());
      Instant t = now();
      conv.addProperty("updatedAt", js(t));
      updatedAt.put(cid, t.toEpochMilli());
      out.addProperty("id", cid);
      out.addProperty("starred", starred.getAsBoolean());
    }
    c.json(200, out);
  }

  private JsonObject shareStatus(String cid) {
    synchronized (lock) {
      conversation(cid);
      JsonObject share = shares.get(cid);
      JsonObject out = new JsonObject();
      out.addProperty("shared", share != null);
      if (share != null) {
        share.entrySet().forEach(e -> out.add(e.getKey(), e.getValue()));
      }
      return out;
    }
  }

  private void share(Call c) throws IOException {
    String cid = uuidParam(c, 1);
    JsonObject body = c.body();
    String expiresIn = optText(body, "expiresIn");
    String mode = optText(body, "shareMode");
    if (expiresIn != null && !Set.of("1h", "24h", "7d", "30d", "never").contains(expiresIn)) {
      throw new Reject(400, "invalid_request", "expiresIn must be one of 1h, 24h, 7d, 30d, never");
    }
    if (mode != null && !Set.of("public", "org").contains(mode)) {
      throw new Reject(400, "invalid_request", "shareMode must be public or org");
    }
    JsonObject share = new JsonObject();
    synchronized (lock) {
      conversation(cid);
      String token = "sh_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      share.addProperty("token", token);
      share.addProperty("url", baseUrl() + "/shared/" + token);
      Duration ttl = switch (expiresIn == null ? "7d" : expiresIn) {
        case "1h" -> Duration.ofHours(1);
        case "24h" -> Duration.ofHours(24);
        case "30d" -> Duration.ofDays(30);
        case "never" -> null;
        default -> Duration.ofDays(7);
      };
      if (ttl == null) {
        share.add("expiresAt", com.google.gson.JsonNull.INSTANCE);
      } else {
        share.addProperty("expiresAt", iso(now().plus(ttl)));
      }
      share.addProperty("shareMode", mode == null ? "public" : mode);
      shares.put(cid, share);
    }
    c.json(200, share);
  }

  // ------------------------------------------------------------------ scheduled tasks

  private JsonObject task(String tid) {
    JsonObject t = tasks.get(tid);
    if (t == null) {
      throw new Reject(404, "not_found", "Scheduled task not found");
    }
    return t;
  }

  private void listTasks(Call c) throws IOException {
    int[] p = page(c, 20, 100);
    String enabled = c.query.get("enabled");
    String group = c.query.get("connectionGroupId");
    JsonObject out = new JsonObject();
    synchronized (lock) {
      List<JsonObject> all = new ArrayList<>();
      for (JsonObject t : tasks.values()) {
        boolean okEnabled = enabled == null || !(enabled.equals("true") || enabled.equals("false"))
            || t.get("enabled").getAsBoolean() == enabled.equals("true");
        boolean okGroup = group == null || group.equals(optText(t, "connectionGroupId"));
        if (okEnabled && okGroup) {
          all.add(t);
        }
      }
      Collections.reverse(all); // createdAt desc
      JsonArray list = new JsonArray();
      all.stream().skip(p[1]).limit(p[0]).forEach(x -> list.add(x.deepCopy()));
      out.add("tasks", list);
      out.addProperty("total", all.size());
    }
    c.json(200, out);
  }

  private static void checkTaskFields(JsonObject body) {
    String cron = optText(body, "cronExpression");
    if (cron != null && !CRON.matcher(cron).matches()) {
      throw new Reject(400, "invalid_request", "Invalid cron expression: expected 5 fields");
    }
    String channel = optText(body, "deliveryChannel");
    if (channel != null && !Set.of("email", "slack", "webhook").contains(channel)) {
      throw new Reject(400, "invalid_request", "deliveryChannel must be email, slack or webhook");
    }
  }

  private void createTask(Call c) throws IOException {
    JsonObject body = c.body();
    String name = requireText(body, "name");
    String question = requireText(body, "question");
    String cron = requireText(body, "cronExpression");
    checkTaskFields(body);
    String group = optText(body, "connectionGroupId");
    if (group == null) {
      throw new Reject(400, "connection_group_required", "connectionGroupId is required");
    }
    if (!group.equals("default")) {
      throw new Reject(400, "invalid_connection_group", "Unknown connection group \"" + group + "\"");
    }
    String tid = UUID.randomUUID().toString();
    Instant t = now();
    JsonObject task = new JsonObject();
    task.addProperty("id", tid);
    task.addProperty("ownerId", "sandbox-user");
    task.add("orgId", com.google.gson.JsonNull.INSTANCE);
    task.addProperty("name", name);
    task.addProperty("question", question);
    task.addProperty("cronExpression", cron);
    task.addProperty("deliveryChannel", body.has("deliveryChannel") ? optText(body, "deliveryChannel") : "email");
    task.add("recipients", body.has("recipients") ? body.get("recipients") : new JsonArray());
    task.addProperty("connectionGroupId", group);
    task.addProperty("approvalMode", body.has("approvalMode") ? optText(body, "approvalMode") : "auto");
    task.addProperty("enabled", true);
    task.add("lastRunAt", com.google.gson.JsonNull.INSTANCE);
    task.addProperty("nextRunAt", iso(t.plus(Duration.ofDays(1))));
    task.addProperty("createdAt", iso(t));
    task.addProperty("updatedAt", iso(t));
    synchronized (lock) {
      tasks.put(tid, task);
      runs.put(tid, new ArrayList<>());
    }
    JsonObject out = task.deepCopy();
    out.add("warnings", new JsonArray());
    c.json(201, out);
  }

  private void updateTask(Call c) throws IOException {
    String tid = uuidParam(c, 1);
    JsonObject body = c.body();
    if (body == null) {
      throw new Reject(400, "invalid_request", "Request body required");
    }
    checkTaskFields(body);
    JsonObject out;
    synchronized (lock) {
      JsonObject task = task(tid);
      for (String f : List.of("name", "question", "cronExpression", "deliveryChannel", "recipients",
          "connectionGroupId", "approvalMode", "enabled")) {
        if (body.has(f)) {
          task.add(f, body.get(f));
        }
      }
      task.addProperty("updatedAt", iso(now()));
      out = task.deepCopy();
    }
    out.add("warnings", new JsonArray());
    c.json(200, out);
  }

  private void triggerTask(Call c) throws IOException {
    String tid = uuidParam(c, 1);
    JsonObject task;
    synchronized (lock) {
      task = task(tid).deepCopy();
    }
    String question = task.get("question").getAsString();
    JsonObject body = new JsonObject();
    String cid = resolveConversation(body, question);
    Agent.Answer a = agent.answer(question);
    remember(cid, question, a);
    Instant t = now();
    String actionId = recordAction(task.get("deliveryChannel").getAsString() + ":send", "task " + tid,
        "Deliver \"" + task.get("name").getAsString() + "\"", "executed");
    JsonObject run = new JsonObject();
    run.addProperty("id", UUID.randomUUID().toString());
    run.addProperty("taskId", tid);
    run.addProperty("startedAt", iso(t));
    run.addProperty("completedAt", iso(t.plusMillis(900)));
    run.addProperty("status", a.answered() ? "success" : "failed");
    run.addProperty("conversationId", cid);
    run.addProperty("actionId", actionId);
    if (a.answered()) {
      run.add("error", com.google.gson.JsonNull.INSTANCE);
    } else {
      run.addProperty("error", a.text());
    }
    run.addProperty("tokensUsed", 200 + question.length() * 3);
    run.addProperty("deliveryStatus", "sent");
    run.add("deliveryError", com.google.gson.JsonNull.INSTANCE);
    run.addProperty("createdAt", iso(t));
    synchronized (lock) {
      runs.get(tid).add(0, run);
      tasks.get(tid).addProperty("lastRunAt", iso(t));
    }
    JsonObject out = new JsonObject();
    out.addProperty("message", "Task triggered");
    out.addProperty("taskId", tid);
    c.json(200, out);
  }

  // ------------------------------------------------------------------ audit and actions

  private void listAudit(Call c) throws IOException {
    int[] p = page(c, 50, 200);
    Map<String, String> q = c.query;
    for (String k : List.of("from", "to")) {
      if (q.containsKey(k)) {
        try {
          java.time.LocalDate.parse(q.get(k).length() > 10 ? q.get(k).substring(0, 10) : q.get(k));
        } catch (java.time.DateTimeException e) {
          throw new Reject(400, "invalid_request", "Invalid " + k + " date: " + q.get(k));
        }
      }
    }
    if (q.containsKey("actorKind") && !Set.of("user", "api_key", "agent", "scheduler").contains(q.get("actorKind"))) {
      throw new Reject(400, "invalid_request", "Unknown actorKind " + q.get("actorKind"));
    }
    JsonObject out = new JsonObject();
    synchronized (lock) {
      List<JsonObject> all = new ArrayList<>();
      for (JsonObject e : audit) {
        String day = e.get("timestamp").getAsString().substring(0, 10);
        boolean ok = (!q.containsKey("success") || !Set.of("true", "false").contains(q.get("success"))
            || e.get("success").getAsBoolean() == q.get("success").equals("true"))
            && (!q.containsKey("user") || q.get("user").equals(optText(e, "user_id")))
            && (!q.containsKey("from") || day.compareTo(q.get("from").substring(0, 10)) >= 0)
            && (!q.containsKey("to") || day.compareTo(q.get("to").substring(0, 10)) <= 0)
            && (!q.containsKey("table") || e.get("sql").getAsString().toLowerCase(Locale.ROOT)
                .contains(q.get("table").toLowerCase(Locale.ROOT)))
            && (!q.containsKey("search") || e.get("sql").getAsString().toLowerCase(Locale.ROOT)
                .contains(q.get("search").toLowerCase(Locale.ROOT)));
        if (ok) {
          all.add(e);
        }
      }
      JsonArray rows = new JsonArray();
      all.stream().skip(p[1]).limit(p[0]).forEach(rows::add);
      out.add("rows", rows);
      out.addProperty("total", all.size());
      out.addProperty("limit", p[0]);
      out.addProperty("offset", p[1]);
    }
    c.json(200, out);
  }

  private JsonObject auditStats() {
    synchronized (lock) {
      int total = audit.size();
      int errors = (int) audit.stream().filter(e -> !e.get("success").getAsBoolean()).count();
      JsonObject o = new JsonObject();
      o.addProperty("totalQueries", total);
      o.addProperty("totalErrors", errors);
      o.addProperty("errorRate", total == 0 ? 0 : Math.round(errors * 10000.0 / total) / 100.0);
      Map<String, Integer> perDay = new LinkedHashMap<>();
      for (JsonObject e : audit) {
        perDay.merge(e.get("timestamp").getAsString().substring(0, 10), 1, Integer::sum);
      }
      JsonArray days = new JsonArray();
      perDay.forEach((day, count) -> {
        JsonObject d = new JsonObject();
        d.addProperty("day", day);
        d.addProperty("count", count);
        days.add(d);
      });
      o.add("queriesPerDay", days);
      return o;
    }
  }

  private String recordAction(String type, String target, String summary, String status) {
    String aid = UUID.randomUUID().toString();
    Instant t = now();
    JsonObject a = new JsonObject();
    a.addProperty("id", aid);
    a.addProperty("requested_at", iso(t));
    a.addProperty("resolved_at", iso(t));
    a.addProperty("executed_at", iso(t));
    a.addProperty("requested_by", "sandbox-user");
    a.add("approved_by", com.google.gson.JsonNull.INSTANCE);
    a.addProperty("auth_mode", "simple-key");
    a.addProperty("action_type", type);
    a.addProperty("target", target);
    a.addProperty("summary", summary);
    a.add("payload", new JsonObject());
    a.addProperty("status", status);
    a.add("result", new JsonObject());
    a.add("error", com.google.gson.JsonNull.INSTANCE);
    JsonObject rollback = new JsonObject();
    rollback.addProperty("method", "undo");
    JsonObject params = new JsonObject();
    params.addProperty("target", target);
    rollback.add("params", params);
    a.add("rollback_info", rollback);
    a.add("conversation_id", com.google.gson.JsonNull.INSTANCE);
    a.add("request_id", com.google.gson.JsonNull.INSTANCE);
    a.add("org_id", com.google.gson.JsonNull.INSTANCE);
    synchronized (lock) {
      actions.put(aid, a);
    }
    return aid;
  }

  private void rollback(Call c) throws IOException {
    String aid = uuidParam(c, 1);
    JsonObject out;
    synchronized (lock) {
      JsonObject a = actions.get(aid);
      if (a == null) {
        throw new Reject(404, "not_found", "Action not found");
      }
      String status = a.get("status").getAsString();
      if (a.get("rollback_info").isJsonNull() || !(status.equals("executed") || status.equals("auto_approved"))) {
        throw new Reject(409, "conflict", "Action cannot be rolled back from status " + status);
      }
      a.addProperty("status", "rolled_back");
      a.addProperty("resolved_at", iso(now()));
      out = a.deepCopy();
    }
    c.json(200, out);
  }
}
