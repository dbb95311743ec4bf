package dev.atlas.client;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.atlas.client.generated.model.QueryResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What goes on the wire is exactly what was asked for, and numbers come back exactly. */
class WireExactnessTest extends WireMockSupport {
  static final String TASK = "{\"task\":{\"id\":\"t-1\",\"ownerId\":\"u\",\"orgId\":null,\"name\":\"n\",\"question\":\"q\","
      + "\"cronExpression\":\"* * * * *\",\"deliveryChannel\":\"email\",\"recipients\":[],\"connectionGroupId\":null,"
      + "\"approvalMode\":\"auto\",\"enabled\":true,\"lastRunAt\":null,\"nextRunAt\":null,\"createdAt\":\"2026-01-01T00:00:00Z\","
      + "\"updatedAt\":\"2026-01-01T00:00:00Z\"}}";

  @Test
  void clearingAFieldSendsAnExplicitNullAndLeavingItSendsNothing() {
    wm.stubFor(put("/api/v1/scheduled-tasks/t-1").willReturn(okJson(TASK)));
    client().scheduledTasks().update("t-1", UpdateScheduledTaskParams.defaults().withEnabled(true)
        .clearConnectionGroupId());
    client().scheduledTasks().update("t-1", UpdateScheduledTaskParams.defaults().withEnabled(false)
        .withConnectionGroupId(null));
    List<LoggedRequest> puts = wm.findAll(putRequestedFor(urlPathEqualTo("/api/v1/scheduled-tasks/t-1")));
    assertThat(puts).hasSize(2);
    assertThat(puts.get(0).getBodyAsString()).isEqualTo("{\"enabled\":true,\"connectionGroupId\":null}");
    assertThat(puts.get(1).getBodyAsString()).isEqualTo("{\"enabled\":false}");
  }

  @Test
  void sharingWithTheServersDefaultsSendsNoBody() {
    wm.stubFor(post("/api/v1/conversations/c-1/share").willReturn(okJson(
        "{\"token\":\"tok\",\"url\":\"https://x/s/tok\",\"expiresAt\":null,\"shareMode\":\"public\"}")));
    client().conversations().share("c-1");
    client().conversations().share("c-1", ShareConversationParams.defaults().withShareMode(
        dev.atlas.client.generated.model.ShareMode.ORG));
    List<LoggedRequest> posts = wm.findAll(postRequestedFor(urlPathEqualTo("/api/v1/conversations/c-1/share")));
    assertThat(posts.get(0).getBodyAsString()).isEmpty();
    assertThat(posts.get(1).getBodyAsString()).isEqualTo("{\"shareMode\":\"org\"}");
  }

  @Test
  void aQuerysRowsHoldTheSameExactNumberTypeAsAStreamsRows() {
    wm.stubFor(post("/api/v1/query").willReturn(okJson("{\"answer\":\"a\",\"sql\":[\"s\"],\"data\":[{\"columns\":"
        + "[\"id\",\"amount\",\"tags\",\"n\"],\"rows\":[{\"id\":9007199254740993,\"amount\":12.50,\"tags\":[1,{\"x\":2e3}],"
        + "\"n\":\"11621\"}]}],\"steps\":1,\"usage\":{\"totalTokens\":3}}")));
    QueryResponse r = client().query("q");
    Map<String, Object> row = r.getData().get(0).getRows().get(0);
    assertThat(row.get("id")).isEqualTo(new ExactNumber("9007199254740993"));
    assertThat(row.get("amount")).isInstanceOf(ExactNumber.class).hasToString("12.50");
    assertThat(row.get("tags")).isEqualTo(List.of(new ExactNumber("1"), Map.of("x", new ExactNumber("2e3"))));
    assertThat(row.get("n")).isEqualTo("11621");
  }
}
