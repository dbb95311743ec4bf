package dev.atlas.client.errors;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every error code the Atlas server documents, plus three the client produces itself
 * ({@link #NETWORK_ERROR}, {@link #INVALID_RESPONSE}, {@link #UNKNOWN_ERROR}).
 *
 * <p>Each code knows its usual HTTP status, whether a retry may succeed, and which exception
 * category it belongs to. A code the server sends that is not listed here is reported as
 * {@link #UNKNOWN_ERROR}, with the server's text kept in {@link AtlasException#rawCode()}.
 */
public enum AtlasErrorCode {
  /** Missing or wrong credentials. */
  AUTH_ERROR("auth_error", 401, false, Category.AUTHENTICATION),
  /** The session is stale: sign in again. */
  SESSION_EXPIRED("session_expired", 401, false, Category.AUTHENTICATION),
  /** Not allowed. */
  FORBIDDEN("forbidden", 403, false, Category.PERMISSION),
  /** The caller's role is insufficient (e.g. admin required). */
  FORBIDDEN_ROLE("forbidden_role", 403, false, Category.PERMISSION),
  /** The trial has expired. */
  TRIAL_EXPIRED("trial_expired", 403, false, Category.PERMISSION),
  /** A paid subscription is required. */
  SUBSCRIPTION_REQUIRED("subscription_required", 403, false, Category.PERMISSION),
  /** The workspace is suspended. */
  WORKSPACE_SUSPENDED("workspace_suspended", 403, false, Category.PERMISSION),
  /** Workspace API keys are refused on this route (admin routes in managed mode). */
  API_KEY_NOT_PERMITTED("api_key_not_permitted", 403, false, Category.PERMISSION),
  /** The caller's IP address is not allowed. */
  IP_NOT_ALLOWED("ip_not_allowed", 403, false, Category.PERMISSION),
  /** A required token claim is missing. */
  CLAIM_REQUIRED("claim_required", 403, false, Category.PERMISSION),
  /** Too many requests: wait and retry. */
  RATE_LIMITED("rate_limited", 429, true, Category.RATE_LIMIT),
  /** The workspace is throttled: wait and retry. */
  WORKSPACE_THROTTLED("workspace_throttled", 429, true, Category.RATE_LIMIT),
  /** The workspace exceeded its plan limit; retrying will not help. */
  PLAN_LIMIT_EXCEEDED("plan_limit_exceeded", 429, false, Category.RATE_LIMIT),
  /** The conversation exceeded its budget; retrying will not help. */
  CONVERSATION_BUDGET_EXCEEDED("conversation_budget_exceeded", 429, false, Category.RATE_LIMIT),
  /** The server is misconfigured. */
  CONFIGURATION_ERROR("configuration_error", 400, false, Category.INVALID_REQUEST),
  /** No datasource is connected (also sent with 503). */
  NO_DATASOURCE("no_datasource", 400, false, Category.INVALID_REQUEST),
  /** The deployment lacks a needed capability. */
  NO_CAPABILITY("no_capability", 400, false, Category.INVALID_REQUEST),
  /** The request is malformed (e.g. an id that is not a UUID). */
  INVALID_REQUEST("invalid_request", 400, false, Category.INVALID_REQUEST),
  /** The request is not acceptable (e.g. no active organisation). */
  BAD_REQUEST("bad_request", 400, false, Category.INVALID_REQUEST),
  /** The configured AI model does not exist. */
  PROVIDER_MODEL_NOT_FOUND("provider_model_not_found", 400, false, Category.INVALID_REQUEST),
  /** A connection group is required. */
  CONNECTION_GROUP_REQUIRED("connection_group_required", 400, false, Category.INVALID_REQUEST),
  /** The connection group is unknown. */
  INVALID_CONNECTION_GROUP("invalid_connection_group", 400, false, Category.INVALID_REQUEST),
  /** The body failed validation; see {@link AtlasException#details()}. */
  VALIDATION_ERROR("validation_error", 422, false, Category.INVALID_REQUEST),
  /** The resource does not exist. */
  NOT_FOUND("not_found", 404, false, Category.NOT_FOUND),
  /** The feature is not available on this deployment (e.g. no internal database). */
  NOT_AVAILABLE("not_available", 404, false, Category.NOT_FOUND),
  /** The workspace was deleted. */
  WORKSPACE_DELETED("workspace_deleted", 404, false, Category.NOT_FOUND),
  /** The connection does not exist. */
  CONNECTION_NOT_FOUND("connection_not_found", 404, false, Category.NOT_FOUND),
  /** The resource is in a conflicting state. */
  CONFLICT("conflict", 409, false, Category.CONFLICT),
  /** The entity name exists in several connection groups. */
  ENTITY_AMBIGUOUS("entity_ambiguous", 409, false, Category.CONFLICT),
  /** The workspace is migrating: retry shortly. */
  WORKSPACE_MIGRATING("workspace_migrating", 409, true, Category.CONFLICT),
  /** The request reached the wrong region; the body names the right API URL. */
  MISDIRECTED_REQUEST("misdirected_request", 421, false, Category.INVALID_REQUEST),
  /** A server error; retrying may succeed. */
  INTERNAL_ERROR("internal_error", 500, true, Category.SERVER),
  /** The server's authentication is misconfigured. */
  AUTH_MISCONFIGURED("auth_misconfigured", 500, false, Category.SERVER),
  /** The AI provider failed. */
  PROVIDER_ERROR("provider_error", 502, true, Category.SERVER),
  /** The AI provider is rate limiting the server. */
  PROVIDER_RATE_LIMIT("provider_rate_limit", 503, true, Category.SERVER),
  /** The AI provider cannot be reached. */
  PROVIDER_UNREACHABLE("provider_unreachable", 503, true, Category.SERVER),
  /** The billing check failed transiently. */
  BILLING_CHECK_FAILED("billing_check_failed", 503, true, Category.SERVER),
  /** The workspace check failed transiently. */
  WORKSPACE_CHECK_FAILED("workspace_check_failed", 503, true, Category.SERVER),
  /** The migration check failed transiently. */
  MIGRATION_CHECK_FAILED("migration_check_failed", 503, true, Category.SERVER),
  /** The server's credentials for the AI provider were refused. */
  PROVIDER_AUTH_ERROR("provider_auth_error", 503, false, Category.SERVER),
  /** A service the server needs is unavailable. */
  SERVICE_UNAVAILABLE("service_unavailable", 503, false, Category.SERVER),
  /** The claim check failed. */
  CLAIM_CHECK_FAILED("claim_check_failed", 503, false, Category.SERVER),
  /** The AI provider timed out. */
  PROVIDER_TIMEOUT("provider_timeout", 504, true, Category.SERVER),
  /** Dashboards: the server cannot render a screenshot or export (no headless browser); {@link AtlasRenderException}. */
  BROWSER_UNAVAILABLE("browser_unavailable", 503, false, Category.SERVER),
  /** Dashboards: the render of a screenshot or export failed (also without a browser); {@link AtlasRenderException}. */
  RENDER_FAILED("render_failed", 500, false, Category.SERVER),
  /** Dashboards: an export took too long; {@link AtlasRenderException}. */
  EXPORT_TIMEOUT("export_timeout", 504, true, Category.SERVER),
  /** Dashboards: the published dashboard changed after the caller's draft was forked: rebase, then publish. */
  STALE_BASELINE("stale_baseline", 409, false, Category.CONFLICT),
  /** Dashboards: the caller's draft was discarded or published while the call ran. */
  DRAFT_GONE("draft_gone", 409, false, Category.CONFLICT),
  /** Deprecated by the server and never sent; kept so old logs still parse. */
  ORG_NOT_FOUND("org_not_found", 400, false, Category.INVALID_REQUEST),
  /** No agent run of the conversation is running (or durability is off): nothing to resume. */
  NOTHING_TO_RESUME("nothing_to_resume", 404, false, Category.NOT_FOUND),
  /** Another resume of the run holds its lease; try again later. */
  RESUME_IN_PROGRESS("resume_in_progress", 409, true, Category.CONFLICT),
  /** The server cannot resume runs right now. */
  RESUME_UNAVAILABLE("resume_unavailable", 503, true, Category.SERVER),
  /** Client-side: a stream cut by the network was followed and its agent run had failed on the server (status 0). */
  RUN_FAILED("run_failed", 0, false, Category.SERVER),
  /** Client-side: the server could not be reached or the connection failed (status 0). */
  NETWORK_ERROR("network_error", 0, true, Category.CONNECTION),
  /** Client-side: the response body could not be understood. */
  INVALID_RESPONSE("invalid_response", 0, false, Category.INVALID_RESPONSE),
  /** Client-side: the error carried no code this client knows. */
  UNKNOWN_ERROR("unknown_error", 0, false, Category.UNKNOWN);

  /** The family of an error code; each maps to one exception class. */
  public enum Category {
    /** {@link AtlasConnectionException}. */
    CONNECTION,
    /** {@link AtlasAuthenticationException}. */
    AUTHENTICATION,
    /** {@link AtlasPermissionException}. */
    PERMISSION,
    /** {@link AtlasNotFoundException}. */
    NOT_FOUND,
    /** {@link AtlasConflictException}. */
    CONFLICT,
    /** {@link AtlasRateLimitException}. */
    RATE_LIMIT,
    /** {@link AtlasInvalidRequestException}. */
    INVALID_REQUEST,
    /** {@link AtlasServerException}. */
    SERVER,
    /** {@link AtlasInvalidResponseException}. */
    INVALID_RESPONSE,
    /** No specific class: chosen from the HTTP status. */
    UNKNOWN
  }

  private static final Map<String, AtlasErrorCode> BY_WIRE = new HashMap<>();

  static {
    for (AtlasErrorCode c : values()) {
      BY_WIRE.put(c.wireValue, c);
    }
  }

  private final String wireValue;
  private final int typicalStatus;
  private final boolean retryable;
  private final Category category;

  AtlasErrorCode(String wireValue, int typicalStatus, boolean retryable, Category category) {
    this.wireValue = wireValue;
    this.typicalStatus = typicalStatus;
    this.retryable = retryable;
    this.category = category;
  }

  /** @return the code as it appears on the wire, e.g. {@code rate_limited} */
  public String wireValue() {
    return wireValue;
  }

  /** @return the status the server usually sends with this code (0 for client-side codes) */
  public int typicalStatus() {
    return typicalStatus;
  }

  /** @return whether a retry may succeed, when the server does not say */
  public boolean isRetryable() {
    return retryable;
  }

  /** @return the exception family of this code */
  public Category category() {
    return category;
  }

  /**
   * Looks up a wire code.
   *
   * @param wire the code as sent, e.g. {@code not_found} (case-insensitive)
   * @return the code, or empty if this client does not know it
   */
  public static Optional<AtlasErrorCode> fromWire(String wire) {
    if (wire == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(BY_WIRE.get(wire.trim().toLowerCase(Locale.ROOT)));
  }
}
