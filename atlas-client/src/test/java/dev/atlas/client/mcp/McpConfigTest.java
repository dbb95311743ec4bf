package dev.atlas.client.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** buildConfig: the exact shapes, the URL, the multi-workspace env, and masking. */
class McpConfigTest {
  static final AtlasMcp MCP = AtlasMcp.forServer("https://api.example.com/");
  static final String BLOCK = "{\"type\":\"http\",\"url\":\"https://api.example.com/mcp/ws-123\","
      + "\"headers\":{\"Authorization\":\"Bearer eyJ.tok.en\"}}";
  static final String MULTI_BLOCK = "{\"type\":\"http\",\"url\":\"https://api.example.com/mcp/ws-123\","
      + "\"headers\":{\"Authorization\":\"Bearer eyJ.tok.en\"},\"env\":{\"ATLAS_DEFAULT_WORKSPACE\":\"ws-123\"}}";

  static String wrapped(String name, String block) {
    return "{\"mcpServers\":{\"" + name + "\":" + block + "}}";
  }

  static String compact(String json) {
    return JsonParser.parseString(json).toString();
  }

  @ParameterizedTest
  @EnumSource(McpClientType.class)
  void eachClientGetsItsExactShape(McpClientType client) {
    McpClientConfig c = MCP.buildConfig(client, "eyJ.tok.en", "ws-123", "atlas", null);
    String expected = client == McpClientType.GENERIC ? BLOCK : wrapped("atlas", BLOCK);
    assertThat(compact(c.json())).isEqualTo(expected);
    assertThat(c.url()).isEqualTo("https://api.example.com/mcp/ws-123").doesNotEndWith("/sse");
    assertThat(c.client()).isEqualTo(client);
    assertThat(McpClientType.fromId(client.id())).isEqualTo(client);
  }

  @ParameterizedTest
  @EnumSource(McpClientType.class)
  void aNonEmptyWorkspaceListAddsEnvInBothShapes(McpClientType client) {
    for (List<String> ws : List.of(List.of("ws-123"), List.of("ws-9", "ws-123"))) {
      String json = compact(MCP.buildConfig(client, "eyJ.tok.en", "ws-123", "atlas", ws).json());
      assertThat(json).isEqualTo(client == McpClientType.GENERIC ? MULTI_BLOCK : wrapped("atlas", MULTI_BLOCK));
    }
    assertThat(compact(MCP.buildConfig(client, "eyJ.tok.en", "ws-123", "atlas", List.of()).json()))
        .isEqualTo(client == McpClientType.GENERIC ? BLOCK : wrapped("atlas", BLOCK));
  }

  @Test
  void aStaleWorkspaceIsRefusedWithTheIdAndTheList() {
    assertThatThrownBy(() -> MCP.buildConfig(McpClientType.CURSOR, "t", "ws-gone", "atlas", List.of("ws-1", "ws-2")))
        .isInstanceOfSatisfying(AtlasMcpException.class,
            e -> assertThat(e.mcpCode()).isEqualTo(McpErrorCode.WORKSPACE_NOT_IN_GRANT_LIST))
        .hasMessageContaining("ws-gone").hasMessageContaining("ws-1, ws-2");
  }

  @Test
  void theServerNameReplacesAtlasAndTheWorkspaceIdIsEncodedAsEncodeUriComponent() {
    McpClientConfig c = MCP.buildConfig(McpClientType.CLAUDE_DESKTOP, "eyJ.tok.en", "a/b c", "atlas-prod", null);
    assertThat(c.url()).isEqualTo("https://api.example.com/mcp/a%2Fb%20c");
    assertThat(JsonParser.parseString(c.json()).getAsJsonObject().getAsJsonObject("mcpServers").keySet())
        .containsExactly("atlas-prod");
    assertThat(MCP.buildConfig(McpClientType.GENERIC, "t", "it's(1)~", "atlas", null).json())
        .contains("/mcp/it's(1)~\"");
  }

  @Test
  void theMaskedFormAndToStringNeverShowTheToken() {
    McpClientConfig c = MCP.buildConfig(McpClientType.CLAUDE_DESKTOP, "eyJ.secret.token", "ws-123", "atlas", null);
    assertThat(c.json()).contains("Bearer eyJ.secret.token");
    assertThat(c.maskedJson()).doesNotContain("secret").contains("\"Bearer ****\"").contains("/mcp/ws-123");
    assertThat(c.toString()).doesNotContain("secret");
    McpClientConfig bare = MCP.buildConfig(McpClientType.GENERIC, "eyJ.secret.token", "ws-123", "atlas", null);
    assertThat(bare.maskedJson()).doesNotContain("secret").contains("Bearer ****");
  }

  @Test
  void anUnknownClientIdIsRefused() {
    assertThatThrownBy(() -> McpClientType.fromId("vscode")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("claude-desktop");
  }
}
