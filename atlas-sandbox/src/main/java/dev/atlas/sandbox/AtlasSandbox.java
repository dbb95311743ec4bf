package dev.atlas.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import dev.atlas.client.spec.OpenApiSpec;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

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
 * state). Thread-safe. Run it standalone with {@code java -jar atlas-sandbox-<version>-all.jar --port 3001}
 * (the runnable jar, classifier {@code all}), or {@code java dev.atlas.sandbox.AtlasSandbox --help}
 * on a class path.
 *
 * <p>It also plays the OAuth authorization server of managed auth, for MCP onboarding: discovery,
 * dynamic client registration, an authorize endpoint whose user consents at once, EdDSA-signed
 * JWT access tokens bound to a workspace, refresh, and the caller's OAuth clients
 * ({@link Builder#oauth(boolean)} turns it off, answering as an Atlas in api-key mode).
 *
 * <p>What it does not emulate: other auth modes than a simple key (no sessions, SSO, BYOT, roles:
 * the key is an admin), LLM providers (answers are scripted), more than one connection
 * ({@code default} unless {@link Builder#connection(String, String)} names it), plugins (none installed), a scheduler
 * (tasks run only when triggered, and, as on a real server, only once due; see {@link #advanceClock(Duration)}),
 * deliveries (recorded, never sent), and the server's full validation messages.
 */
public final class AtlasSandbox implements AutoCloseable {
  static {
    // without TCP_NODELAY the JDK server's separate head and body writes meet the client's delayed
    // ACKs: ~40 ms per response. Read once, when the JDK's server configuration loads.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final String apiKey;
  private final Warehouse warehouse = new Warehouse();
  private final Router router;
  private final String demoActionId;
  private final OAuthHandlers oauth;
  private final Map<String, String> unsupported;
  private final SandboxState state;
  private final ActionLog actionLog;
  private final AgentRuns agentRuns;

  private AtlasSandbox(Builder b) throws IOException {
    this.apiKey = b.apiKey;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port), 64);
    AtomicInteger n = new AtomicInteger();
    this.executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "atlas-sandbox-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    SqlValidator validator = new SqlValidator(new LinkedHashSet<>(Warehouse.TABLES));
    SandboxState state = new SandboxState();
    this.state = state;
    state.tasksDueAtOnce = b.tasksDueAtOnce;
    state.connectionId = b.connectionId;
    state.groupId = b.groupId;
    ActionHandlers actions = new ActionHandlers(state);
    actions.log.approvalMode = b.actionApproval;
    actions.log.enabled = b.actions;
    this.actionLog = actions.log;
    AgentRuns agentRuns = new AgentRuns(b.pacing);
    agentRuns.durable = b.durability;
    this.agentRuns = agentRuns;
    QueryHandlers queries = new QueryHandlers(state, new Agent(warehouse, validator), actions.log, agentRuns);
    MiscHandlers misc = new MiscHandlers(validator, state);
    OAuthState oauthState = new OAuthState();
    this.oauth = new OAuthHandlers(baseUrl(), b.oauth, b.workspaces, oauthState, apiKey);
    // the spec's operations, each bound to its handler by operationId
    HandlerTable table = new HandlerTable();
    misc.register(table);
    queries.register(table);
    new ConversationHandlers(state, baseUrl()).register(table);
    new TaskHandlers(state, queries, actions).register(table);
    new AuditHandlers(state).register(table);
    new AdminHandlers(state, warehouse).register(table);
    actions.register(table);
    new RunHandlers(state, agentRuns, queries).register(table);
    new OAuthClientHandlers(oauthState, b.workspaces).register(table);
    new WorkspaceOAuthClientHandlers(oauthState, b.workspaces).register(table);
    new DataHandlers(state, warehouse, validator).register(table);
    new HistoryHandlers(state, oauth::signedIn).register(table);
    DashboardStore dashboards = new DashboardStore(state, warehouse, validator);
    new DashboardHandlers(dashboards).register(table);
    new DashboardCardHandlers(dashboards).register(table);
    new DashboardDraftHandlers(dashboards, apiKey).register(table);
    new DashboardFileHandlers(dashboards, b.browser).register(table);
    new PersonalHandlers(state).register(table);
    new LibraryHandlers(state, warehouse).register(table);
    this.unsupported = table.unsupported();
    this.router = new Router(apiKey, b.slowDelay, b.operations, table);
    router.mountExtras(misc, oauth);
    router.deployment(new Deployment(b.organization, b.actions));
    router.memberKey(b.memberKey);
    server.createContext("/", router::handle);
    this.demoActionId = actions.record("jira:create", "PROJ", "Create ticket PROJ-1: revenue dip in the north region",
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

  /**
   * @return the OAuth issuer the sandbox's tokens carry, {@code {baseUrl}/api/auth}; its discovery
   *     document is at {@code {baseUrl}/.well-known/oauth-authorization-server/api/auth}
   */
  public String oauthIssuer() {
    return oauth.issuer();
  }

  /**
   * @param accessToken an MCP access token
   * @return whether it is a JWT signed by this sandbox's key (what the MCP endpoint would check first)
   */
  public boolean isSignedAccessToken(String accessToken) {
    return oauth.verify(accessToken);
  }

  /**
   * How many times the sandbox answered each operation of the API, by the spec's operationId:
   * for a test that checks which calls its code made.
   *
   * <pre>{@code assertThat(sandbox.servedOperations()).containsEntry("deleteConversation", 1);}</pre>
   *
   * <p>Set the system property {@code atlas.sandbox.journal} to a directory and every sandbox of
   * the JVM also appends the operationIds it answers there, once each, to {@code sandbox-<pid>.txt}:
   * a record of the operations a whole test suite reached.
   *
   * @return operationId to count, in alphabetical order; operations never called are absent
   */
  public Map<String, Integer> servedOperations() {
    return router.servedOperations();
  }

  /**
   * @return the operations of the spec this sandbox answers without emulating them, each with
   *     what it answers instead; every other operation of {@code /openapi.json} is emulated
   */
  public Map<String, String> unsupportedOperations() {
    return unsupported;
  }

  /** @return how many requests the sandbox has received */
  public int requestCount() {
    return router.requestCount();
  }

  /**
   * Injects a fault into every API request (the public routes are spared) until cleared.
   *
   * @param fault the fault, or null to clear
   */
  public void injectFault(Fault fault) {
    router.injectFault(fault);
  }

  /**
   * Moves the sandbox's clock forward. The clock starts at 2026-11-22T08:00:00Z and advances a second
   * for each timestamp the sandbox writes; it is what a scheduled task's {@code nextRunAt} is
   * computed on. As on a real server, a task is run when triggered only once its {@code nextRunAt}
   * has passed (before that: 500 {@code internal_error}): a task created with {@code * * * * *} is
   * due at the next minute boundary. Move the clock past {@code nextRunAt} instead of waiting.
   *
   * @param duration how far, not negative
   */
  public void advanceClock(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("the clock only moves forward: " + duration);
    }
    state.advance(duration);
  }

  /**
   * Plays a server restart without losing the sandbox's data: every agent run being generated dies
   * where it is (its stream ends, its row stays {@code running}, so it looks resumable), resume leases
   * are released, and the executors of pending actions are forgotten (approving one afterwards only
   * marks it approved, as on a real server). For a network-level cut mid-stream use
   * {@link Fault#CRASH_MID_STREAM}.
   */
  public void restart() {
    agentRuns.restart();
    actionLog.forgetExecutors();
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
   * Runs the sandbox until interrupted; {@code --help} prints the options. A port that is taken,
   * or a wrong option, is one line on standard error and a non-zero exit status.
   *
   * @param args {@code --port N} (default 3001), {@code --api-key KEY} (default {@code sk-sandbox}),
   *     {@code --pacing-ms N} (delay between streamed frames, default 0), and the options of
   *     {@link Builder#simpleKeyWithoutOrganization()}, {@link Builder#withoutActions()} and
   *     {@link Builder#connection(String, String)}
   * @throws InterruptedException when stopped
   */
  public static void main(String[] args) throws InterruptedException {
    SandboxCommand.Outcome outcome = SandboxCommand.start(args, System.out, System.err);
    if (outcome.sandbox() == null) {
      System.exit(outcome.exitCode());
    }
    Runtime.getRuntime().addShutdownHook(new Thread(outcome.sandbox()::close));
    Thread.currentThread().join();
  }

  /** Configures a sandbox. */
  public static final class Builder {
    private int port;
    private String apiKey = "sk-sandbox-" + UUID.randomUUID().toString().substring(0, 8);
    private Duration pacing = Duration.ZERO;
    private Duration slowDelay = Duration.ofSeconds(2);
    private boolean oauth = true;
    private java.util.List<String> workspaces = java.util.List.of("ws-sandbox");
    private boolean organization = true;
    private boolean actions = true;
    private String memberKey;
    private String actionApproval = "manual";
    private boolean durability = true;
    private boolean browser = true;
    private String connectionId = "default";
    private String groupId = "default";
    private java.util.List<dev.atlas.client.spec.SpecOperation> operations = OpenApiSpec.operations();
    private boolean tasksDueAtOnce;

    private Builder() {}

    /** For tests of the binding: the operations to bind instead of the served spec's. */
    Builder operations(java.util.List<dev.atlas.client.spec.SpecOperation> ops) {
      this.operations = java.util.List.copyOf(ops);
      return this;
    }

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

    /**
     * @param enabled true (the default) to play the authorization server of managed auth, whose
     *     signed-in user consents at once; false to answer as an Atlas in api-key mode (404 on OAuth
     *     discovery and the auth routes, no OAuth clients)
     * @return this
     */
    public Builder oauth(boolean enabled) {
      this.oauth = enabled;
      return this;
    }

    /**
     * @param active the workspace MCP tokens are bound to (default {@code ws-sandbox})
     * @param more further workspaces of the user: tokens then carry the multi-workspace claim
     * @return this
     */
    public Builder workspaces(String active, String... more) {
      java.util.List<String> all = new java.util.ArrayList<>();
      all.add(Objects.requireNonNull(active, "active"));
      all.addAll(java.util.List.of(more));
      this.workspaces = java.util.List.copyOf(all);
      return this;
    }

    /**
     * Answers like a real server in simple API-key mode whose key has no active organization:
     * scheduled tasks, the audit log, connections and their test answer 400 {@code bad_request}
     * "No active organization. Set an active org first.", and the plugin routes 403 {@code forbidden_role}. For testing code
     * that must cope with such a server.
     *
     * @return this
     */
    public Builder simpleKeyWithoutOrganization() {
      this.organization = false;
      return this;
    }

    /**
     * Answers like a real server whose actions feature is off: the rollback route is not mounted,
     * so it answers 404 with a plain-text body, not the error envelope.
     *
     * @return this
     */
    public Builder withoutActions() {
      this.actions = false;
      return this;
    }

    /**
     * Answers like a real server without a headless browser: dashboard screenshots and exports
     * fail with 500 {@code render_failed} and the server's message (as recorded; the documented
     * alternative is 503 {@code browser_unavailable}).
     *
     * @return this
     */
    public Builder withoutBrowser() {
      this.browser = false;
      return this;
    }

    /**
     * Names the demo warehouse's connection and its connection group (both {@code default}
     * unless set): the ids the connection list shows and that tasks, queries and tests accept.
     *
     * @param id the connection id
     * @param groupId the connection group's id
     * @return this
     */
    public Builder connection(String id, String groupId) {
      this.connectionId = Objects.requireNonNull(id, "id");
      this.groupId = Objects.requireNonNull(groupId, "groupId");
      return this;
    }

    /**
     * Makes every new scheduled task due at once: its {@code nextRunAt} is its creation time, so it
     * can be triggered right after it is created. A real server refuses that until the cron's next
     * time has passed; use this only for code that cannot move the clock with
     * {@link AtlasSandbox#advanceClock(Duration)} (e.g. a program in another process that would
     * otherwise wait for the minute to pass).
     *
     * @return this
     */
    public Builder tasksDueAtOnce() {
      this.tasksDueAtOnce = true;
      return this;
    }

    /**
     * Accepts a second key whose caller is a member of the workspace, not an admin: it sees no actions
     * (list empty, get 404) and may resolve none (approve and deny 403 {@code forbidden}, bulk puts
     * the ids in {@code forbidden}), as on a real server.
     *
     * @param memberKey the member's key
     * @return this
     */
    public Builder memberKey(String memberKey) {
      this.memberKey = Objects.requireNonNull(memberKey, "memberKey");
      return this;
    }

    /**
     * The server's action approval mode ({@code ATLAS_ACTION_APPROVAL}): {@code manual} (the default:
     * proposed actions wait for an admin), {@code admin-only} (the requester may not resolve their own
     * action: the sandbox key gets 403) or {@code auto} (actions run at once; a query's answer then
     * has no {@code pendingActions}).
     *
     * @param mode manual, admin-only or auto
     * @return this
     */
    public Builder actionApproval(String mode) {
      if (!java.util.Set.of("manual", "admin-only", "auto").contains(mode)) {
        throw new IllegalArgumentException("approval mode must be manual, admin-only or auto: " + mode);
      }
      this.actionApproval = mode;
      return this;
    }

    /**
     * Answers like a server without durable runs ({@code ATLAS_DURABILITY_ENABLED} off): chat still
     * sends {@code x-run-id} and stop works, but run status is always {@code none} and resume 404
     * {@code nothing_to_resume}. Generations still outlive their connection and save their answers.
     *
     * @return this
     */
    public Builder withoutDurability() {
      this.durability = false;
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
}
