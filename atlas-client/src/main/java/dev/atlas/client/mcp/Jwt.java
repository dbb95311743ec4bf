package dev.atlas.client.mcp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/** Reads the claims of an access token without checking its signature (the MCP endpoint does that). */
final class Jwt {
  static final String WORKSPACE_CLAIM = "https://atlas.useatlas.dev/workspace_id";
  static final String WORKSPACES_CLAIM = "https://atlas.useatlas.dev/workspace_ids";

  private Jwt() {}

  /**
   * @param token the access token
   * @return its payload
   * @throws AtlasMcpException {@code malformed_jwt} unless it has 3 parts and a base64url JSON-object payload
   */
  static JsonObject payload(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      throw new AtlasMcpException(McpErrorCode.MALFORMED_JWT,
          "The access token is not a JWT: " + parts.length + " part(s) instead of 3");
    }
    byte[] json;
    try {
      json = Base64.getUrlDecoder().decode(parts[1]);
    } catch (IllegalArgumentException e) {
      throw new AtlasMcpException(McpErrorCode.MALFORMED_JWT, "The access token's payload is not base64url", e);
    }
    JsonObject payload = StrictJson.object(new String(json, StandardCharsets.UTF_8));
    if (payload == null) {
      throw new AtlasMcpException(McpErrorCode.MALFORMED_JWT, "The access token's payload is not a JSON object");
    }
    return payload;
  }

  /**
   * @throws AtlasMcpException {@code issuer_mismatch} unless {@code iss} is a non-empty string equal to the issuer
   */
  static void requireIssuer(JsonObject payload, String issuer) {
    JsonElement iss = payload.get("iss");
    String actual = StrictJson.string(iss);
    if (actual == null || actual.isEmpty() || !actual.equals(issuer)) {
      String shown = actual != null ? "\"" + actual + "\"" : iss == null ? "no iss claim" : "a non-string iss " + iss;
      throw new AtlasMcpException(McpErrorCode.ISSUER_MISMATCH,
          "Access token issuer mismatch: expected \"" + issuer + "\", got " + shown);
    }
  }

  /** @return the workspace claim; @throws AtlasMcpException {@code missing_workspace_claim} if missing or empty */
  static String workspaceId(JsonObject payload) {
    String ws = StrictJson.string(payload.get(WORKSPACE_CLAIM));
    if (ws == null || ws.isEmpty()) {
      throw new AtlasMcpException(McpErrorCode.MISSING_WORKSPACE_CLAIM, "The access token has no " + WORKSPACE_CLAIM
          + " claim: the user had no active workspace when consenting. Select a workspace and connect again.");
    }
    return ws;
  }

  /**
   * The plural workspace claim: absent is empty; not an array is empty with a warning; an array
   * keeps its non-empty strings in order (no de-duplication), with a warning if any were dropped.
   *
   * @param payload the claims
   * @param warnings receives the warnings
   * @return the workspaces, unmodifiable
   */
  static List<String> workspaces(JsonObject payload, List<String> warnings) {
    JsonElement claim = payload.get(WORKSPACES_CLAIM);
    if (claim == null) {
      return List.of();
    }
    if (!claim.isJsonArray()) {
      warnings.add("The " + WORKSPACES_CLAIM + " claim is not an array; it was ignored");
      return List.of();
    }
    JsonArray array = claim.getAsJsonArray();
    List<String> out = new ArrayList<>();
    int dropped = 0;
    for (JsonElement e : array) {
      String s = StrictJson.string(e);
      if (s == null || s.isEmpty()) {
        dropped++;
      } else {
        out.add(s);
      }
    }
    if (dropped > 0) {
      warnings.add("The " + WORKSPACES_CLAIM + " claim had " + dropped + " non-string or empty entr"
          + (dropped == 1 ? "y" : "ies") + "; they were dropped");
    }
    return Collections.unmodifiableList(out);
  }
}
