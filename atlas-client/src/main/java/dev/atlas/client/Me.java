package dev.atlas.client;

import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.generated.api.MeApi;
import dev.atlas.client.generated.api.ModeApi;
import dev.atlas.client.generated.model.ModeStatus;
import dev.atlas.client.generated.model.McpPrompts;
import dev.atlas.client.generated.model.McpUsage;
import dev.atlas.client.generated.model.MyConnectionGroups;
import dev.atlas.client.generated.model.UpdateUserPreferencesRequest;
import dev.atlas.client.generated.model.UserPreferences;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The signed-in user's own settings and usage ({@code /api/v1/me/*}): connection groups,
 * preferences, MCP usage and prompts, the server's mode. Obtained from {@code atlas.me()}; thread-safe. Each method
 * has a form with {@link RequestOptions} and an {@code ...Async} form.
 */
public final class Me {
  private final ClientContext ctx;
  private final MeApi api;

  Me(ClientContext ctx) {
    this.ctx = ctx;
    this.api = new MeApi(ctx.apiClient());
  }

  /**
   * The connection groups (with their connections) and REST data sources the caller can ask about.
   *
   * @return the groups; both lists empty, with {@code reason}, without an active organization
   * @throws AtlasException on failure
   */
  public MyConnectionGroups connectionGroups() {
    return connectionGroups(RequestOptions.defaults());
  }

  /** @param requestOptions timeout, headers, retries @return the groups @throws AtlasException on failure */
  public MyConnectionGroups connectionGroups(RequestOptions requestOptions) {
    return ctx.send(groupsOp(), requestOptions);
  }

  /** @param requestOptions timeout, headers, retries @return the groups; fails with the typed exception */
  public CompletableFuture<MyConnectionGroups> connectionGroupsAsync(RequestOptions requestOptions) {
    return ctx.sendAsync(groupsOp(), requestOptions);
  }

  /**
   * The caller's preferences ({@code defaultLanding}: {@code chat} when unset).
   *
   * @return the preferences
   * @throws AtlasException on failure (404 {@code not_available} without the internal database)
   */
  public UserPreferences preferences() {
    return preferences(RequestOptions.defaults());
  }

  /** @param requestOptions timeout, headers, retries @return the preferences @throws AtlasException on failure */
  public UserPreferences preferences(RequestOptions requestOptions) {
    return ctx.send(preferencesOp(), requestOptions);
  }

  /** @param requestOptions timeout, headers, retries @return the preferences; fails with the typed exception */
  public CompletableFuture<UserPreferences> preferencesAsync(RequestOptions requestOptions) {
    return ctx.sendAsync(preferencesOp(), requestOptions);
  }

  /**
   * Changes the caller's preferences: set fields are sent, cleared ones as JSON null, others not.
   *
   * <pre>{@code atlas.me().updatePreferences(UpdateMyPreferencesParams.defaults().withDefaultLanding("admin"));}</pre>
   *
   * @param params the changes
   * @return the preferences now
   * @throws AtlasException on failure (403 {@code forbidden}: {@code admin} needs role admin or
   *     owner; 422 {@code validation_error} for a missing or null value on Atlas 1.0.0)
   */
  public UserPreferences updatePreferences(UpdateMyPreferencesParams params) {
    return updatePreferences(params, RequestOptions.defaults());
  }

  /**
   * Changes the caller's preferences with per-call settings. A PATCH: retried after a dropped connection.
   *
   * @param params the changes
   * @param requestOptions timeout, headers, retries
   * @return the preferences now
   * @throws AtlasException on failure
   */
  public UserPreferences updatePreferences(UpdateMyPreferencesParams params, RequestOptions requestOptions) {
    return ctx.send(updateOp(params), requestOptions);
  }

  /**
   * Changes the caller's preferences without blocking.
   *
   * @param params the changes
   * @param requestOptions timeout, headers, retries
   * @return the preferences now; fails with the typed exception
   */
  public CompletableFuture<UserPreferences> updatePreferencesAsync(UpdateMyPreferencesParams params,
      RequestOptions requestOptions) {
    return ctx.sendAsync(updateOp(params), requestOptions);
  }

