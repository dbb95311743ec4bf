package dev.atlas.client;

import dev.atlas.client.generated.model.DashboardParameterInput;
import dev.atlas.client.generated.model.UpdateDashboardRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The changes of {@link Dashboards#update(String, UpdateDashboardParams)} (operation
 * {@code updateDashboard}). Immutable; start from {@link #defaults()} (nothing changes). A field set
 * with {@code withX} is sent; a field neither set nor cleared is not sent and the server keeps it;
 * {@code clearX()} sends an explicit JSON {@code null}.
 *
 * <p>Where each change lands: the title and the description go to the caller's private draft
 * (forked on demand) and change nothing others see until {@link DashboardDrafts#publish(String)};
 * the refresh schedule and the parameters change the published dashboard at once.
 *
 * @param title the new title (draft), or null to keep it
 * @param description the new description (draft), or null to keep it
 * @param clearsDescription whether to clear the description (draft), sent as {@code null}
 * @param refreshSchedule the cron expression of the scheduled refresh (published at once), or null to keep it
 * @param clearsRefreshSchedule whether to stop the scheduled refresh (published at once), sent as {@code null}
 * @param parameters the full new list of parameters (published at once), or null to keep them
 */
public record UpdateDashboardParams(String title, String description, boolean clearsDescription, String refreshSchedule,
    boolean clearsRefreshSchedule, List<DashboardParameterInput> parameters) {
  /** Copies the list. */
  public UpdateDashboardParams {
    parameters = parameters == null ? null : List.copyOf(parameters);
  }

  /** @return nothing set: an update that changes nothing */
  public static UpdateDashboardParams defaults() {
    return new UpdateDashboardParams(null, null, false, null, false, null);
  }

  /** @param title the new title (goes to the caller's draft) @return a copy with it set */
  public UpdateDashboardParams withTitle(String title) {
    return new UpdateDashboardParams(title, description, clearsDescription, refreshSchedule, clearsRefreshSchedule,
        parameters);
  }

  /** @param description the new description (goes to the caller's draft) @return a copy with it set */
  public UpdateDashboardParams withDescription(String description) {
    return new UpdateDashboardParams(title, description, false, refreshSchedule, clearsRefreshSchedule, parameters);
  }

  /** @return a copy that clears the description (draft; sent as JSON {@code null}) */
  public UpdateDashboardParams clearDescription() {
    return new UpdateDashboardParams(title, null, true, refreshSchedule, clearsRefreshSchedule, parameters);
  }

  /**
   * @param refreshSchedule a cron expression, e.g. {@code 0 7 * * *} (applies to the published
   *     dashboard at once; an invalid one is 400 {@code invalid_request})
   * @return a copy with it set
   */
  public UpdateDashboardParams withRefreshSchedule(String refreshSchedule) {
    return new UpdateDashboardParams(title, description, clearsDescription, refreshSchedule, false, parameters);
  }

  /** @return a copy that stops the scheduled refresh (published at once; sent as JSON {@code null}) */
  public UpdateDashboardParams clearRefreshSchedule() {
    return new UpdateDashboardParams(title, description, clearsDescription, null, true, parameters);
  }

  /**
   * @param parameters the full list of parameters (published at once; removing one a card still
   *     uses is 400 {@code invalid_parameters})
   * @return a copy with it set
   */
  public UpdateDashboardParams withParameters(List<DashboardParameterInput> parameters) {
    return new UpdateDashboardParams(title, description, clearsDescription, refreshSchedule, clearsRefreshSchedule,
        Objects.requireNonNull(parameters, "parameters"));
  }

  /** @return the request body of the fields set */
  UpdateDashboardRequest toRequest() {
    UpdateDashboardRequest r = new UpdateDashboardRequest().title(title).description(description)
        .refreshSchedule(refreshSchedule);
    return parameters == null ? r : r.parameters(new ArrayList<>(parameters));
  }

  /** @return the members sent as explicit JSON null */
  List<String> nullFields() {
    List<String> out = new ArrayList<>();
    if (clearsDescription) {
      out.add("description");
    }
    if (clearsRefreshSchedule) {
      out.add("refreshSchedule");
    }
    return out;
  }
}
