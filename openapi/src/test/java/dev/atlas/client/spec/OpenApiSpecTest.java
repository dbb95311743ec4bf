package dev.atlas.client.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The checked-in spec against CONTRACT.md: every operation, named schemas, errors, examples. */
class OpenApiSpecTest {
  static OpenAPI api;

  @BeforeAll
  static void parse() {
    ParseOptions options = new ParseOptions();
    options.setResolve(false);
    SwaggerParseResult result = new OpenAPIParser().readContents(OpenApiSpec.json(), null, options);
    assertThat(result.getMessages()).as("parser messages").isEmpty();
    api = result.getOpenAPI();
  }

  static Map<String, Operation> operations() {
    Map<String, Operation> ops = new java.util.TreeMap<>();
    api.getPaths().forEach((path, item) -> item.readOperationsMap()
        .forEach((method, op) -> ops.put(method + " " + path + " " + op.getOperationId(), op)));
    return ops;
  }

  @Test
  void isOpenApi303WithInfoAndServers() {
    assertThat(api.getOpenapi()).isEqualTo("3.0.3");
    assertThat(api.getInfo().getContact().getName()).isNotBlank();
    assertThat(api.getInfo().getLicense().getName()).isEqualTo("Apache-2.0");
    assertThat(api.getServers()).hasSize(1);
    assertThat(api.getServers().get(0).getUrl()).isEqualTo("{baseUrl}");
    assertThat(api.getServers().get(0).getVariables()).containsKey("baseUrl");
  }

  @Test
  void theOperationListIsTheParsersWithUniqueIds() {
    List<String> listed = OpenApiSpec.operations().stream().map(o -> o.method() + " " + o.path() + " " + o.id()).toList();
    assertThat(listed).containsExactlyInAnyOrderElementsOf(operations().keySet());
    assertThat(OpenApiSpec.operations().stream().map(SpecOperation::id).distinct()).hasSameSizeAs(listed);
    assertThat(OpenApiSpec.operations()).filteredOn(o -> !o.requiresCredentials()).extracting(SpecOperation::id)
        .contains("getHealth");
  }

  @Test
  void everyOperationHasOneKnownTagSummaryAndDescription() {
    var tags = api.getTags().stream().map(t -> t.getName()).toList();
    operations().forEach((key, op) -> {
      assertThat(op.getTags()).as(key).hasSize(1);
      assertThat(tags).as(key).contains(op.getTags().get(0));
      assertThat(op.getSummary()).as(key).isNotBlank();
      assertThat(op.getDescription()).as(key).isNotBlank();
    });
  }

  @Test
  void everyBodyIsANamedSchemaWithAnExample() {
    List<String> problems = new ArrayList<>();
    operations().forEach((key, op) -> {
      if (op.getRequestBody() != null) {
        op.getRequestBody().getContent().forEach((type, media) -> checkNamed(key + " request " + type, media, problems));
      }
      op.getResponses().forEach((status, response) -> {
        if (status.startsWith("2") && response.getContent() != null) {
          response.getContent().forEach((type, media) -> {
            if (!type.equals("text/event-stream")) {
              checkNamed(key + " " + status + " " + type, media, problems);
            }
          });
        }
      });
    });
    assertThat(problems).isEmpty();
  }

  private static void checkNamed(String where, MediaType media, List<String> problems) {
    Schema<?> schema = media.getSchema();
    if (schema == null || schema.get$ref() == null || !schema.get$ref().startsWith("#/components/schemas/")) {
      problems.add(where + ": not a $ref to a named schema");
    }
    if (media.getExample() == null && (media.getExamples() == null || media.getExamples().isEmpty())) {
      problems.add(where + ": no example");
    }
  }

  @Test
  void everyErrorResponseIsTheSharedEnvelope() {
    Map<String, ApiResponse> shared = api.getComponents().getResponses();
    shared.forEach((name, response) -> assertThat(response.getContent().get("application/json").getSchema().get$ref())
        .as(name).isEqualTo("#/components/schemas/ErrorResponse"));
    operations().forEach((key, op) -> op.getResponses().forEach((status, response) -> {
      if (!status.startsWith("2") && !key.startsWith("GET /api/health")) {
        assertThat(response.get$ref()).as(key + " " + status).startsWith("#/components/responses/");
      }
    }));
    Schema<?> error = (Schema<?>) api.getComponents().getSchemas().get("ErrorResponse").getProperties().get("error");
    assertThat(error.getEnum()).as("error codes must stay open text").isNull();
    assertThat(error.getDescription()).contains("rate_limited", "validation_error", "provider_timeout");
  }

