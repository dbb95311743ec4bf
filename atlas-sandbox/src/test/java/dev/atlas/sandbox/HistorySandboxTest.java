package dev.atlas.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atlas.client.AtlasClient;
import dev.atlas.client.ListAllScheduledTaskRunsParams;
import dev.atlas.client.Page;
import dev.atlas.client.ShareConversationParams;
import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.errors.AtlasNotFoundException;
import dev.atlas.client.generated.model.CreateScheduledTaskInput;
import dev.atlas.client.generated.model.DeliveryChannel;
import dev.atlas.client.generated.model.PublicConversation;
import dev.atlas.client.generated.model.Recipient;
import dev.atlas.client.generated.model.ScheduledTaskRunOfTask;
import dev.atlas.client.generated.model.ShareMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Memory, shared conversations, delivery previews and every task's runs on the sandbox, checked against the spec. */
class HistorySandboxTest extends SpecCheckedSandboxTest {

  @BeforeAll
  static void start() {
    startSandbox(AtlasSandbox.builder().tasksDueAtOnce());
  }

  @Test
  void aConversationsMemoryIsEmptyAndClearingItClearsNothing() {
    String cid = atlas.query("How many orders are there?").getConversationId();
    assertThat(atlas.conversations().memory().get(cid).getSlots()).isEmpty();
    assertThat(atlas.conversations().memory().reset(cid).getCleared()).isZero();
    assertThatThrownBy(() -> atlas.conversations().memory().get("not-a-uuid"))
        .isInstanceOfSatisfying(AtlasException.class, e -> assertThat(e.status()).isEqualTo(400));
  }

  @Test
  void aSharedConversationIsReadByItsTokenPublicWithoutCredentialsOrgOnlyWithThem() {
    String cid = atlas.query("How many orders are there?").getConversationId();
    String token = atlas.conversations().share(cid, ShareConversationParams.defaults()).getToken();
    assertThat(token).hasSize(28);
    try (AtlasClient anonymous = AtlasClient.builder().baseUrl(sandbox.baseUrl()).bearerToken("nobody-0123456789")
        .addNetworkInterceptor(spec).build()) {
      PublicConversation p = anonymous.conversations().shared().get(token);
      assertThat(p.getShareMode()).isEqualTo("public");
      assertThat(p.getMessages()).extracting(m -> m.getRole()).containsExactly("user", "assistant");
      assertThat(p.getCreatedAt().raw()).contains("GMT+0000");
      String org = atlas.conversations().share(cid, ShareConversationParams.defaults().withShareMode(ShareMode.ORG))
          .getToken();
      assertThatThrownBy(() -> anonymous.conversations().shared().get(org))
          .isInstanceOfSatisfying(AtlasException.class, e -> assertThat(e.rawCode()).isEqualTo("auth_required"));
      assertThat(atlas.conversations().shared().get(org).getShareMode()).isEqualTo("org");
    }
    assertThatThrownBy(() -> atlas.conversations().shared().get("short")).isInstanceOf(AtlasNotFoundException.class);
  }

  @Test
  void aTasksDeliveryIsPreviewedAndEveryTasksRunsArePaged() {
    var task = atlas.scheduledTasks().create(new CreateScheduledTaskInput().name("Daily orders")
        .question("How many orders are there?").cronExpression("0 9 * * *").deliveryChannel(DeliveryChannel.EMAIL)
        .connectionGroupId("default").addRecipientsItem(new Recipient().type(DeliveryChannel.EMAIL)
            .address("team@example.com")));
    var preview = atlas.scheduledTasks().delivery().preview(task.getId());
    assertThat(preview.getChannel()).isEqualTo("email");
    assertThat(preview.getEmail().getSubject()).isEqualTo("Atlas: Daily orders");
    atlas.scheduledTasks().trigger(task.getId());
    sandbox.advanceClock(java.time.Duration.ofDays(1)); // due again
    atlas.scheduledTasks().trigger(task.getId());
    Page<ScheduledTaskRunOfTask> page = atlas.scheduledTasks().allRuns().list(ListAllScheduledTaskRunsParams.defaults()
        .withLimit(1).withTaskId(task.getId()).withStatus("success"));
    assertThat(page.total()).isEqualTo(2);
    assertThat(page.items()).singleElement().satisfies(r -> assertThat(r.getTaskName()).isEqualTo("Daily orders"));
    List<String> all = new ArrayList<>();
    page.autoPager().forEach(r -> all.add(r.getId()));
    assertThat(all).hasSize(2).doesNotHaveDuplicates();
    assertThat(atlas.scheduledTasks().allRuns().list(ListAllScheduledTaskRunsParams.defaults().withStatus("bogus"))
        .total()).as("an unknown status is ignored").isEqualTo(2);
    assertThatThrownBy(() -> atlas.scheduledTasks().delivery().preview("9b1f0c2d-3e4a-4b5c-8d6e-7f8091a2b3c4"))
        .isInstanceOf(AtlasNotFoundException.class);
  }
}
