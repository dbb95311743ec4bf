package dev.atlas.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.atlas.client.errors.AtlasAuthenticationException;
import dev.atlas.client.errors.AtlasConflictException;
import dev.atlas.client.errors.AtlasErrorCode;
import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.errors.AtlasInvalidRequestException;
import dev.atlas.client.errors.AtlasInvalidResponseException;
import dev.atlas.client.errors.AtlasNotFoundException;
import dev.atlas.client.errors.AtlasPermissionException;
import dev.atlas.client.errors.AtlasRateLimitException;
import dev.atlas.client.errors.AtlasServerException;
import dev.atlas.client.generated.model.ActionApprovalMode;
import dev.atlas.client.generated.model.AdminOverview;
import dev.atlas.client.generated.model.AuditLogEntry;
import dev.atlas.client.generated.model.AuditStats;
import dev.atlas.client.generated.model.CatalogResponse;
import dev.atlas.client.generated.model.ConnectionHealth;
import dev.atlas.client.generated.model.Conversation;
import dev.atlas.client.generated.model.ConversationWithMessages;
import dev.atlas.client.generated.model.CreateScheduledTaskInput;
import dev.atlas.client.generated.model.DeliveryChannel;
import dev.atlas.client.generated.model.EntityResponse;
import dev.atlas.client.generated.model.GlossaryResponse;
import dev.atlas.client.generated.model.HealthResponse;
import dev.atlas.client.generated.model.ListConnectionsResponse;
import dev.atlas.client.generated.model.ListEntitiesResponse;
import dev.atlas.client.generated.model.ListPluginsResponse;
import dev.atlas.client.generated.model.ListStarterPromptsResponse;
import dev.atlas.client.generated.model.ListTablesResponse;
import dev.atlas.client.generated.model.MetricsResponse;
import dev.atlas.client.generated.model.PluginHealthCheckResponse;
import dev.atlas.client.generated.model.QueryResponse;
import dev.atlas.client.generated.model.Recipient;
import dev.atlas.client.generated.model.RollbackActionResponse;
import dev.atlas.client.generated.model.ScheduledTask;
import dev.atlas.client.generated.model.ScheduledTaskRun;
import dev.atlas.client.generated.model.ScheduledTaskWithRuns;
import dev.atlas.client.generated.model.ScheduledTaskWithWarnings;
import dev.atlas.client.generated.model.SemanticStats;
import dev.atlas.client.generated.model.ShareConversationResponse;
import dev.atlas.client.generated.model.ShareExpiry;
import dev.atlas.client.generated.model.ShareMode;
import dev.atlas.client.generated.model.ShareStatus;
import dev.atlas.client.generated.model.StarConversationResponse;
import dev.atlas.client.generated.model.TriggerScheduledTaskResponse;
import dev.atlas.client.generated.model.UpdateScheduledTaskResponse;
import dev.atlas.client.generated.model.ValidateSQLResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation of the facade against WireMock: the request on the wire (method, encoded path,
 * query string, JSON body, auth, user agent), the parsed response (the spec's own example plus a
 * field a newer server might add), and each error status the spec documents for it.
 */
class OperationsTest extends WireMockSupport {
  static final String CONV = "6f1c2a4e-8b7d-4c1e-9a3f-2d5e7b9c1a40";
  static final String TASK = "3a7d9c2e-6b1f-4e8a-9d5c-7f2b4e6a8c10";
  static final String ACTION = "0b8e6a3c-1f2d-4e5a-9c7b-8d6f4a2e1c30";

  /** One operation: how to call it and what must reach the server. */
  record Case(String operationId, String method, String path, Map<String, String> query, String body,
      Function<AtlasClient, Object> call, Consumer<Object> check) {
    @Override
    public String toString() {
      return operationId + " " + method + " " + path + (query.isEmpty() ? "" : " " + query);
    }
  }

