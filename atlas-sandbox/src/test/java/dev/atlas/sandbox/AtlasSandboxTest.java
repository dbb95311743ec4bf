package dev.atlas.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atlas.client.AtlasClient;
import dev.atlas.client.ListAuditLogParams;
import dev.atlas.client.ListConversationsParams;
import dev.atlas.client.QueryParams;
import dev.atlas.client.RequestOptions;
import dev.atlas.client.ShareConversationParams;
import dev.atlas.client.errors.AtlasAuthenticationException;
import dev.atlas.client.errors.AtlasConflictException;
import dev.atlas.client.errors.AtlasConnectionException;
import dev.atlas.client.errors.AtlasInvalidRequestException;
import dev.atlas.client.errors.AtlasNotFoundException;
import dev.atlas.client.errors.AtlasRateLimitException;
import dev.atlas.client.errors.AtlasServerException;
import dev.atlas.client.generated.model.Conversation;
import dev.atlas.client.generated.model.ConversationWithMessages;
import dev.atlas.client.generated.model.CreateScheduledTaskInput;
import dev.atlas.client.generated.model.DeliveryChannel;
import dev.atlas.client.generated.model.QueryResponse;
import dev.atlas.client.generated.model.Recipient;
import dev.atlas.client.generated.model.RollbackActionResponse;
import dev.atlas.client.generated.model.ScheduledTaskRun;
import dev.atlas.client.generated.model.ShareExpiry;
import dev.atlas.client.UpdateScheduledTaskParams;
import dev.atlas.client.generated.model.ValidateSQLResponse;
import dev.atlas.client.generated.model.ValidationLayer;
import dev.atlas.client.Page;
import dev.atlas.client.retry.RetryPolicy;
import dev.atlas.client.AtlasStream;
import dev.atlas.client.StreamEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every operation of the sandbox through the real client, every exchange validated against the spec. */
class AtlasSandboxTest {
  static AtlasSandbox sandbox;
  static SpecValidatingInterceptor spec = new SpecValidatingInterceptor();
  static AtlasClient atlas;

  @BeforeAll
  static void start() {
    sandbox = AtlasSandbox.start();
    atlas = client(sandbox.apiKey());
  }

  static AtlasClient client(String key) {
    return AtlasClient.builder().baseUrl(sandbox.baseUrl()).apiKey(key).retryPolicy(RetryPolicy.none())
        .addNetworkInterceptor(spec).build();
  }

  @AfterEach
  void everyExchangeMatchedTheSpec() {
    List<String> problems = new ArrayList<>(spec.problems);
    spec.problems.clear();
    sandbox.injectFault(null);
    assertThat(problems).isEmpty();
  }

  @AfterAll
  static void stop() {
    atlas.close();
    sandbox.close();
  }

  @Test
  void healthIsPublicAndTheSpecIsServed() throws Exception {
    try (AtlasClient anonymous = AtlasClient.builder().baseUrl(sandbox.baseUrl()).withoutCredentials()
        .addNetworkInterceptor(spec).build()) {
      assertThat(anonymous.health().getStatus().getValue()).isEqualTo("ok");
    }
    OkHttpClient http = new OkHttpClient();
    for (String path : List.of("/openapi.json", "/api/v1/openapi.json")) {
      try (var r = http.newCall(new okhttp3.Request.Builder().url(sandbox.baseUrl() + path).build()).execute()) {
        assertThat(r.code()).isEqualTo(200);
        // served byte for byte as the checked-in file
        assertThat(r.body().string()).isEqualTo(dev.atlas.client.spec.OpenApiSpec.json());
      }
    }
  }