  @Test
  void referenceTypeNamesAreSchemaNames() {
    assertThat(api.getComponents().getSchemas().keySet()).contains("Conversation", "Message",
        "ConversationWithMessages", "ScheduledTask", "ScheduledTaskWithRuns", "ScheduledTaskRun", "Recipient",
        "DeliveryChannel", "RunStatus", "ActionApprovalMode", "AuditLogEntry", "AuditLogResponse", "AuditStats",
        "ValidateSQLResponse", "ValidationLayer", "ActionStatus", "RollbackActionResponse", "QueryResponse",
        "ChatMessage", "AdminOverview", "EntitySummary", "SemanticStats", "ConnectionHealth", "ConnectionInfo",
        "PluginInfo", "PluginHealthCheckResponse", "AuthMode", "HealthStatus", "ErrorResponse", "ChatStreamFrame",
        "ListConversationsResponse", "ShareConversationResponse", "CreateScheduledTaskInput",
        "UpdateScheduledTaskInput", "ListScheduledTasksResponse");
  }

  @Test
  void securityIsBearerOrApiKeyAndHealthIsPublic() {
    var schemes = api.getComponents().getSecuritySchemes();
    assertThat(schemes.get("bearerAuth").getScheme()).isEqualTo("bearer");
    assertThat(schemes.get("apiKeyAuth").getName()).isEqualTo("X-API-Key");
    assertThat(api.getSecurity()).hasSize(2);
    assertThat(api.getPaths().get("/api/health").getGet().getSecurity()).isEmpty();
  }

  @Test
  void chatStreamsEventsAndDescribesItsFrames() {
    Operation chat = api.getPaths().get("/api/v1/chat").getPost();
    assertThat(chat.getResponses().get("200").getContent()).containsKey("text/event-stream");
    Schema<?> frame = api.getComponents().getSchemas().get("ChatStreamFrame");
    assertThat(frame.getDiscriminator().getPropertyName()).isEqualTo("type");
    assertThat(frame.getDiscriminator().getMapping()).containsKeys("start", "text-delta", "tool-input-available",
        "tool-output-available", "finish", "abort", "error", "data-context-warning");
  }

  @Test
  void pathAndQueryParametersAreNamedAsOnTheWire() {
    Map<String, List<String>> expected = Map.of(
        "GET /api/v1/conversations listConversations", List.of("limit", "offset", "starred"),
        "GET /api/v1/scheduled-tasks listScheduledTasks", List.of("limit", "offset", "enabled", "connectionGroupId"),
        "GET /api/v1/scheduled-tasks/{id}/runs listScheduledTaskRuns", List.of("id", "limit"),
        "GET /api/v1/admin/audit listAuditLog", List.of("limit", "offset", "user", "success", "from", "to",
            "connection", "table", "column", "actorKind", "clientId", "tool", "search"),
        "GET /api/v1/admin/semantic/entities listSemanticEntities", List.of("connection", "includeDrafts"),
        "GET /api/v1/admin/semantic/entities/{name} getSemanticEntity", List.of("name", "connectionGroupId"),
        "GET /api/v1/tables listTables", List.of("connectionId"),
        "GET /api/v1/starter-prompts listStarterPrompts", List.of("limit"));
    Map<String, Operation> ops = operations();
    expected.forEach((key, names) -> assertThat(ops.get(key).getParameters()).as(key)
        .extracting(Parameter::getName).containsExactlyInAnyOrderElementsOf(names));
  }

  @Test
  void timestampsThatAreNotAlwaysIsoAreNotDeclaredDateTime() {
    var dateTimes = new TreeSet<String>();
    api.getComponents().getSchemas().forEach((name, schema) -> {
      if (schema.getProperties() != null) {
        schema.getProperties().forEach((prop, s) -> {
          if ("date-time".equals(((Schema<?>) s).getFormat())) {
            dateTimes.add(name + "." + prop);
          }
        });
      }
    });
    assertThat(dateTimes).as("use format atlas-timestamp: the server sends Date.toString() text").isEmpty();
    assertThat(((Schema<?>) api.getComponents().getSchemas().get("Conversation").getProperties().get("createdAt")).getFormat())
        .isEqualTo("atlas-timestamp");
  }
}