  static Case c(String op, String method, String path, Map<String, String> query, String body,
      Function<AtlasClient, Object> call, Consumer<Object> check) {
    return new Case(op, method, path, query, body, call, check);
  }

  static Stream<Case> cases() {
    Map<String, String> none = Map.of();
    return Stream.of(
        c("getHealth", "GET", "/api/health", none, null, AtlasClient::health,
            r -> assertThat(((HealthResponse) r).getStatus()).isNotNull()),
        c("query", "POST", "/api/v1/query", none, "{\"question\":\"What was last month's revenue?\"}",
            a -> a.query("What was last month's revenue?"),
            r -> assertThat(((QueryResponse) r).getAnswer()).startsWith("Last month")),
        c("query", "POST", "/api/v1/query", none,
            "{\"question\":\"Revenue by region\",\"conversationId\":\"" + CONV + "\",\"connectionId\":\"warehouse\"}",
            a -> a.query("Revenue by region", QueryParams.defaults().withConversationId(CONV).withConnectionId("warehouse")),
            r -> assertThat(((QueryResponse) r).getSql()).isNotEmpty()),
        c("listConversations", "GET", "/api/v1/conversations", none, null, a -> a.conversations().list(),
            r -> assertThat(page(r).items()).allSatisfy(x -> assertThat(((Conversation) x).getId()).isNotBlank())),
        c("listConversations", "GET", "/api/v1/conversations", Map.of("limit", "0", "offset", "0", "starred", "false"),
            null, a -> a.conversations().list(new ListConversationsParams(0, 0, false)),
            r -> assertThat(page(r).total()).isPositive()),
        c("getConversation", "GET", "/api/v1/conversations/" + CONV, none, null, a -> a.conversations().get(CONV),
            r -> assertThat(((ConversationWithMessages) r).getCreatedAt().isParsed()).isTrue()),
        c("deleteConversation", "DELETE", "/api/v1/conversations/" + CONV, none, null, a -> {
          a.conversations().delete(CONV);
          return null;
        }, r -> assertThat(r).isNull()),
        c("starConversation", "PATCH", "/api/v1/conversations/" + CONV + "/star", none, "{\"starred\":true}",
            a -> a.conversations().star(CONV), r -> assertThat(((StarConversationResponse) r).getStarred()).isTrue()),
        c("starConversation", "PATCH", "/api/v1/conversations/" + CONV + "/star", none, "{\"starred\":false}",
            a -> a.conversations().unstar(CONV), r -> assertThat(((StarConversationResponse) r).getId()).isEqualTo(CONV)),
        c("getConversationShareStatus", "GET", "/api/v1/conversations/" + CONV + "/share", none, null,
            a -> a.conversations().shareStatus(CONV), r -> assertThat(((ShareStatus) r).getShared()).isNotNull()),
        // no body: the server reads it as its defaults
        c("shareConversation", "POST", "/api/v1/conversations/" + CONV + "/share", none, null,
            a -> a.conversations().share(CONV), r -> assertThat(((ShareConversationResponse) r).getToken()).isNotBlank()),
        c("shareConversation", "POST", "/api/v1/conversations/" + CONV + "/share", none,
            "{\"expiresIn\":\"7d\",\"shareMode\":\"org\"}",
            a -> a.conversations().share(CONV, ShareConversationParams.defaults().withExpiresIn(ShareExpiry._7D).withShareMode(ShareMode.ORG)),
            r -> assertThat(((ShareConversationResponse) r).getUrl()).isNotBlank()),
        c("unshareConversation", "DELETE", "/api/v1/conversations/" + CONV + "/share", none, null, a -> {
          a.conversations().unshare(CONV);
          return null;
        }, r -> assertThat(r).isNull()),
        c("listScheduledTasks", "GET", "/api/v1/scheduled-tasks", none, null, a -> a.scheduledTasks().list(),
            r -> assertThat(page(r).items()).allSatisfy(x -> assertThat(((ScheduledTask) x).getCronExpression()).isNotBlank())),
        c("listScheduledTasks", "GET", "/api/v1/scheduled-tasks",
            Map.of("limit", "5", "offset", "10", "enabled", "true", "connectionGroupId", "default"), null,
            a -> a.scheduledTasks().list(new ListScheduledTasksParams(5, 10, true, "default")),
            r -> assertThat(page(r).offset()).isEqualTo(10)),
        c("createScheduledTask", "POST", "/api/v1/scheduled-tasks", none,
            "{\"name\":\"Daily revenue\",\"question\":\"What was yesterday's revenue?\",\"cronExpression\":\"0 9 * * *\","
                + "\"deliveryChannel\":\"email\",\"recipients\":[{\"type\":\"email\",\"address\":\"team@example.com\"}],"
                + "\"connectionGroupId\":\"default\",\"approvalMode\":\"auto\"}",
            a -> a.scheduledTasks().create(new CreateScheduledTaskInput().name("Daily revenue")
                .question("What was yesterday's revenue?").cronExpression("0 9 * * *")
                .deliveryChannel(DeliveryChannel.EMAIL)
                .addRecipientsItem(new Recipient().type(DeliveryChannel.EMAIL).address("team@example.com"))
                .connectionGroupId("default").approvalMode(ActionApprovalMode.AUTO)),
            r -> assertThat(((ScheduledTaskWithWarnings) r).getId()).isNotBlank()),
        c("getScheduledTask", "GET", "/api/v1/scheduled-tasks/" + TASK, none, null, a -> a.scheduledTasks().get(TASK),
            r -> assertThat(((ScheduledTaskWithRuns) r).getRecentRuns()).isNotNull()),
        c("updateScheduledTask", "PUT", "/api/v1/scheduled-tasks/" + TASK, none, "{\"enabled\":false}",
            a -> a.scheduledTasks().update(TASK, UpdateScheduledTaskParams.defaults().withEnabled(false)),
            r -> assertThat(((UpdateScheduledTaskResponse) r).getWarnings()).isNotNull()),
        c("deleteScheduledTask", "DELETE", "/api/v1/scheduled-tasks/" + TASK, none, null, a -> {
          a.scheduledTasks().delete(TASK);
          return null;
        }, r -> assertThat(r).isNull()),
        c("triggerScheduledTask", "POST", "/api/v1/scheduled-tasks/" + TASK + "/run", none, null,
            a -> a.scheduledTasks().trigger(TASK), r -> assertThat(((TriggerScheduledTaskResponse) r).getTaskId()).isNotBlank()),
        c("listScheduledTaskRuns", "GET", "/api/v1/scheduled-tasks/" + TASK + "/runs", Map.of("limit", "10"), null,
            a -> a.scheduledTasks().listRuns(TASK, 10),
            r -> assertThat(list(r)).allSatisfy(x -> assertThat(((ScheduledTaskRun) x).getStartedAt()).isNotNull())),
        c("validateSql", "POST", "/api/v1/validate-sql", none, "{\"sql\":\"SELECT id FROM users\"}",
            a -> a.validateSql("SELECT id FROM users"), r -> assertThat(((ValidateSQLResponse) r).getValid()).isNotNull()),
        c("validateSql", "POST", "/api/v1/validate-sql", none,
            "{\"sql\":\"SELECT * FROM analytics.events\",\"connectionId\":\"clickhouse-prod\"}",
            a -> a.validateSql("SELECT * FROM analytics.events", "clickhouse-prod"),
            r -> assertThat(((ValidateSQLResponse) r).getTables()).isNotNull()),
        c("listAuditLog", "GET", "/api/v1/admin/audit", none, null, a -> a.admin().audit(ListAuditLogParams.defaults()),
            r -> assertThat(page(r).items()).allSatisfy(x -> assertThat(((AuditLogEntry) x).getSql()).isNotNull())),
        c("listAuditLog", "GET", "/api/v1/admin/audit", auditQuery(), null,
            a -> a.admin().audit(ListAuditLogParams.defaults().withLimit(20).withOffset(40).withUser("user-1")
                .withSuccess(false).withFrom(java.time.LocalDate.of(2026, 3, 1)).withTo("2026-03-15")
                .withConnection("default").withTable("orders").withColumn("total").withActorKind("human")
                .withClientId("cli").withTool("executeSQL").withSearch("revenue")),
            r -> assertThat(page(r).total()).isPositive()),
        c("getAuditStats", "GET", "/api/v1/admin/audit/stats", none, null, a -> a.admin().auditStats(),
            r -> assertThat(((AuditStats) r).getErrorRate()).isNotNull()),
        c("getAdminOverview", "GET", "/api/v1/admin/overview", none, null, a -> a.admin().overview(),
            r -> assertThat(((AdminOverview) r).getConnections()).isNotNull()),
        c("listSemanticEntities", "GET", "/api/v1/admin/semantic/entities", none, null,
            a -> a.admin().semantic().entities(), r -> assertThat(((ListEntitiesResponse) r).getEntities()).isNotNull()),
        c("listSemanticEntities", "GET", "/api/v1/admin/semantic/entities",
            Map.of("connection", "default", "includeDrafts", "true"), null,
            a -> a.admin().semantic().entities(ListSemanticEntitiesParams.defaults().withConnection("default").withIncludeDrafts(true)),
            r -> assertThat(((ListEntitiesResponse) r).getEntities()).isNotNull()),
        c("getSemanticEntity", "GET", "/api/v1/admin/semantic/entities/orders", Map.of("connectionGroupId", "g1"), null,
            a -> a.admin().semantic().entity("orders", "g1"), r -> assertThat(((EntityResponse) r).getEntity()).isNotNull()),
        c("listSemanticMetrics", "GET", "/api/v1/admin/semantic/metrics", none, null, a -> a.admin().semantic().metrics(),
            r -> assertThat(((MetricsResponse) r).getMetrics()).isNotNull()),
        c("getSemanticGlossary", "GET", "/api/v1/admin/semantic/glossary", none, null,
            a -> a.admin().semantic().glossary(), r -> assertThat(((GlossaryResponse) r).getGlossary()).isNotNull()),
        c("getSemanticCatalog", "GET", "/api/v1/admin/semantic/catalog", none, null,
            a -> a.admin().semantic().catalog(), r -> assertThat(r).isInstanceOf(CatalogResponse.class)),
        c("getSemanticStats", "GET", "/api/v1/admin/semantic/stats", none, null, a -> a.admin().semantic().stats(),
            r -> assertThat(((SemanticStats) r).getTotalEntities()).isNotNull()),
        c("listConnections", "GET", "/api/v1/admin/connections", none, null, a -> a.admin().connections(),
            r -> assertThat(((ListConnectionsResponse) r).getConnections()).isNotEmpty()),
        c("testConnection", "POST", "/api/v1/admin/connections/default/test", none, null,
            a -> a.admin().testConnection("default"), r -> assertThat(((ConnectionHealth) r).getStatus()).isNotNull()),
        c("listPlugins", "GET", "/api/v1/admin/plugins", none, null, a -> a.admin().plugins(),
            r -> assertThat(((ListPluginsResponse) r).getPlugins()).isNotNull()),
        c("checkPluginHealth", "POST", "/api/v1/admin/plugins/clickhouse/health", none, null,
            a -> a.admin().pluginHealth("clickhouse"), r -> assertThat(((PluginHealthCheckResponse) r).getHealthy()).isNotNull()),
        c("rollbackAction", "POST", "/api/v1/actions/" + ACTION + "/rollback", none, null, a -> a.rollbackAction(ACTION),
            r -> assertThat(((RollbackActionResponse) r).getActionType()).isNotBlank()),
        c("listTables", "GET", "/api/v1/tables", none, null, AtlasClient::listTables,
            r -> assertThat(((ListTablesResponse) r).getTables()).isNotEmpty()),
        c("listTables", "GET", "/api/v1/tables", Map.of("connectionId", "warehouse"), null, a -> a.listTables("warehouse"),
            r -> assertThat(((ListTablesResponse) r).getTables()).isNotEmpty()),
        c("listStarterPrompts", "GET", "/api/v1/starter-prompts", none, null, AtlasClient::starterPrompts,
            r -> assertThat(((ListStarterPromptsResponse) r).getPrompts()).isNotEmpty()),
        c("listStarterPrompts", "GET", "/api/v1/starter-prompts", Map.of("limit", "3"), null, a -> a.starterPrompts(3),
            r -> assertThat(((ListStarterPromptsResponse) r).getTotal()).isNotNull()),
        c("listOAuthClients", "GET", "/api/v1/me/oauth-clients", none, null, a -> a.mcp().listAgents(),
            r -> assertThat(((dev.atlas.client.generated.model.ListOAuthClientsResponse) r).getClients())
                .allSatisfy(x -> assertThat(x.getCreatedAt().isParsed()).isTrue())),
        c("revokeOAuthClient", "POST", "/api/v1/me/oauth-clients/a%2Fb%20c/revoke", none, null,
            a -> a.mcp().revokeAgent("a/b c"),
            r -> assertThat(((dev.atlas.client.generated.model.RevokeOAuthClientResponse) r).getTokensRevoked())
                .isEqualTo(4)),
        c("listWorkspaceOAuthClients", "GET", "/api/v1/admin/oauth-clients", none, null, a -> a.admin().agents().list(),
            r -> assertThat(((dev.atlas.client.generated.model.ListWorkspaceOAuthClientsResponse) r).getClients())
                .singleElement().satisfies(x -> {
                  assertThat(x.getClientName()).isEqualTo("Claude Desktop");
                  assertThat(x.getTokenState().getValue()).isEqualTo("reconnect_required");
                  assertThat(x.getCreatedAt().isParsed()).isTrue();
                  assertThat(x.getRateLimitPerMinute()).isNull();
                })),
        c("revokeWorkspaceOAuthClient", "POST", "/api/v1/admin/oauth-clients/a%2Fb%20c/revoke", none, null,
            a -> a.admin().agents().revoke("a/b c"),
            r -> assertThat(((dev.atlas.client.generated.model.RevokeOAuthClientResponse) r).getTokensRevoked())
                .isEqualTo(2)),
        c("setWorkspaceOAuthClientRateLimit", "PATCH", "/api/v1/admin/oauth-clients/kQ3v/rate-limit", none,
            "{\"requestsPerMinute\":120}", a -> a.admin().agents().setRateLimit("kQ3v", 120),
            r -> assertThat(((dev.atlas.client.generated.model.SetOAuthClientRateLimitResponse) r).getRateLimitPerMinute())
                .isEqualTo(120)),
        c("setWorkspaceOAuthClientRateLimit", "PATCH", "/api/v1/admin/oauth-clients/kQ3v/rate-limit", none,
            "{\"requestsPerMinute\":null}", a -> a.admin().agents().clearRateLimit("kQ3v"),
            r -> assertThat(((dev.atlas.client.generated.model.SetOAuthClientRateLimitResponse) r).getSuccess())
                .isTrue()));
  }