  @Test
  void credentialsAreCheckedLikeTheServerDoes() {
    try (AtlasClient wrong = client("sk-wrong")) {
      assertThatThrownBy(wrong::starterPrompts).isInstanceOfSatisfying(AtlasAuthenticationException.class,
          e -> assertThat(e.serverMessage()).contains("Invalid API key"));
    }
    try (AtlasClient header = AtlasClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey())
        .apiKeyHeader(dev.atlas.client.ApiKeyHeader.X_API_KEY).addNetworkInterceptor(spec).build()) {
      assertThat(header.starterPrompts().getPrompts()).isNotEmpty();
    }
  }

  @Test
  void aKnownQuestionRunsRealSqlAndCountsComeAsStrings() {
    QueryResponse r = atlas.query("How many orders are there?");
    assertThat(r.getSql()).containsExactly("SELECT COUNT(*) AS order_count FROM orders");
    assertThat(r.getData().get(0).getRows().get(0).get("order_count")).isEqualTo("2000");
    assertThat(r.getAnswer()).contains("2000");
    ConversationWithMessages c = atlas.conversations().get(r.getConversationId());
    assertThat(c.getMessages()).hasSize(2);
    assertThat(c.getCreatedAt().raw()).endsWith("GMT+0000 (Coordinated Universal Time)");
    assertThat(c.getCreatedAt().isParsed()).isTrue();

    QueryResponse byRegion = atlas.query("Revenue by region", QueryParams.defaults().withConversationId(r.getConversationId()));
    assertThat(byRegion.getConversationId()).isEqualTo(r.getConversationId());
    assertThat(byRegion.getData().get(0).getColumns()).containsExactly("region", "revenue");
    assertThat(byRegion.getData().get(0).getRows()).hasSize(4);
  }

  @Test
  void rawSqlIsValidatedAndRunAndUnknownQuestionsGetAnHonestAnswer() {
    assertThat(atlas.query("SELECT name FROM products WHERE id = 1").getData().get(0).getRows().get(0).get("name"))
        .isEqualTo("Product A");
    QueryResponse refused = atlas.query("DROP TABLE orders");
    assertThat(refused.getData()).isEmpty();
    QueryResponse unknown = atlas.query("What is the meaning of life?");
    assertThat(unknown.getAnswer()).startsWith("The sandbox cannot answer that");
    assertThat(unknown.getSql()).isEmpty();
  }

  @Test
  void queryErrorsAreTheContractsEnvelopes() {
    // the client refuses a blank question before sending; an empty SQL text gets the server's 422
    assertThatThrownBy(() -> atlas.validateSql("")).isInstanceOfSatisfying(AtlasInvalidRequestException.class, e -> {
      assertThat(e.status()).isEqualTo(422);
      assertThat(e.details()).hasSize(1);
      assertThat(e.details().get(0).getPath()).containsExactly("sql");
      assertThat(e.requestId()).isEmpty();
    });
    assertThatThrownBy(() -> atlas.query("q", QueryParams.defaults().withConversationId("not-a-uuid")))
        .isInstanceOfSatisfying(AtlasInvalidRequestException.class, e -> assertThat(e.status()).isEqualTo(400));
    assertThatThrownBy(() -> atlas.query("q", QueryParams.defaults().withConversationId(
        "00000000-0000-4000-8000-000000000000"))).isInstanceOf(AtlasNotFoundException.class);
  }

  @Test
  void streamingSendsTheRealFrameSequence() {
    List<StreamEvent> events = new ArrayList<>();
    String conversation;
    try (AtlasStream stream = atlas.streamQuery("How many active customers?")) {
      conversation = stream.conversationId().orElseThrow();
      stream.forEach(events::add);
    }
    assertThat(events.get(0)).isInstanceOf(StreamEvent.Start.class);
    assertThat(events).filteredOn(e -> e instanceof StreamEvent.ToolCall).extracting(e -> ((StreamEvent.ToolCall) e).name())
        .containsExactly("explore", "executeSQL");
    StreamEvent.Result rows = (StreamEvent.Result) events.stream().filter(e -> e instanceof StreamEvent.Result)
        .findFirst().orElseThrow();
    assertThat(rows.columns()).containsExactly("active_customers");
    assertThat(events.stream().filter(e -> e instanceof StreamEvent.Text).map(e -> ((StreamEvent.Text) e).content())
        .collect(Collectors.joining())).startsWith("The number of active customers is ");
    assertThat(events.get(events.size() - 1)).isEqualTo(new StreamEvent.Finish("stop"));
    assertThat(atlas.conversations().get(conversation).getMessages()).hasSize(2);
  }

  @Test
  void aDroppedStreamKeepsItsFirstEventsAndThenFails() {
    List<StreamEvent> events = new ArrayList<>();
    RequestOptions drop = RequestOptions.builder().header(Fault.HEADER, Fault.DROP_STREAM.wireName()).build();
    try (AtlasStream stream = atlas.streamQuery("How many orders are there?",
        dev.atlas.client.StreamQueryParams.defaults(), drop)) {
      assertThatThrownBy(() -> stream.forEach(events::add)).isInstanceOf(AtlasConnectionException.class)
          .hasMessageContaining("Stream interrupted:");
    }
    assertThat(events).hasSize(3);
  }

  @Test
  void conversationsListStarShareAndDeleteWithTheServersRules() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(atlas.query("How many orders are there?").getConversationId());
    }
    Page<Conversation> first = atlas.conversations().list(ListConversationsParams.defaults().withLimit(2));
    assertThat(first.items()).hasSize(2);
    assertThat(first.items().get(0).getId()).isEqualTo(ids.get(4)); // updatedAt desc
    assertThat(first.autoPager().stream().map(Conversation::getId).toList()).containsAll(ids);

    String oldest = ids.get(0);
    atlas.conversations().star(oldest);
    assertThat(atlas.conversations().list().items().get(0).getId()).as("starring bumps updatedAt").isEqualTo(oldest);
    assertThat(atlas.conversations().list(ListConversationsParams.defaults().withStarred(true)).items())
        .extracting(Conversation::getId).containsExactly(oldest);

    var share = atlas.conversations().share(oldest, ShareConversationParams.defaults().withExpiresIn(ShareExpiry._24H));
    assertThat(share.getUrl()).contains("/shared/" + share.getToken());
    assertThat(atlas.conversations().shareStatus(oldest).getShared()).isTrue();
    atlas.conversations().unshare(oldest);
    assertThat(atlas.conversations().shareStatus(oldest).getShared()).isFalse();

    atlas.conversations().delete(oldest);
    assertThatThrownBy(() -> atlas.conversations().get(oldest)).isInstanceOf(AtlasNotFoundException.class);
    assertThatThrownBy(() -> atlas.conversations().get("nope")).isInstanceOfSatisfying(
        AtlasInvalidRequestException.class, e -> assertThat(e.rawCode()).isEqualTo("invalid_request"));
  }

  @Test
  void scheduledTasksRunWhenTriggered() {
    CreateScheduledTaskInput input = new CreateScheduledTaskInput().name("Daily orders")
        .question("How many orders are there?").cronExpression("0 9 * * *").deliveryChannel(DeliveryChannel.EMAIL)
        .addRecipientsItem(new Recipient().type(DeliveryChannel.EMAIL).address("team@example.com"));
    assertThatThrownBy(() -> atlas.scheduledTasks().create(input)).isInstanceOfSatisfying(
        AtlasInvalidRequestException.class, e -> assertThat(e.rawCode()).isEqualTo("connection_group_required"));
    input.connectionGroupId("default");
    assertThatThrownBy(() -> atlas.scheduledTasks().create(new CreateScheduledTaskInput().name("x").question("y")
        .cronExpression("every day").connectionGroupId("default"))).isInstanceOf(AtlasInvalidRequestException.class);

    var task = atlas.scheduledTasks().create(input);
    assertThat(task.getWarnings()).isEmpty();
    assertThat(atlas.scheduledTasks().list().items()).extracting(t -> t.getId()).contains(task.getId());
    // as on a real server: not due until its next run time (the next 09:00) has passed
    Instant created = task.getCreatedAt().toInstant().orElseThrow();
    Instant next = task.getNextRunAt().toInstant().orElseThrow();
    assertThat(next).isAfter(created);
    assertThat(next.atZone(ZoneOffset.UTC).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
    assertThatThrownBy(() -> atlas.scheduledTasks().trigger(task.getId(), RequestOptions.builder().maxRetries(0)
        .build())).isInstanceOfSatisfying(AtlasServerException.class, e -> {
          assertThat(e.status()).isEqualTo(500);
          assertThat(e.rawCode()).isEqualTo("internal_error");
        });
    assertThat(atlas.scheduledTasks().listRuns(task.getId(), 5)).isEmpty();
    sandbox.advanceClock(Duration.between(created, next));
    atlas.scheduledTasks().trigger(task.getId());
    assertThat(atlas.scheduledTasks().get(task.getId()).getNextRunAt().toInstant()).as("moved to the next day")
        .hasValue(next.plus(Duration.ofDays(1)));
    List<ScheduledTaskRun> runs = atlas.scheduledTasks().listRuns(task.getId(), 5);
    assertThat(runs).hasSize(1);
    assertThat(runs.get(0).getStatus().getValue()).isEqualTo("success");
    assertThat(atlas.conversations().get(runs.get(0).getConversationId()).getMessages()).hasSize(2);
    assertThat(atlas.scheduledTasks().get(task.getId()).getRecentRuns()).hasSize(1);

    var updated = atlas.scheduledTasks().update(task.getId(), UpdateScheduledTaskParams.defaults().withEnabled(false));
    assertThat(updated.getEnabled()).isFalse();
    atlas.scheduledTasks().delete(task.getId());
    assertThatThrownBy(() -> atlas.scheduledTasks().get("00000000-0000-4000-8000-000000000000"))
        .isInstanceOf(AtlasNotFoundException.class);

    // the delivery was recorded as an action and can be rolled back once
    RollbackActionResponse rolled = atlas.rollbackAction(runs.get(0).getActionId());
    assertThat(rolled.getStatus().getValue()).isEqualTo("rolled_back");
  }

  @Test
  void validateSqlGoesThroughEveryLayer() {
    ValidateSQLResponse ok = atlas.validateSql("SELECT c.name FROM customers c JOIN orders o ON o.customer_id = c.id");
    assertThat(ok.getValid()).isTrue();
    assertThat(ok.getTables()).containsExactly("customers", "orders");
    assertThat(layer("DROP TABLE orders")).isEqualTo(ValidationLayer.REGEX_GUARD);
    assertThat(layer("SELECT 1; SELECT 2")).isEqualTo(ValidationLayer.AST_PARSE);
    assertThat(layer("SELEC name FROM customers")).isEqualTo(ValidationLayer.AST_PARSE);
    assertThat(layer("SELECT * FROM secrets")).isEqualTo(ValidationLayer.TABLE_WHITELIST);
    assertThat(layer("   ")).isEqualTo(ValidationLayer.EMPTY_CHECK);
    assertThat(atlas.validateSql("SELECT 1", "clickhouse-prod").getErrors().get(0).getLayer())
        .isEqualTo(ValidationLayer.CONNECTION);
    assertThatThrownBy(() -> atlas.validateSql("")).isInstanceOfSatisfying(AtlasInvalidRequestException.class,
        e -> assertThat(e.status()).isEqualTo(422));
  }

  static ValidationLayer layer(String sql) {
    ValidateSQLResponse r = atlas.validateSql(sql);
    assertThat(r.getValid()).isFalse();
    assertThat(r.getTables()).isEmpty();
    return r.getErrors().get(0).getLayer();
  }

  @Test
  void theAuditLogRecordsEveryQuery() {
    int before = (int) atlas.admin().audit(ListAuditLogParams.defaults()).total();
    atlas.query("What is the average order value?");
    atlas.query("SELECT missing_column FROM orders");
    var page = atlas.admin().audit(ListAuditLogParams.defaults().withLimit(500));
    assertThat(page.total()).isEqualTo(before + 2);
    assertThat(page.items().get(0).getSuccess()).isFalse();
    assertThat(atlas.admin().audit(ListAuditLogParams.defaults().withSuccess(false)).items())
        .allMatch(e -> !e.getSuccess());
    assertThat(atlas.admin().audit(ListAuditLogParams.defaults().withSearch("average")).items()).isNotEmpty();
    assertThatThrownBy(() -> atlas.admin().audit(ListAuditLogParams.defaults().withFrom("not-a-date")))
        .isInstanceOf(AtlasInvalidRequestException.class);
    var stats = atlas.admin().auditStats();
    assertThat(stats.getTotalErrors()).isPositive();
    assertThat(stats.getErrorRate().doubleValue()).isBetween(0.0, 100.0);
  }

  @Test
  void adminEndpointsDescribeTheSandbox() {
    assertThat(atlas.admin().overview().getEntities()).isEqualTo(3);
    assertThat(atlas.admin().connections().getConnections()).hasSize(1);
    assertThat(atlas.admin().testConnection("default").getStatus().getValue()).isEqualTo("healthy");
    assertThatThrownBy(() -> atlas.admin().testConnection("other")).isInstanceOf(AtlasNotFoundException.class);
    assertThat(atlas.admin().plugins().getPlugins()).isEmpty();
    assertThatThrownBy(() -> atlas.admin().pluginHealth("clickhouse")).isInstanceOf(AtlasNotFoundException.class);
    var entities = atlas.admin().semantic().entities();
    assertThat(entities.getEntities()).hasSize(3).allSatisfy(e -> {
      assertThat(e.getSourceKind()).isEqualTo("yaml");
      assertThat(e.getStatus()).isEqualTo("published");
      assertThat(e.getUpdatedAt().toInstant()).isPresent();
      assertThat(e.getAdditionalProperties()).as("the server's fields are typed").isNullOrEmpty();
    });
    assertThat(entities.getNoIntrospectedTables()).isFalse();
    assertThat(atlas.admin().semantic().entity("orders").getEntity()).isNotNull();
    assertThatThrownBy(() -> atlas.admin().semantic().entity("nope")).isInstanceOf(AtlasNotFoundException.class);
    assertThat(atlas.admin().semantic().metrics().getMetrics()).isNotEmpty();
    assertThat(atlas.admin().semantic().glossary().getGlossary()).isNotEmpty();
    assertThat(atlas.admin().semantic().catalog().getCatalog()).isNotNull();
    assertThat(atlas.admin().semantic().stats().getTotalEntities()).isEqualTo(3);
    assertThat(atlas.listTables().getTables()).hasSize(3);
    assertThatThrownBy(() -> atlas.listTables("warehouse-2")).isInstanceOfSatisfying(AtlasNotFoundException.class,
        e -> assertThat(e.rawCode()).isEqualTo("connection_not_found"));
    assertThat(atlas.starterPrompts(2).getPrompts()).hasSize(2);
  }

  @Test
  void rollbackFollowsTheActionLifecycle() {
    RollbackActionResponse r = atlas.rollbackAction(sandbox.demoActionId());
    assertThat(r.getStatus().getValue()).isEqualTo("rolled_back");
    assertThat(r.getActionType()).isEqualTo("jira:create");
    assertThatThrownBy(() -> atlas.rollbackAction(sandbox.demoActionId())).isInstanceOf(AtlasConflictException.class);
    assertThatThrownBy(() -> atlas.rollbackAction("00000000-0000-4000-8000-000000000000"))
        .isInstanceOf(AtlasNotFoundException.class);
    assertThatThrownBy(() -> atlas.rollbackAction("x")).isInstanceOf(AtlasInvalidRequestException.class);
  }

  @Test
  void faultsCanBeInjectedPerRequestOrGlobally() {
    RequestOptions limited = RequestOptions.builder().header(Fault.HEADER, "rate-limit").build();
    assertThatThrownBy(() -> atlas.conversations().list(ListConversationsParams.defaults(), limited))
        .isInstanceOfSatisfying(AtlasRateLimitException.class,
        e -> assertThat(e.retryAfter()).contains(java.time.Duration.ofSeconds(2)));
    sandbox.injectFault(Fault.PROVIDER_ERROR);
    assertThatThrownBy(() -> atlas.query("How many orders are there?")).isInstanceOfSatisfying(
        AtlasServerException.class, e -> assertThat(e.retryable()).isTrue());
    sandbox.injectFault(null);
    assertThat(atlas.conversations().list().total()).isNotNegative();
  }

  @Test
  void theSpecCheckCatchesADriftedResponse() {
    var validator = com.atlassian.oai.validator.OpenApiInteractionValidator
        .createForInlineApiSpecification(dev.atlas.client.spec.OpenApiSpec.json()).build();
    var request = com.atlassian.oai.validator.model.SimpleRequest.Builder.get("/api/v1/conversations")
        .withHeader("Authorization", "Bearer k").build();
    var drifted = com.atlassian.oai.validator.model.SimpleResponse.Builder.ok()
        .withContentType("application/json").withBody("{\"conversations\":[]}").build();
    assertThat(validator.validate(request, drifted).hasErrors()).as("missing total").isTrue();
    atlas.health();
    assertThat(spec.validated).as("the interceptor saw the exchange").contains("GET /api/health -> 200");
  }
}
