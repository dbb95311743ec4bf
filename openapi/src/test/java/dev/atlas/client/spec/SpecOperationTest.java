package dev.atlas.client.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading a document's operations and matching requests to them. */
class SpecOperationTest {
  static final String DOC = """
      {"openapi":"3.0.3","security":[{"bearerAuth":[]}],"paths":{
        "/tasks/{id}":{"get":{"operationId":"getTask","tags":["Tasks"]},"parameters":[]},
        "/tasks/runs":{"get":{"operationId":"listRuns"}},
        "/boards/{id}/cards/{cardId}":{"delete":{"operationId":"removeCard"}},
        "/health":{"get":{"operationId":"health","security":[]}},
        "/nameless":{"get":{"summary":"no id"}}}}
      """;

  @Test
  void readsIdsMethodsTagsAndWhoMayCall() {
    List<SpecOperation> ops = OpenApiSpec.operations(DOC);
    assertThat(ops).extracting(SpecOperation::id).containsExactly("getTask", "listRuns", "removeCard", "health");
    assertThat(ops.get(0)).isEqualTo(new SpecOperation("getTask", "GET", "/tasks/{id}", "Tasks", true));
    assertThat(ops.get(3).requiresCredentials()).isFalse();
    assertThat(ops.get(2).pathParameterNames()).containsExactly("id", "cardId");
  }

  @Test
  void aLiteralSegmentWinsOverAParameterWhateverTheOrder() {
    List<SpecOperation> ops = OpenApiSpec.operations(DOC);
    assertThat(SpecOperation.find(ops, "GET", "/tasks/runs")).map(SpecOperation::id).contains("listRuns");
    assertThat(SpecOperation.find(ops, "GET", "/tasks/7")).map(SpecOperation::id).contains("getTask");
    assertThat(SpecOperation.find(ops, "POST", "/tasks/7")).isEmpty();
    assertThat(SpecOperation.find(ops, "get", "/tasks/7/extra")).isEmpty();
  }

  @Test
  void pathParametersStayRawAndAQuotedTemplateMatchesLiterally() {
    SpecOperation remove = OpenApiSpec.operations(DOC).get(2);
    assertThat(remove.pathParameters("/boards/a%2Fb/cards/c")).containsExactly("a%2Fb", "c");
    assertThatThrownBy(() -> remove.pathParameters("/boards/x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("removeCard");
    SpecOperation dotted = new SpecOperation("x", "GET", "/a.b/{id}", "", true);
    assertThat(dotted.matches("GET", "/aXb/1")).isFalse();
    assertThat(dotted.matches("GET", "/a.b/1")).isTrue();
  }

  @Test
  void somethingElseIsRefusedClearly() {
    assertThatThrownBy(() -> OpenApiSpec.operations("[1]")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OpenApiSpec.operations("{\"openapi\":\"3.0.3\"}"))
        .hasMessageContaining("no paths");
  }

  @Test
  void theBundledDocumentHasTheApisOperations() {
    assertThat(OpenApiSpec.operations()).extracting(SpecOperation::id).contains("query", "chat", "getHealth");
    assertThat(OpenApiSpec.operations()).isSameAs(OpenApiSpec.operations());
  }
}
