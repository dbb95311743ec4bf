package dev.atlas.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atlas.client.AtlasClient;
import dev.atlas.client.DenyActionParams;
import dev.atlas.client.ListActionsParams;
import dev.atlas.client.errors.AtlasConflictException;
import dev.atlas.client.errors.AtlasErrorCode;
import dev.atlas.client.errors.AtlasNotFoundException;
import dev.atlas.client.errors.AtlasPermissionException;
import dev.atlas.client.generated.model.ActionLogEntry;
import dev.atlas.client.generated.model.ActionStatus;
import dev.atlas.client.generated.model.BulkActionsResponse;
import dev.atlas.client.generated.model.PendingAction;
import dev.atlas.client.generated.model.QueryResponse;
import dev.atlas.client.retry.RetryPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Actions the agent proposes, approved, denied and in bulk, on the sandbox, every exchange checked against the spec. */
class ActionsSandboxTest extends SandboxesPerTest {

  private AtlasClient client(AtlasSandbox s, String key) {
    AtlasClient c = AtlasClient.builder().baseUrl(s.baseUrl()).apiKey(key).retryPolicy(RetryPolicy.none())
        .addNetworkInterceptor(spec).build();
    return closeAfter(c);
  }

  @Test
  void aQuestionAskingForATicketProposesAnActionThatApprovalExecutesAndRollbackReverses() {
    AtlasSandbox s = start(AtlasSandbox.builder());
    AtlasClient atlas = client(s, s.apiKey());
    QueryResponse r = atlas.query("Open a ticket about the revenue dip in the north region");
    assertThat(r.getPendingActions()).singleElement().satisfies(p -> {
      assertThat(p.getType()).isEqualTo("createJiraTicket");
      assertThat(p.getTarget()).isEmpty();
      assertThat(p.getApproveUrl()).isEqualTo(s.baseUrl() + "/api/v1/actions/" + p.getId() + "/approve");
    });
    PendingAction proposed = r.getPendingActions().get(0);
    assertThat(atlas.actions().list().items()).extracting(ActionLogEntry::getId).contains(proposed.getId());
    assertThat(atlas.actions().get(proposed.getId()).getStatus()).isEqualTo(ActionStatus.PENDING);

    ActionLogEntry done = atlas.actions().approve(proposed);
    assertThat(done.getStatus()).isEqualTo(ActionStatus.EXECUTED);
    assertThat(done.getExecutedAt().isParsed()).isTrue();
    assertThat(done.getRollbackInfo().getMethod()).isEqualTo("transition");
    assertThatThrownBy(() -> atlas.actions().approve(proposed.getId())).isInstanceOf(AtlasConflictException.class)
        .hasMessageContaining("no longer pending");
    assertThat(atlas.rollbackAction(proposed.getId()).getStatus().getValue()).isEqualTo("rolled_back");
    assertThat(atlas.actions().list(ListActionsParams.defaults().withStatus(ActionStatus.ROLLED_BACK)).items())
        .extracting(ActionLogEntry::getId).contains(proposed.getId());
  }

  @Test
  void denyRecordsTheReasonAndRunsNothing() {
    AtlasSandbox s = start(AtlasSandbox.builder());
    AtlasClient atlas = client(s, s.apiKey());
    PendingAction p = atlas.query("Email the weekly revenue report to the team").getPendingActions().get(0);
    assertThat(p.getType()).isEqualTo("sendEmailReport");
    ActionLogEntry denied = atlas.actions().deny(p, DenyActionParams.defaults().withReason("Not this week"));
    assertThat(denied.getStatus()).isEqualTo(ActionStatus.DENIED);
    assertThat(denied.getError()).isEqualTo("Not this week");
    assertThat(denied.getExecutedAt()).isNull();
  }

