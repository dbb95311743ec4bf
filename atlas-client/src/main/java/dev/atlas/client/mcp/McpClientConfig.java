package dev.atlas.client.mcp;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * A paste-ready MCP client config that points a client at the hosted MCP endpoint of a workspace
 * ({@code {apiUrl}/mcp/{workspaceId}}, Streamable HTTP, the token as a Bearer header). Wrapped
 * ({@code {"mcpServers": {"atlas": {...}}}}) for Claude Desktop, Cursor, Continue and ChatGPT; the
 * bare server block for {@link McpClientType#GENERIC}. {@link #json()} holds the token;
 * {@link #maskedJson()} and {@code toString()} do not. Immutable.
 */
public final class McpClientConfig {
  private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
  private static final String MASK = "Bearer ****";

  private final McpClientType client;
  private final String serverName;
  private final String url;
  private final JsonObject tree;

  private McpClientConfig(McpClientType client, String serverName, String url, JsonObject tree) {
    this.client = client;
    this.serverName = serverName;
    this.url = url;
    this.tree = tree;
  }

  static McpClientConfig build(McpClientType client, String apiUrl, String accessToken, String workspaceId,
      String serverName, List<String> workspaces) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(apiUrl, "apiUrl");
    Objects.requireNonNull(accessToken, "accessToken");
    Objects.requireNonNull(workspaceId, "workspaceId");
    Objects.requireNonNull(serverName, "serverName");
    List<String> ws = workspaces == null ? List.of() : List.copyOf(workspaces);
    if (!ws.isEmpty() && !ws.contains(workspaceId)) {
      throw new AtlasMcpException(McpErrorCode.WORKSPACE_NOT_IN_GRANT_LIST, "Workspace \"" + workspaceId
          + "\" is not among the token's granted workspaces: " + String.join(", ", ws));
    }
    String url = UrlRules.stripTrailingSlashes(apiUrl) + "/mcp/" + UrlRules.encodeComponent(workspaceId);
    JsonObject block = new JsonObject();
    block.addProperty("type", "http");
    block.addProperty("url", url);
    JsonObject headers = new JsonObject();
    headers.addProperty("Authorization", "Bearer " + accessToken);
    block.add("headers", headers);
    if (!ws.isEmpty()) {
      JsonObject env = new JsonObject();
      env.addProperty("ATLAS_DEFAULT_WORKSPACE", workspaceId);
      block.add("env", env);
    }
    JsonObject tree = block;
    if (client.wrapped()) {
      JsonObject servers = new JsonObject();
      servers.add(serverName, block);
      tree = new JsonObject();
      tree.add("mcpServers", servers);
    }
    return new McpClientConfig(client, serverName, url, tree);
  }

  /** @return the client the config is for */
  public McpClientType client() {
    return client;
  }

  /** @return the MCP endpoint URL, e.g. {@code https://api.example.com/mcp/ws-123} */
  public String url() {
    return url;
  }

  /** @return the name of the server entry in a wrapped config (default {@code atlas}) */
  public String serverName() {
    return serverName;
  }

  /** @return the config as pretty-printed JSON, with the access token: write it to the client's config file */
  public String json() {
    return PRETTY.toJson(tree);
  }

  /** @return the config as pretty-printed JSON with the token replaced by {@code ****}, for showing or logging */
  public String maskedJson() {
    JsonObject copy = tree.deepCopy();
    JsonObject block = client.wrapped() ? copy.getAsJsonObject("mcpServers").getAsJsonObject(serverName) : copy;
    block.getAsJsonObject("headers").addProperty("Authorization", MASK);
    return PRETTY.toJson(copy);
  }

  /** @return {@link #maskedJson()} */
  @Override
  public String toString() {
    return maskedJson();
  }
}
