package dev.atlas.client;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.atlas.client.errors.AtlasServerException;
import dev.atlas.client.generated.model.AuditLogEntry;
import dev.atlas.client.generated.model.Conversation;
import dev.atlas.client.generated.model.ScheduledTask;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Pages and auto-paging against the server's real rules: clamping, shifting lists, empty pages. */
class PagingTest extends WireMockSupport {
  static final String PATH = "/api/v1/conversations";

  static String conversation(int n) {
    return "{\"id\":\"c-" + n + "\",\"userId\":null,\"title\":\"t" + n + "\",\"surface\":\"api\",\"connectionId\":null,"
        + "\"connectionGroupId\":null,\"starred\":false,\"createdAt\":\"2026-11-22T07:58:28Z\","
        + "\"updatedAt\":\"Sun Nov 22 2026 07:58:28 GMT+0000 (Coordinated Universal Time)\"}";
  }

  static String conversations(List<Integer> ids, int total) {
    return "{\"conversations\":[" + ids.stream().map(PagingTest::conversation).collect(Collectors.joining(","))
        + "],\"total\":" + total + "}";
  }

  static List<Integer> range(int fromInclusive, int toExclusive) {
    return IntStream.range(fromInclusive, toExclusive).boxed().toList();
  }

  /** Stubs the page at an offset (null: no offset parameter). */
  static void page(Integer offset, List<Integer> ids, int total) {
    MappingBuilder m = get(urlPathEqualTo(PATH)).withQueryParam("offset", offset == null ? absent() : equalTo(
        String.valueOf(offset)));
    wm.stubFor(m.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(conversations(ids,
        total))));
  }

  static List<String> offsetsRequested() {
    return received().stream().map(r -> r.queryParameter("offset").isPresent() ? r.queryParameter("offset").firstValue()
        : "-").toList();
  }

  static List<String> ids(Iterable<Conversation> items) {
    List<String> out = new ArrayList<>();
    items.forEach(c -> out.add(c.getId()));
    return out;
  }

  @Test
  void theOffsetAdvancesByTheItemsReceivedWhenTheServerClampsTheLimit() {
    page(null, range(0, 100), 250);
    page(100, range(100, 200), 250);
    page(200, range(200, 250), 250);
    Page<Conversation> first = client().conversations().list(ListConversationsParams.defaults().withLimit(500));
    assertThat(first.requestedLimit()).contains(500);
    assertThat(ids(first.autoPager())).hasSize(250).doesNotHaveDuplicates();
    assertThat(offsetsRequested()).containsExactly("-", "100", "200");
    assertThat(received()).allSatisfy(r -> assertThat(r.queryParameter("limit").firstValue()).isEqualTo("500"));
  }

  @Test
  void anEmptyPageEndsTheIterationEvenIfTheTotalSaysMore() {
    page(null, range(0, 20), 300);
    page(20, range(20, 40), 300);
    page(40, List.of(), 300);
    assertThat(ids(client().conversations().list().autoPager())).hasSize(40);
    assertThat(offsetsRequested()).containsExactly("-", "20", "40");
  }

  @Test
  void anItemPushedToTheNextPageIsYieldedOnce() {
    // a new conversation arrived between the two requests: c-2 moves from page 1 to page 2
    page(null, List.of(0, 1, 2), 6);
    page(3, List.of(2, 3, 4), 7);
    page(6, List.of(5), 7);
    assertThat(ids(client().conversations().list().autoPager())).containsExactly("c-0", "c-1", "c-2", "c-3", "c-4",
        "c-5");
  }

  @Test
  void aTotalThatGrowsMidIterationIsFollowed() {
    page(null, List.of(0, 1, 2), 3);
    assertThat(ids(client().conversations().list().autoPager())).hasSize(3);
    assertThat(received()).as("no request past a total that is reached").hasSize(1);

    wm.resetAll();
    page(null, List.of(0, 1, 2), 6);
    page(3, List.of(3, 4, 5), 8);
    page(6, List.of(6, 7), 8);
    assertThat(ids(client().conversations().list().autoPager())).hasSize(8);
  }

  @Test
  void laterPagesCarryTheFiltersAndRequestOptions() {
    page(null, List.of(0, 1), 4);
    page(2, List.of(2, 3), 4);
    RequestOptions traced = RequestOptions.builder().header("X-Trace", "t-1").build();
    List<String> all = client().conversations().list(ListConversationsParams.defaults().withStarred(true), traced)
        .autoPager().stream().map(Conversation::getId).toList();
    assertThat(all).hasSize(4);
    assertThat(received()).hasSize(2).allSatisfy(r -> {
      assertThat(r.getHeader("X-Trace")).isEqualTo("t-1");
      assertThat(r.queryParameter("starred").firstValue()).isEqualTo("true");
      assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + API_KEY);
    });
  }

  @Test
  void nextPageWithoutOneIsAClearError() {
    page(null, List.of(0, 1), 2);
    Page<Conversation> p = client().conversations().list();
    assertThat(p.hasNextPage()).isFalse();
    assertThatThrownBy(p::nextPage).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void eachIterationStartsAgainAndPagesAreFetchedLazily() {
    page(null, List.of(0, 1), 4);
    page(2, List.of(2, 3), 4);
    var pager = client().conversations().list().autoPager();
    var it = pager.iterator();
    it.next();
    it.next();
    assertThat(received()).as("the second page is not fetched before it is needed").hasSize(1);
    it.next();
    assertThat(received()).hasSize(2);
    assertThat(ids(pager)).hasSize(4);
  }

  @Test
  void asyncPagingGivesTheSameItems() throws Exception {
    page(null, range(0, 3), 7);
    page(3, range(3, 6), 7);
    page(6, range(6, 7), 7);
    List<String> seen = new ArrayList<>();
    client().conversations().listAsync(ListConversationsParams.defaults(), RequestOptions.defaults())
        .thenCompose(p -> p.autoPager().forEachAsync(c -> seen.add(c.getId())))
        .get(10, TimeUnit.SECONDS);
    assertThat(seen).hasSize(7).doesNotHaveDuplicates();
    Page<Conversation> second = client().conversations().list().nextPageAsync().get(10, TimeUnit.SECONDS);
    assertThat(second.offset()).isEqualTo(3);
  }

  @Test
  void aFailingPageFailsTheAsyncIterationWithTheTypedError() {
    page(null, range(0, 3), 6);
    wm.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("offset", equalTo("3")).willReturn(aResponse().withStatus(500)
        .withHeader("Content-Type", "application/json").withBody("{\"error\":\"internal_error\",\"message\":\"x\"}")));
    var future = client().conversations().list().autoPager().forEachAsync(c -> { });
    assertThatThrownBy(() -> future.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(AtlasServerException.class);
  }

  @Test
  void scheduledTasksAndTheAuditLogPageToo() {
    String task = "{\"id\":\"t-%d\",\"ownerId\":\"u\",\"orgId\":null,\"name\":\"n\",\"question\":\"q\",\"cronExpression\":"
        + "\"0 9 * * *\",\"deliveryChannel\":\"email\",\"recipients\":[],\"connectionGroupId\":null,\"approvalMode\":"
        + "\"auto\",\"enabled\":true,\"lastRunAt\":null,\"nextRunAt\":null,\"createdAt\":\"2026-11-22T07:58:28Z\","
        + "\"updatedAt\":\"2026-11-22T07:58:28Z\"}";
    wm.stubFor(get(urlPathEqualTo("/api/v1/scheduled-tasks")).withQueryParam("offset", absent()).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody("{\"tasks\":[" + String.format(task, 1) + ","
            + String.format(task, 2) + "],\"total\":3}")));
    wm.stubFor(get(urlPathEqualTo("/api/v1/scheduled-tasks")).withQueryParam("offset", equalTo("2")).willReturn(
        aResponse().withHeader("Content-Type", "application/json").withBody("{\"tasks\":[" + String.format(task, 3)
            + "],\"total\":3}")));
    assertThat(client().scheduledTasks().list().autoPager().stream().map(ScheduledTask::getId))
        .containsExactly("t-1", "t-2", "t-3");

    String row = "{\"id\":\"a-%d\",\"timestamp\":\"2026-11-22T07:58:28Z\",\"user_id\":null,\"user_label\":null,"
        + "\"auth_mode\":\"simple-key\",\"sql\":\"SELECT 1\",\"duration_ms\":3,\"row_count\":1,\"success\":true,"
        + "\"error\":null,\"source_id\":null,\"source_type\":null,\"target_host\":null}";
    wm.stubFor(get(urlPathEqualTo("/api/v1/admin/audit")).withQueryParam("offset", absent()).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody("{\"rows\":[" + String.format(row, 1)
            + "],\"total\":2,\"limit\":1,\"offset\":0}")));
    wm.stubFor(get(urlPathEqualTo("/api/v1/admin/audit")).withQueryParam("offset", equalTo("1")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json").withBody("{\"rows\":[" + String.format(row, 2)
            + "],\"total\":2,\"limit\":1,\"offset\":1}")));
    assertThat(client().admin().audit(ListAuditLogParams.defaults().withLimit(1).withSuccess(true)).autoPager().stream()
        .map(AuditLogEntry::getId)).containsExactly("a-1", "a-2");
  }
}