  static Map<String, String> auditQuery() {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("limit", "20");
    q.put("offset", "40");
    q.put("user", "user-1");
    q.put("success", "false");
    q.put("from", "2026-03-01");
    q.put("to", "2026-03-15");
    q.put("connection", "default");
    q.put("table", "orders");
    q.put("column", "total");
    q.put("actorKind", "human");
    q.put("clientId", "cli");
    q.put("tool", "executeSQL");
    q.put("search", "revenue");
    return q;
  }

  static Page<?> page(Object o) {
    return (Page<?>) o;
  }

  static List<?> list(Object o) {
    return (List<?>) o;
  }

  /** The spec's success example with a key a newer server might add to every object. */
  static String responseBody(String operationId) {
    JsonElement example = SpecExamples.successExample(operationId);
    if (example == null) {
      return null;
    }
    if (example.isJsonObject()) {
      JsonObject extra = new JsonObject();
      extra.addProperty("addedLater", 1);
      example.getAsJsonObject().add("fieldFromANewerServer", extra);
    }
    return example.toString();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void sendsTheDocumentedRequestAndParsesTheResponse(Case c) {
    String body = responseBody(c.operationId());
    var response = aResponse().withStatus(SpecExamples.successStatus(c.operationId()));
    if (body != null) {
      response.withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
    }
    wm.stubFor(any(anyUrl()).willReturn(response));

    Object result = c.call().apply(client());

    LoggedRequest req = onlyRequest();
    assertThat(req.getMethod().getName()).isEqualTo(c.method());
    String url = req.getUrl();
    int q = url.indexOf('?');
    assertThat(q < 0 ? url : url.substring(0, q)).isEqualTo(c.path());
    Map<String, String> sentQuery = new LinkedHashMap<>();
    req.getQueryParams().forEach((k, v) -> sentQuery.put(k, v.firstValue()));
    assertThat(sentQuery).isEqualTo(c.query());
    if (c.body() == null) {
      assertThat(req.getBodyAsString()).isEmpty();
    } else {
      assertThat(req.getHeader("Content-Type")).startsWith("application/json");
      assertThat(JsonParser.parseString(req.getBodyAsString())).isEqualTo(JsonParser.parseString(c.body()));
    }
    assertThat(req.getHeader("Authorization")).isEqualTo("Bearer " + API_KEY);
    assertThat(req.containsHeader("X-API-Key")).isFalse();
    assertThat(req.getHeader("User-Agent")).startsWith("atlas-java/" + AtlasClient.version() + " (").doesNotContain("OpenAPI-Generator");
    assertThat(AtlasClient.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    c.check().accept(result);
  }

  static Stream<Arguments> documentedErrors() {
    List<Arguments> out = new ArrayList<>();
    cases().map(Case::operationId).distinct().forEach(op -> {
      Case first = cases().filter(c -> c.operationId().equals(op)).findFirst().orElseThrow();
      for (int status : SpecExamples.errorStatuses(op)) {
        out.add(Arguments.of(first, status));
      }
    });
    return out.stream();
  }

  /** A representative code for each status the spec documents, and the class it must map to. */
  static final Map<Integer, Object[]> ERROR_FOR_STATUS = Map.of(
      400, new Object[] {"invalid_request", AtlasInvalidRequestException.class, false},
      401, new Object[] {"auth_error", AtlasAuthenticationException.class, false},
      403, new Object[] {"forbidden_role", AtlasPermissionException.class, false},
      404, new Object[] {"not_found", AtlasNotFoundException.class, false},
      409, new Object[] {"conflict", AtlasConflictException.class, false},
      422, new Object[] {"validation_error", AtlasInvalidRequestException.class, false},
      429, new Object[] {"rate_limited", AtlasRateLimitException.class, true},
      500, new Object[] {"internal_error", AtlasServerException.class, true},
      502, new Object[] {"provider_error", AtlasServerException.class, true},
      503, new Object[] {"provider_unreachable", AtlasServerException.class, true});

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("documentedErrors")
  void mapsEachDocumentedErrorToItsTypedException(Case c, int status) {
    Object[] expected = ERROR_FOR_STATUS.getOrDefault(status, new Object[] {"provider_timeout", AtlasServerException.class, true});
    if (c.operationId().equals("getHealth")) {
      // the health check's 503 carries a report with status "error": a result, not an exception
      wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
          .withBody("{\"status\":\"error\",\"checks\":{}}")));
      assertThatThrownBy(() -> c.call().apply(client())).isInstanceOf(AtlasException.class)
          .hasMessageContaining("does not match");
      return;
    }
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"" + expected[0] + "\",\"message\":\"Something went wrong\","
            + "\"requestId\":\"req-" + status + "\"}")));

    assertThatThrownBy(() -> c.call().apply(client()))
        .isInstanceOf((Class<?>) expected[1])
        .satisfies(t -> {
          AtlasException e = (AtlasException) t;
          assertThat(e.status()).isEqualTo(status);
          assertThat(e.rawCode()).isEqualTo(expected[0]);
          assertThat(e.retryable()).isEqualTo(expected[2]);
          assertThat(e.requestId()).contains("req-" + status);
          assertThat(e.method()).contains(c.method());
          assertThat(e.path()).contains(c.path());
          assertThat(e.getMessage()).contains("Something went wrong").doesNotContain(API_KEY);
        });
  }

  @Test
  void rowValuesKeepTheirExactJsonEncoding() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
        "{\"answer\":\"a\",\"sql\":[],\"data\":[{\"columns\":[\"order_count\",\"big\",\"avg\"],\"rows\":"
            + "[{\"order_count\":\"11621\",\"big\":9007199254740993,\"avg\":12.50}]}],\"steps\":1,"
            + "\"usage\":{\"totalTokens\":1}}")));
    Map<String, Object> row = client().query("q").getData().get(0).getRows().get(0);
    assertThat(row.get("order_count")).isEqualTo("11621");
    assertThat(row.get("big")).hasToString("9007199254740993");
    assertThat(row.get("avg")).hasToString("12.50");
    assertThat(((Number) row.get("big")).longValue()).isEqualTo(9007199254740993L);
  }

  @Test
  void notFoundCarriesTheResourceId() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"not_found\",\"message\":\"Conversation not found\",\"requestId\":\"r1\"}")));
    assertThatThrownBy(() -> client().conversations().get(CONV))
        .isInstanceOfSatisfying(AtlasNotFoundException.class, e -> assertThat(e.resourceId()).contains(CONV));
  }

  @Test
  void healthReturnsTheReportOfA503() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
        .withBody(responseBody("getHealth").replace("\"status\":\"ok\"", "\"status\":\"error\""))));
    HealthResponse h = client().health();
    assertThat(h.getStatus().getValue()).isEqualTo("error");
  }

  @Test
  void anErrorEnvelopeOnTheHealthChecks503IsATypedServerError() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"service_unavailable\",\"message\":\"Starting up\",\"retryable\":true,"
            + "\"requestId\":\"r9\"}")));
    try (AtlasClient c = builder().apiKey(API_KEY).maxRetries(1).build()) {
      assertThatThrownBy(c::health).isInstanceOfSatisfying(AtlasServerException.class, e -> {
        assertThat(e.code()).isEqualTo(AtlasErrorCode.SERVICE_UNAVAILABLE);
        assertThat(e.status()).isEqualTo(503);
        assertThat(e.retryable()).isTrue();
        assertThat(e.requestId()).contains("r9");
        assertThat(e.attempts()).as("retried like any retryable GET").isEqualTo(2);
      });
    }
  }

  @Test
  void aSuccessBodyOfTheWrongShapeIsNotCalledEmpty() {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody("{\"answer\":{\"nested\":true},\"sql\":\"not a list\"}")));
    assertThatThrownBy(() -> client().query("q")).isInstanceOfSatisfying(AtlasInvalidResponseException.class, e -> {
      assertThat(e.getMessage()).doesNotContain("empty body").contains("HTTP 200 with a application/json body")
          .contains("does not match the documented shape");
    });
  }
}