  /**
   * Each of the caller's MCP clients' weighted requests this minute against its ceiling.
   *
   * @return the usage; empty without an active organization
   * @throws AtlasException on failure
   */
  public McpUsage mcpUsage() {
    return mcpUsage(RequestOptions.defaults());
  }

  /** @param requestOptions timeout, headers, retries @return the usage @throws AtlasException on failure */
  public McpUsage mcpUsage(RequestOptions requestOptions) {
    return ctx.send(usageOp(), requestOptions);
  }

  /** @param requestOptions timeout, headers, retries @return the usage; fails with the typed exception */
  public CompletableFuture<McpUsage> mcpUsageAsync(RequestOptions requestOptions) {
    return ctx.sendAsync(usageOp(), requestOptions);
  }

  /**
   * The prompts an MCP client of the caller is offered, and whether the canonical ones are.
   *
   * @return the prompts
   * @throws AtlasException on failure
   */
  public McpPrompts mcpPrompts() {
    return mcpPrompts(RequestOptions.defaults());
  }

  /** @param requestOptions timeout, headers, retries @return the prompts @throws AtlasException on failure */
  public McpPrompts mcpPrompts(RequestOptions requestOptions) {
    return ctx.send(promptsOp(), requestOptions);
  }

  /** @param requestOptions timeout, headers, retries @return the prompts; fails with the typed exception */
  public CompletableFuture<McpPrompts> mcpPromptsAsync(RequestOptions requestOptions) {
    return ctx.sendAsync(promptsOp(), requestOptions);
  }

  /**
   * The server's mode for the caller ({@code GET /api/v1/mode}): published or developer (drafts
   * visible), whether the caller may switch, and the drafts waiting.
   *
   * @return the mode; {@code draftCounts} and {@code draftActivity} are null without drafts, an
   *     organization or the internal database
   * @throws AtlasException on failure
   */
  public ModeStatus mode() {
    return mode(RequestOptions.defaults());
  }

  /** @param requestOptions timeout, headers, retries @return the mode @throws AtlasException on failure */
  public ModeStatus mode(RequestOptions requestOptions) {
    return ctx.send(modeOp(), requestOptions);
  }

  /** @param requestOptions timeout, headers, retries @return the mode; fails with the typed exception */
  public CompletableFuture<ModeStatus> modeAsync(RequestOptions requestOptions) {
    return ctx.sendAsync(modeOp(), requestOptions);
  }

  private Operation<ModeStatus> modeOp() {
    ModeApi modeApi = new ModeApi(ctx.apiClient());
    return Operation.of("getMode", () -> modeApi.getModeCall(null), ModeStatus.class);
  }

  private Operation<MyConnectionGroups> groupsOp() {
    return Operation.of("listMyConnectionGroups", () -> api.listMyConnectionGroupsCall(null), MyConnectionGroups.class);
  }

  private Operation<UserPreferences> preferencesOp() {
    return Operation.of("getMyPreferences", () -> api.getMyPreferencesCall(null), UserPreferences.class);
  }

  private Operation<UserPreferences> updateOp(UpdateMyPreferencesParams params) {
    Objects.requireNonNull(params, "params");
    UpdateUserPreferencesRequest body = new UpdateUserPreferencesRequest().defaultLanding(params.defaultLanding());
    Operation<UserPreferences> op = Operation.of("updateMyPreferences", () -> api.updateMyPreferencesCall(body, null),
        UserPreferences.class);
    return params.clearsDefaultLanding() ? op.rewrite(r -> JsonNulls.with(r, List.of("defaultLanding"))) : op;
  }

  private Operation<McpUsage> usageOp() {
    return Operation.of("getMyMcpUsage", () -> api.getMyMcpUsageCall(null), McpUsage.class);
  }

  private Operation<McpPrompts> promptsOp() {
    return Operation.of("listMyMcpPrompts", () -> api.listMyMcpPromptsCall(null), McpPrompts.class);
  }

  @Override
  public String toString() {
    return "Me";
  }
}