  @Test
  void bulkOf101IdsIsSplitAndEveryIdLandsInOneList() {
    AtlasSandbox s = start(AtlasSandbox.builder());
    AtlasClient atlas = client(s, s.apiKey());
    List<String> ids = new ArrayList<>();
    while (ids.size() < 99) {
      atlas.query("Open a ticket and email the report").getPendingActions().forEach(p -> ids.add(p.getId()));
    }
    ids.subList(99, ids.size()).clear();
    String resolved = ids.get(0);
    atlas.actions().deny(resolved);
    String unknown = UUID.randomUUID().toString();
    ids.add(unknown);
    ids.add(s.demoActionId());
    assertThat(ids).hasSize(101);

    BulkActionsResponse out = atlas.actions().approveAll(ids);

    assertThat(s.servedOperations().get("bulkResolveActions")).isEqualTo(2);
    assertThat(out.getUpdated()).hasSize(98);
    assertThat(out.getNotFound()).containsExactly(unknown);
    assertThat(out.getErrors()).extracting(e -> e.getId()).containsExactlyInAnyOrder(resolved, s.demoActionId());
    assertThat(out.getForbidden()).isEmpty();
    assertThat(atlas.actions().get(ids.get(1)).getStatus()).isIn(ActionStatus.EXECUTED, ActionStatus.FAILED);
  }

  @Test
  void aMemberSeesNoActionsAndMayResolveNone() {
    AtlasSandbox s = start(AtlasSandbox.builder().memberKey("sk-member-1"));
    AtlasClient admin = client(s, s.apiKey());
    AtlasClient member = client(s, "sk-member-1");
    String id = admin.query("Open a ticket for the churn spike").getPendingActions().get(0).getId();
    assertThat(member.actions().list().items()).isEmpty();
    assertThatThrownBy(() -> member.actions().get(id)).isInstanceOf(AtlasNotFoundException.class);
    assertThatThrownBy(() -> member.actions().approve(id)).isInstanceOf(AtlasPermissionException.class)
        .hasMessageContaining("Insufficient role");
    assertThat(member.actions().denyAll(List.of(id), DenyActionParams.defaults()).getForbidden()).containsExactly(id);
    assertThat(admin.actions().get(id).getStatus()).isEqualTo(ActionStatus.PENDING);
  }

  @Test
  void approvalModesAdminOnlyRefusesTheRequesterAndAutoRunsAtOnce() {
    AtlasSandbox adminOnly = start(AtlasSandbox.builder().actionApproval("admin-only"));
    AtlasClient a = client(adminOnly, adminOnly.apiKey());
    String id = a.query("Open a ticket for the outage").getPendingActions().get(0).getId();
    assertThatThrownBy(() -> a.actions().approve(id)).isInstanceOf(AtlasPermissionException.class)
        .hasMessageContaining("cannot be approved by the requester");

    AtlasSandbox auto = start(AtlasSandbox.builder().actionApproval("auto"));
    AtlasClient b = client(auto, auto.apiKey());
    assertThat(b.query("Open a ticket for the outage").getPendingActions()).isNull();
    List<ActionLogEntry> ran = b.actions().list(ListActionsParams.defaults().withStatus(ActionStatus.AUTO_APPROVED))
        .items();
    assertThat(ran).singleElement().satisfies(e -> assertThat(e.getApprovedBy()).isEqualTo("system:auto"));
  }

  @Test
  void afterARestartApprovalOnlyMarksApprovedAndAServerWithoutActionsSaysSo() {
    AtlasSandbox s = start(AtlasSandbox.builder());
    AtlasClient atlas = client(s, s.apiKey());
    String id = atlas.query("Open a ticket for the outage").getPendingActions().get(0).getId();
    s.restart();
    ActionLogEntry approved = atlas.actions().approve(id);
    assertThat(approved.getStatus()).isEqualTo(ActionStatus.APPROVED);
    assertThat(approved.getExecutedAt()).isNull();

    AtlasSandbox off = start(AtlasSandbox.builder().withoutActions());
    AtlasClient c = client(off, off.apiKey());
    assertThatThrownBy(() -> c.actions().list()).isInstanceOfSatisfying(AtlasNotFoundException.class,
        e -> assertThat(e.code()).isEqualTo(AtlasErrorCode.NOT_AVAILABLE))
        .hasMessageContaining("actions are not enabled on this server");
  }
}
