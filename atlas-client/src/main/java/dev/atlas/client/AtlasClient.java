package dev.atlas.client;

import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.generated.api.ActionsApi;
import dev.atlas.client.generated.api.HealthApi;
import dev.atlas.client.generated.api.QueryApi;
import dev.atlas.client.generated.api.SqlApi;
import dev.atlas.client.generated.api.StarterPromptsApi;
import dev.atlas.client.generated.api.TablesApi;
import dev.atlas.client.generated.model.AuditLogEntry;
import dev.atlas.client.generated.model.ChatMessage;
import dev.atlas.client.generated.model.HealthResponse;
import dev.atlas.client.generated.model.ListStarterPromptsResponse;
import dev.atlas.client.generated.model.ListTablesResponse;
import dev.atlas.client.generated.model.QueryRequest;
import dev.atlas.client.generated.model.QueryResponse;
import dev.atlas.client.generated.model.RollbackActionResponse;
import dev.atlas.client.generated.model.ValidateSQLResponse;
import dev.atlas.client.generated.model.ValidateSqlRequest;
import dev.atlas.client.batch.BatchOptions;
import dev.atlas.client.batch.BatchOutcome;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The Atlas API client: ask questions, manage conversations and scheduled tasks, validate SQL,
 * read the audit log and use the admin endpoints.
 *
 * <pre>{@code
 * try (AtlasClient atlas = AtlasClient.builder()
 *     .baseUrl("https://atlas.example.com")
 *     .apiKey(System.getenv("ATLAS_API_KEY"))
 *     .build()) {
 *   QueryResponse answer = atlas.query("What was last month's revenue?");
 *   System.out.println(answer.getAnswer());
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe: share one instance. Every method throws an unchecked
 * {@link AtlasException} subclass on failure, after the retries of the client's
 * {@link dev.atlas.client.retry.RetryPolicy}. Every operation has an {@code ...Async} form that
 * returns a {@link CompletableFuture} without blocking a thread. Each method has an overload taking
 * {@link RequestOptions} for a per-call timeout or extra headers; {@link #withOptions(Consumer)}
 * derives a client with other settings that shares this one's connection pool.
 */
public final class AtlasClient implements AutoCloseable {
  private final ClientContext ctx;
  private final QueryApi queryApi;
  private final HealthApi healthApi;
  private final TablesApi tablesApi;
  private final StarterPromptsApi starterPromptsApi;
  private final SqlApi sqlApi;
  private final ActionsApi actionsApi;
  // created on first use: each loads a large generated API class, which a client that only asks
  // questions never needs (part of the cold-start work, see docs/benchmarks.md)
  private final Lazy<Conversations> conversations;
  private final Lazy<ScheduledTasks> scheduledTasks;
  private final Lazy<Admin> admin;
  private final Lazy<Dashboards> dashboards;
  private final Lazy<Mcp> mcp;
  // created on first use without a lambda, so a first query loads neither class
  private volatile Actions actions;
  private volatile Runs runs;
  private final Streaming streaming;

  AtlasClient(ClientContext ctx) {
    this.ctx = ctx;
    this.queryApi = new QueryApi(ctx.apiClient());
    this.healthApi = new HealthApi(ctx.apiClient());
    this.tablesApi = new TablesApi(ctx.apiClient());
    this.starterPromptsApi = new StarterPromptsApi(ctx.apiClient());
    this.sqlApi = new SqlApi(ctx.apiClient());
    this.actionsApi = new ActionsApi(ctx.apiClient());
    this.conversations = new Lazy<>(() -> new Conversations(ctx));
    this.scheduledTasks = new Lazy<>(() -> new ScheduledTasks(ctx));
    this.admin = new Lazy<>(() -> new Admin(ctx));
    this.dashboards = new Lazy<>(() -> new Dashboards(ctx));
    this.mcp = new Lazy<>(() -> new Mcp(ctx));
    this.streaming = new Streaming(ctx, this);
  }

  /** @return a builder; {@link AtlasClientBuilder#baseUrl(String)} and a credential are required */
  public static AtlasClientBuilder builder() {
    return new AtlasClientBuilder();
  }

  /**
   * Creates a client from system properties and environment variables; see
   * {@link AtlasClientBuilder#fromEnv()} for the table.
   *
   * @return a new client
   * @throws IllegalStateException if no base URL or no credential is configured
   */
  public static AtlasClient fromEnv() {
    return builder().fromEnv().build();
  }

  /**
   * Derives a client with changed settings. The new client shares this client's connection pool
   * and dispatcher and owns neither: close this client (the one that created them) last.
   *
   * <pre>{@code AtlasClient slow = atlas.withOptions(b -> b.readTimeout(Duration.ofMinutes(10)));}</pre>
   *
   * @param change edits a builder pre-filled with this client's settings
   * @return the derived client
   */
  public AtlasClient withOptions(Consumer<AtlasClientBuilder> change) {
    AtlasClientBuilder b = AtlasClientBuilder.from(ctx.settings());
    change.accept(b);
    return b.buildSharing(ctx.baseHttp());
  }

  /**
   * Makes a call and returns its HTTP answer with its result: status, headers, request id and the
   * body as received. Works for every operation, blocking or streaming:
   *
   * <pre>{@code RawResponse<QueryResponse> r = atlas.withRawResponse(a -> a.query("Revenue last month?"));
   * System.out.println(r.status() + " " + r.header("content-type").orElse("") + " " + r.bodyText().orElse(""));
   * QueryResponse answer = r.result();}</pre>
   *
   * <p>The function is given this client bound to the capture: make the call on that client (from
   * any thread; a call made on another client is not captured). When it makes several (a pager
   * fetching pages), the last one to answer is described. A nested {@code withRawResponse} on the
   * given client captures its own calls only. A failed call throws its {@link AtlasException} as
   * usual, with the status, request id and body of the error.
   *
   * @param <T> the result type
   * @param call makes the call, e.g. {@code a -> a.conversations().get(id)}
   * @return the last call's answer and what the function returned
   * @throws IllegalStateException if the function made no call that got an answer
   */
  public <T> RawResponse<T> withRawResponse(Function<? super AtlasClient, T> call) {
    RawCapture capture = new RawCapture();
    T result = call.apply(new AtlasClient(ctx.capturing(capture)));
    return capture.toResponse(result);
  }

  /**
   * The asynchronous form of {@link #withRawResponse}: the function starts an asynchronous call
   * (e.g. {@code a -> a.queryAsync(q)}) and the result completes with its answer.
   *
   * @param <T> the result type
   * @param call starts the call
   * @return the answer and result; fails as the call fails
   */
  public <T> CompletableFuture<RawResponse<T>> withRawResponseAsync(
      Function<? super AtlasClient, CompletableFuture<T>> call) {
    RawCapture capture = new RawCapture();
    return call.apply(new AtlasClient(ctx.capturing(capture))).thenApply(capture::toResponse);
  }

  // ---------------------------------------------------------------- query

  /**
   * Asks a question and waits for the whole answer.
   *
   * @param question the question in plain English
   * @return the answer, the SQL the agent ran and the rows it got
   * @throws IllegalArgumentException for a blank question, before anything is sent (this and
   *     every other way of asking: the server refuses it here with 422, but the streaming routes
   *     would start an empty conversation)
   * @throws AtlasException on any failure
   */
  public QueryResponse query(String question) {
    return query(question, QueryParams.defaults(), RequestOptions.defaults());
  }

  /**
   * Asks a question in a conversation or against a connection.
   *
   * @param question the question in plain English
   * @param params conversation and connection; null components are not sent
   * @return the answer
   * @throws AtlasException on any failure
   */
  public QueryResponse query(String question, QueryParams params) {
    return query(question, params, RequestOptions.defaults());
  }

  /**
   * Asks a question with per-call settings.
   *
   * @param question the question in plain English
   * @param params conversation and connection
   * @param requestOptions timeout and headers for this call
   * @return the answer
   * @throws AtlasException on any failure
   */
  public QueryResponse query(String question, QueryParams params, RequestOptions requestOptions) {
    return ctx.send(queryOp(queryBody(question, params)), requestOptions);
  }

  /**
   * Asks a question in a conversation or against a connection.
   *
   * @param question the question in plain English
   * @param options conversation and connection; null components are not sent
   * @return the answer
   * @throws AtlasException on any failure
   * @deprecated use {@link #query(String, QueryParams)}
   */
  @Deprecated
  public QueryResponse query(String question, QueryOptions options) {
    return query(question, Objects.requireNonNull(options, "options").toParams(), RequestOptions.defaults());
  }

  /**
   * Asks a question with per-call settings.
   *
   * @param question the question in plain English
   * @param options conversation and connection
   * @param requestOptions timeout and headers for this call
   * @return the answer
   * @throws AtlasException on any failure
   * @deprecated use {@link #query(String, QueryParams, RequestOptions)}
   */
  @Deprecated
  public QueryResponse query(String question, QueryOptions options, RequestOptions requestOptions) {
    return query(question, Objects.requireNonNull(options, "options").toParams(), requestOptions);
  }

  // ---------------------------------------------------------------- streaming

  /**
   * Asks a question and streams the agent's work as typed events: text as it is written, tool
   * calls and their results, rows, and the finish. Close the stream when done (try-with-resources).
   *
   * @param question the question in plain English
   * @return the open stream; its {@code conversationId()} and {@code runId()} are known already
   * @throws AtlasException if the request fails before the stream starts (the same typed errors as
   *     {@link #query(String)})
   */
  public AtlasStream streamQuery(String question) {
    return streamQuery(question, StreamQueryParams.defaults(), RequestOptions.defaults());
  }

  /**
   * Streams an answer in a conversation, against a connection, or in an answer style.
   *
   * @param question the question in plain English
   * @param params conversation, connection, routing, answer style, maximum frame size
   * @return the open stream
   * @throws AtlasException if the request fails before the stream starts
   */
  public AtlasStream streamQuery(String question, StreamQueryParams params) {
    return streamQuery(question, params, RequestOptions.defaults());
  }

  /**
   * Streams an answer with per-call settings. The request is never retried once the stream has
   * started. A per-call timeout covers the whole stream.
   *
   * @param question the question in plain English
   * @param params conversation, connection, routing, answer style, maximum frame size
   * @param requestOptions timeout and headers
   * @return the open stream
   * @throws AtlasException if the request fails before the stream starts
   */
  public AtlasStream streamQuery(String question, StreamQueryParams params, RequestOptions requestOptions) {
    return streaming.streamQuery(question, params, requestOptions);
  }

  /**
   * Streams an answer in a conversation, against a connection, or in an answer style.
   *
   * @param question the question in plain English
   * @param options conversation, connection, routing, answer style, maximum frame size
   * @return the open stream
   * @throws AtlasException if the request fails before the stream starts
   * @deprecated use {@link #streamQuery(String, StreamQueryParams)}
   */
  @Deprecated
  public AtlasStream streamQuery(String question, StreamQueryOptions options) {
    return streamQuery(question, Objects.requireNonNull(options, "options").toParams(), RequestOptions.defaults());
  }

  /**
   * Streams an answer with per-call settings.
   *
   * @param question the question in plain English
   * @param options conversation, connection, routing, answer style, maximum frame size
   * @param requestOptions timeout and headers
   * @return the open stream
   * @throws IllegalArgumentException for a blank question, before anything is sent
   * @throws AtlasException if the request fails before the stream starts
   * @deprecated use {@link #streamQuery(String, StreamQueryParams, RequestOptions)}
   */
  @Deprecated
  public AtlasStream streamQuery(String question, StreamQueryOptions options, RequestOptions requestOptions) {
    return streamQuery(question, Objects.requireNonNull(options, "options").toParams(), requestOptions);
  }

  /**
   * Streams an answer as a {@link java.util.concurrent.Flow.Publisher}: the request is made when
   * the subscriber first requests, reads run on a thread of this client only while the subscriber
   * has demand, and cancelling the subscription cancels the HTTP call.
   *
   * @param question the question in plain English
   * @param params conversation, connection, routing, answer style, maximum frame size
   * @return a cold publisher: each subscription asks the question again
   */
  public Flow.Publisher<StreamEvent> streamQueryPublisher(String question, StreamQueryParams params) {
    return streamQueryPublisher(question, params, ctx.streamExecutor());
  }

  /**
   * Streams an answer as a {@link java.util.concurrent.Flow.Publisher} whose reads run on your executor.
   *
   * @param question the question in plain English
   * @param params conversation, connection, routing, answer style, maximum frame size
   * @param executor runs the (blocking) reads; a rejected task fails the subscriber with onError
   * @throws IllegalArgumentException for a blank question, before anything is sent
   * @return a cold publisher: each subscription asks the question again
   */
  public Flow.Publisher<StreamEvent> streamQueryPublisher(String question, StreamQueryParams params,
      Executor executor) {
    Streaming.requireQuestion(question); // at once, not at each subscription
    Objects.requireNonNull(params, "params");
    return new StreamPublisher(() -> streaming.streamQuery(question, params, RequestOptions.defaults()), executor);
  }

  /**
   * Streams an answer as a publisher.
   *
   * @param question the question in plain English
   * @param options conversation, connection, routing, answer style, maximum frame size
   * @return a cold publisher: each subscription asks the question again
   * @deprecated use {@link #streamQueryPublisher(String, StreamQueryParams)}
   */
  @Deprecated
  public Flow.Publisher<StreamEvent> streamQueryPublisher(String question, StreamQueryOptions options) {
    return streamQueryPublisher(question, Objects.requireNonNull(options, "options").toParams(), ctx.streamExecutor());
  }

  /**
   * Streams an answer as a publisher whose reads run on your executor.
   *
   * @param question the question in plain English
   * @param options conversation, connection, routing, answer style, maximum frame size
   * @param executor runs the (blocking) reads
   * @return a cold publisher: each subscription asks the question again
   * @deprecated use {@link #streamQueryPublisher(String, StreamQueryParams, Executor)}
   */
  @Deprecated
  public Flow.Publisher<StreamEvent> streamQueryPublisher(String question, StreamQueryOptions options,
      Executor executor) {
    return streamQueryPublisher(question, Objects.requireNonNull(options, "options").toParams(), executor);
  }

  /**
   * Sends chat messages (AI SDK UIMessage format) and returns the raw event-stream response, for
   * forwarding its bytes; {@link ChatResponse#events()} turns it into typed events.
   *
   * @param messages the conversation so far, oldest first; at least one
   * @return the open response; close it
   * @throws AtlasException if the request fails before the stream starts
   */
  public ChatResponse chat(List<ChatMessage> messages) {
    return chat(messages, StreamQueryParams.defaults(), RequestOptions.defaults());
  }

  /**
   * Sends chat messages with params and returns the raw event-stream response.
   *
   * @param messages the conversation so far; at least one
   * @param params conversation, connection, routing, answer style, maximum frame size
   * @return the open response; close it
   * @throws AtlasException if the request fails before the stream starts
   */
  public ChatResponse chat(List<ChatMessage> messages, StreamQueryParams params) {
    return chat(messages, params, RequestOptions.defaults());
  }

  /**
   * Sends chat messages with params and per-call settings and returns the raw event-stream response.
   *
   * @param messages the conversation so far; at least one
   * @param params conversation, connection, routing, answer style, maximum frame size
   * @param requestOptions timeout and headers
   * @return the open response; close it
   * @throws AtlasException if the request fails before the stream starts
   */
  public ChatResponse chat(List<ChatMessage> messages, StreamQueryParams params, RequestOptions requestOptions) {
    return streaming.chat(messages, params, requestOptions);
  }

  /**
   * Sends chat messages with options and returns the raw event-stream response.
   *
   * @param messages the conversation so far; at least one
   * @param options conversation, connection, routing, answer style, maximum frame size
   * @param requestOptions timeout and headers
   * @return the open response; close it
   * @throws IllegalArgumentException when the last message is a user message of blank text only
   * @throws AtlasException if the request fails before the stream starts
   * @deprecated use {@link #chat(List, StreamQueryParams, RequestOptions)}
   */
  @Deprecated
  public ChatResponse chat(List<ChatMessage> messages, StreamQueryOptions options, RequestOptions requestOptions) {
    return chat(messages, Objects.requireNonNull(options, "options").toParams(), requestOptions);
  }

  // ---------------------------------------------------------------- health

  /**
   * Reads the server's health report. Needs no credentials. A 503 carrying a report
   * ({@code status: "error"}) is returned, not thrown.
   *
   * @return the report
   * @throws AtlasException if the server cannot be reached or sends no report
   */
  public HealthResponse health() {
    return health(RequestOptions.defaults());
  }

  /**
   * Reads the server's health report with per-call settings.
   *
   * @param requestOptions timeout and headers for this call
   * @return the report
   * @throws AtlasException if the server cannot be reached or sends no report
   */
  public HealthResponse health(RequestOptions requestOptions) {
    return ctx.send(getHealthOp(), requestOptions);
  }

  // ---------------------------------------------------------------- tables and prompts

  /**
   * Lists the tables of the default connection's semantic layer.
   *
   * @return tables with their columns
   * @throws AtlasException on failure
   */
  public ListTablesResponse listTables() {
    return listTables(null, RequestOptions.defaults());
  }

  /**
   * Lists the tables of one connection.
   *
   * @param connectionId the connection, or null for the default
   * @return tables with their columns
   * @throws dev.atlas.client.errors.AtlasNotFoundException {@code connection_not_found} for an unknown connection
   */
  public ListTablesResponse listTables(String connectionId) {
    return listTables(connectionId, RequestOptions.defaults());
  }

  /**
   * Lists the tables of one connection with per-call settings.
   *
   * @param connectionId the connection, or null for the default
   * @param requestOptions timeout and headers for this call
   * @return tables with their columns
   * @throws AtlasException on failure
   */
  public ListTablesResponse listTables(String connectionId, RequestOptions requestOptions) {
    return ctx.send(listTablesOp(connectionId), requestOptions);
  }

  /**
   * Suggested questions, server's default count (6).
   *
   * @return prompts and their total
   * @throws AtlasException on failure
   */
  public ListStarterPromptsResponse starterPrompts() {
    return starterPrompts(null, RequestOptions.defaults());
  }

  /**
   * Suggested questions.
   *
   * @param limit how many (the server clamps to 50), or null for the default
   * @return prompts and their total
   * @throws AtlasException on failure
   */
  public ListStarterPromptsResponse starterPrompts(Integer limit) {
    return starterPrompts(limit, RequestOptions.defaults());
  }

  /**
   * Suggested questions with per-call settings.
   *
   * @param limit how many, or null for the default
   * @param requestOptions timeout and headers for this call
   * @return prompts and their total
   * @throws AtlasException on failure
   */
  public ListStarterPromptsResponse starterPrompts(Integer limit, RequestOptions requestOptions) {
    return ctx.send(listStarterPromptsOp(limit), requestOptions);
  }

  // ---------------------------------------------------------------- SQL

  /**
   * Validates SQL without running it. An invalid statement is a normal result
   * ({@code valid == false} with the failing layers), not an exception.
   *
   * @param sql the statement
   * @return the verdict, the layers that failed and the tables referenced
   * @throws AtlasException on failure (422 {@code validation_error} for empty SQL)
   */
  public ValidateSQLResponse validateSql(String sql) {
    return validateSql(sql, null, RequestOptions.defaults());
  }

  /**
   * Validates SQL against one connection.
   *
   * @param sql the statement
   * @param connectionId the connection, or null for the default
   * @return the verdict
   * @throws AtlasException on failure
   */
  public ValidateSQLResponse validateSql(String sql, String connectionId) {
    return validateSql(sql, connectionId, RequestOptions.defaults());
  }

  /**
   * Validates SQL with per-call settings.
   *
   * @param sql the statement
   * @param connectionId the connection, or null for the default
   * @param requestOptions timeout and headers for this call
   * @return the verdict
   * @throws AtlasException on failure
   */
  public ValidateSQLResponse validateSql(String sql, String connectionId, RequestOptions requestOptions) {
    Objects.requireNonNull(sql, "sql");
    ValidateSqlRequest body = new ValidateSqlRequest().sql(sql).connectionId(connectionId);
    return ctx.send(validateSqlOp(body), requestOptions);
  }

  // ---------------------------------------------------------------- audit and actions

  /**
   * Reads one page of the audit log (admin role). Same as {@code admin().audit(filter)}.
   *
   * @param filter filters and paging; unset filters are not sent
   * @return the page; {@link Page#nextPage()} continues with the same filters
   * @throws AtlasException on failure ({@code invalid_request} for an unparseable date)
   * @deprecated use {@link Admin#audit(ListAuditLogParams)} ({@code admin().audit(params)}), the one
   *     place of the admin operations
   */
  @Deprecated
  public Page<AuditLogEntry> auditLog(AuditLogFilter filter) {
    return admin.get().audit(filter, RequestOptions.defaults());
  }

  /**
   * Reads one page of the audit log with per-call settings.
   *
   * @param filter filters and paging
   * @param requestOptions timeout and headers for this call and the pages after it
   * @return the page
   * @throws AtlasException on failure
   * @deprecated use {@link Admin#audit(ListAuditLogParams, RequestOptions)}
   */
  @Deprecated
  public Page<AuditLogEntry> auditLog(AuditLogFilter filter, RequestOptions requestOptions) {
    return admin.get().audit(filter, requestOptions);
  }

  /**
   * Rolls back an executed action. Check {@link RollbackActionResponse#getWarning()}: when set, the
   * handler reported an error and the side effect may not have been reversed.
   *
   * @param actionId the action's id (a UUID)
   * @return the action log entry after the rollback
   * @throws dev.atlas.client.errors.AtlasConflictException when the action cannot be rolled back
   * @throws dev.atlas.client.errors.AtlasNotFoundException when no such action exists
   */
  public RollbackActionResponse rollbackAction(String actionId) {
    return rollbackAction(actionId, RequestOptions.defaults());
  }

  /**
   * Rolls back an executed action with per-call settings.
   *
   * @param actionId the action's id
   * @param requestOptions timeout and headers for this call
   * @return the action log entry after the rollback
   * @throws AtlasException on failure
   */
  public RollbackActionResponse rollbackAction(String actionId, RequestOptions requestOptions) {
    PathIds.check("actionId", actionId);
    return ctx.send(rollbackActionOp(actionId), requestOptions);
  }

  // ---------------------------------------------------------------- asynchronous forms

  /**
   * Asks a question without blocking a thread: the call goes through OkHttp's dispatcher and
   * retries wait on timers. Cancelling the future cancels the HTTP call.
   *
   * @param question the question in plain English
   * @param params conversation and connection
   * @param requestOptions timeout, headers and retries for this call
   * @return the answer; completes exceptionally with the typed {@link AtlasException}
   */
  public CompletableFuture<QueryResponse> queryAsync(String question, QueryParams params,
      RequestOptions requestOptions) {
    return ctx.sendAsync(queryOp(queryBody(question, params)), requestOptions);
  }

  /**
   * Asks a question without blocking a thread.
   *
   * @param question the question in plain English
   * @param options conversation and connection
   * @param requestOptions timeout, headers and retries for this call
   * @return the answer; completes exceptionally with the typed {@link AtlasException}
   * @deprecated use {@link #queryAsync(String, QueryParams, RequestOptions)}
   */
  @Deprecated
  public CompletableFuture<QueryResponse> queryAsync(String question, QueryOptions options,
      RequestOptions requestOptions) {
    return queryAsync(question, Objects.requireNonNull(options, "options").toParams(), requestOptions);
  }

  /**
   * Asks a question without blocking a thread.
   *
   * @param question the question in plain English
   * @return the answer
   */
  public CompletableFuture<QueryResponse> queryAsync(String question) {
    return queryAsync(question, QueryParams.defaults(), RequestOptions.defaults());
  }

  /**
   * Reads the health report without blocking.
   *
   * @param requestOptions timeout and headers
   * @return the report (also for a 503 that carries one)
   */
  public CompletableFuture<HealthResponse> healthAsync(RequestOptions requestOptions) {
    return ctx.sendAsync(getHealthOp(), requestOptions);
  }

  /**
   * Lists a connection's tables without blocking.
   *
   * @param connectionId the connection, or null for the default
   * @param requestOptions timeout and headers
   * @return tables with their columns
   */
  public CompletableFuture<ListTablesResponse> listTablesAsync(String connectionId, RequestOptions requestOptions) {
    return ctx.sendAsync(listTablesOp(connectionId), requestOptions);
  }

  /**
   * Suggested questions without blocking.
   *
   * @param limit how many, or null for the default
   * @param requestOptions timeout and headers
   * @return prompts and their total
   */
  public CompletableFuture<ListStarterPromptsResponse> starterPromptsAsync(Integer limit, RequestOptions requestOptions) {
    return ctx.sendAsync(listStarterPromptsOp(limit), requestOptions);
  }

  /**
   * Validates SQL without blocking.
   *
   * @param sql the statement
   * @param connectionId the connection, or null for the default
   * @param requestOptions timeout and headers
   * @return the verdict
   */
  public CompletableFuture<ValidateSQLResponse> validateSqlAsync(String sql, String connectionId,
      RequestOptions requestOptions) {
    Objects.requireNonNull(sql, "sql");
    ValidateSqlRequest body = new ValidateSqlRequest().sql(sql).connectionId(connectionId);
    return ctx.sendAsync(validateSqlOp(body), requestOptions);
  }

  /**
   * Reads one page of the audit log without blocking.
   *
   * @param filter filters and paging
   * @param requestOptions timeout and headers, reused by later pages
   * @return the page
   * @deprecated use {@link Admin#auditAsync(ListAuditLogParams, RequestOptions)}
   */
  @Deprecated
  public CompletableFuture<Page<AuditLogEntry>> auditLogAsync(AuditLogFilter filter, RequestOptions requestOptions) {
    return admin.get().auditAsync(filter, requestOptions);
  }

  /**
   * Rolls back an executed action without blocking.
   *
   * @param actionId the action's id
   * @param requestOptions timeout and headers
   * @return the action log entry after the rollback
   */
  public CompletableFuture<RollbackActionResponse> rollbackActionAsync(String actionId, RequestOptions requestOptions) {
    PathIds.check("actionId", actionId);
    return ctx.sendAsync(rollbackActionOp(actionId), requestOptions);
  }

  // ---------------------------------------------------------------- batches

  /**
   * Asks many questions with bounded concurrency (a sliding window), sharing one back-off when
   * rate limited. See {@link #batch(List, BiFunction, BatchOptions)}.
   *
   * <pre>{@code
   * List<BatchOutcome<String, QueryResponse>> outcomes = atlas.queryBatch(questions,
   *     BatchOptions.defaults().withConcurrency(8).withProgress(p -> log(p.completed() + "/" + p.total())))
   *     .join();
   * }</pre>
   *
   * @param questions the questions, in order
   * @param options concurrency, per-call options, progress listener
   * @return one outcome per question, in input order; cancel it to stop the batch
   */
  public CompletableFuture<List<BatchOutcome<String, QueryResponse>>> queryBatch(List<String> questions,
      BatchOptions options) {
    return batch(questions, (q, o) -> queryAsync(q, QueryParams.defaults(), o), options);
  }

  /**
   * Runs any call for many inputs with bounded concurrency: a sliding window (a new item starts as
   * soon as one ends), one outcome per input in input order, and a shared back-off (while one item
   * waits to be retried, no new item starts). Each item is retried exactly as the same call made
   * alone (a GET after a dropped connection, a query only when it provably did not run), provided
   * the call passes on the options it is given. Cancelling the result cancels the calls in flight.
   *
   * @param <I> the input type
   * @param <T> the result type
   * @param inputs the inputs, in order
   * @param call makes one call asynchronously with the given options, e.g.
   *     {@code (id, o) -> atlas.conversations().getAsync(id, o)}
   * @param options concurrency, per-call options, progress listener
   * @return one outcome per input, in input order; cancel it to stop the batch
   */
  public <I, T> CompletableFuture<List<BatchOutcome<I, T>>> batch(List<I> inputs,
      BiFunction<I, RequestOptions, CompletableFuture<T>> call, BatchOptions options) {
    ctx.ensureOpen();
    return BatchRunner.run(inputs, call, options, ctx.retries().sleeper());
  }

  // ---------------------------------------------------------------- resource groups

  /** @return conversations: list, get, star, share, delete */
  public Conversations conversations() {
    return conversations.get();
  }

  /** @return scheduled (cron) questions and their runs */
  public ScheduledTasks scheduledTasks() {
    return scheduledTasks.get();
  }

  /**
   * Dashboards: cards of SQL and charts, the caller's drafts, refresh, share links, PNG and PDF
   * exports. Edits by a signed-in user land in that user's draft until published; parameters and
   * the refresh schedule apply at once (see {@link Dashboards}).
   *
   * @return the dashboards group
   */
  public Dashboards dashboards() {
    return dashboards.get();
  }

  /** @return admin endpoints (admin role): overview, connections, audit, plugins, semantic layer */
  public Admin admin() {
    return admin.get();
  }

  /**
   * @return MCP onboarding for this server: connect a user's MCP client through OAuth (which sends
   *     none of this client's credentials) and list or revoke the connected agents
   */
  public Mcp mcp() {
    return mcp.get();
  }

  /**
   * @return what the agent proposes to do (a JIRA ticket, an email report): list, approve, deny,
   *     in bulk too ({@code /api/v1/actions}, when the server has actions enabled)
   */
  public Actions actions() {
    Actions a = actions;
    if (a == null) {
      synchronized (this) {
        a = actions;
        if (a == null) {
          a = new Actions(ctx, actionsApi);
          actions = a;
        }
      }
    }
    return a;
  }

  /**
   * @return agent runs that outlive their connection: a conversation's run status, resume of an
   *     interrupted run, stop
   */
  public Runs runs() {
    Runs r = runs;
    if (r == null) {
      synchronized (this) {
        r = runs;
        if (r == null) {
          r = new Runs(ctx);
          runs = r;
        }
      }
    }
    return r;
  }

  /** @return SQL without the agent: one SELECT through the server's validation */
  public Sql sql() {
    return new Sql(ctx);
  }

  /** @return the semantic layer as a user reads it: run a metric, explore its files, its entities */
  public SemanticLayer semanticLayer() {
    return new SemanticLayer(ctx);
  }

  /** @return the signed-in user's sessions: list, revoke (managed auth) */
  public Sessions sessions() {
    return new Sessions(ctx);
  }

  /** @return the signed-in user's own settings and usage: connection groups, preferences, MCP usage and prompts */
  public Me me() {
    return new Me(ctx);
  }

  /** @return the prompt library's collections and the caller's pinned starter prompts */
  public Prompts prompts() {
    return new Prompts(ctx);
  }

  /** @return query suggestions: for tables, popular ones, a click */
  public Suggestions suggestions() {
    return new Suggestions(ctx);
  }

  /**
   * @return the door to any route of the server, with this client's credentials, retries, typed
   *     errors, log and listeners: for the routes this SDK has no method for
   */
  public Routes routes() {
    return new Routes(ctx);
  }

  /** @return this SDK's version, as its {@code User-Agent} header sends it (e.g. {@code 1.1.0}) */
  public static String version() {
    return SdkVersion.VERSION;
  }

  /** @return the base URL requests go to, without a trailing slash */
  public String baseUrl() {
    return ctx.settings().baseUrlText();
  }

  /**
   * Closes this client: later calls throw {@link IllegalStateException}. Releases the connection
   * pool and dispatcher threads if this client created them; a client given its own
   * {@code OkHttpClient}, or derived by {@link #withOptions(Consumer)}, releases nothing.
   * Safe to call more than once.
   */
  @Override
  public void close() {
    ctx.close();
  }

  /** @return the base URL and how credentials are sent, never the credentials themselves */
  @Override
  public String toString() {
    return "AtlasClient{" + ctx.settings().describe() + "}";
  }

  private static QueryRequest queryBody(String question, QueryParams params) {
    Streaming.requireQuestion(question);
    Objects.requireNonNull(params, "params");
    return new QueryRequest().question(question).conversationId(params.conversationId())
        .connectionId(params.connectionId());
  }

  private Operation<QueryResponse> queryOp(QueryRequest body) {
    return Operation.of("query", () -> queryApi.queryCall(body, null), QueryResponse.class).finish(ExactRows::in);
  }

  private Operation<HealthResponse> getHealthOp() {
    return Operation.of("getHealth", () -> healthApi.getHealthCall(null), HealthResponse.class).resultAlsoOn(503);
  }

  private Operation<ListTablesResponse> listTablesOp(String connectionId) {
    return Operation.of("listTables", () -> tablesApi.listTablesCall(connectionId, null),
        ListTablesResponse.class).about(connectionId);
  }

  private Operation<ListStarterPromptsResponse> listStarterPromptsOp(Integer limit) {
    return Operation.of("listStarterPrompts", () -> starterPromptsApi.listStarterPromptsCall(limit, null),
        ListStarterPromptsResponse.class);
  }

  private Operation<ValidateSQLResponse> validateSqlOp(ValidateSqlRequest body) {
    return Operation.of("validateSql", () -> sqlApi.validateSqlCall(body, null), ValidateSQLResponse.class).readOnly();
  }

  private Operation<RollbackActionResponse> rollbackActionOp(String actionId) {
    return Operation.of("rollbackAction", () -> actionsApi.rollbackActionCall(actionId, null),
        RollbackActionResponse.class).about(actionId);
  }
}
