package dev.atlas.client.mcp;

/**
 * Why an MCP onboarding step failed: the codes of the TypeScript SDK's {@code AtlasMcpError}, plus
 * {@link #CALLBACK_TIMEOUT} of the {@link LoopbackReceiver}, which the TypeScript SDK has no use for.
 */
public enum McpErrorCode {
  /** The API URL is not a URL, or is neither https nor http on 127.0.0.1/localhost. */
  INVALID_API_URL("invalid_api_url"),
  /** The token endpoint (given or discovered) is not https and not http on 127.0.0.1/localhost. */
  INVALID_TOKEN_ENDPOINT("invalid_token_endpoint"),
  /** Authorization-server discovery failed: network, timeout, non-2xx, non-JSON, or a field missing. */
  DISCOVERY_FAILED("discovery_failed"),
  /** Dynamic client registration failed: network, non-2xx, non-JSON, or no {@code client_id}. */
  REGISTRATION_FAILED("registration_failed"),
  /**
   * The token request failed (network, non-2xx, non-JSON, no {@code access_token}), a refresh
   * failed the same way, or the callback carried {@code error=} (the consent was refused).
   */
  TOKEN_EXCHANGE_FAILED("token_exchange_failed"),
  /** The access token's {@code iss} is missing, not a string, or not the discovered issuer. */
  ISSUER_MISMATCH("issuer_mismatch"),
  /** The access token is not a JWT: not 3 parts, or a payload that is not base64url JSON. */
  MALFORMED_JWT("malformed_jwt"),
  /** The access token has no workspace claim: the user had no active workspace at consent. */
  MISSING_WORKSPACE_CLAIM("missing_workspace_claim"),
  /** The callback's {@code state} differs from the one the flow began with. */
  CALLBACK_STATE_MISMATCH("callback_state_mismatch"),
  /** The callback carries no {@code code}. */
  CALLBACK_MISSING_CODE("callback_missing_code"),
  /** The server-to-server grant is not supported: always, from {@link AtlasMcp#connectMachineToMachine}. */
  GRANT_NOT_SUPPORTED("grant_not_supported"),
  /** buildConfig: the workspace id is not in the non-empty list of granted workspaces. */
  WORKSPACE_NOT_IN_GRANT_LIST("workspace_not_in_grant_list"),
  /** The {@link LoopbackReceiver} got no callback in time. Not a TypeScript SDK code. */
  CALLBACK_TIMEOUT("callback_timeout");

  private final String wireValue;

  McpErrorCode(String wireValue) {
    this.wireValue = wireValue;
  }

  /** @return the code as the TypeScript SDK spells it, e.g. {@code discovery_failed} */
  public String wireValue() {
    return wireValue;
  }
}
