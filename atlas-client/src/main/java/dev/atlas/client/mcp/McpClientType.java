package dev.atlas.client.mcp;

import java.util.Locale;

/** The MCP clients {@link McpClientConfig} knows, and the shape of the config each one reads. */
public enum McpClientType {
  /** Claude Desktop: the wrapped shape, in {@code claude_desktop_config.json}. */
  CLAUDE_DESKTOP("claude-desktop", true),
  /** Cursor: the wrapped shape, in {@code ~/.cursor/mcp.json}. */
  CURSOR("cursor", true),
  /** Continue: the wrapped shape, in {@code ~/.continue/config.json}. */
  CONTINUE("continue", true),
  /** ChatGPT: the wrapped shape. */
  CHATGPT("chatgpt", true),
  /** Any other Streamable-HTTP client: the bare server block. */
  GENERIC("generic", false);

  private final String id;
  private final boolean wrapped;

  McpClientType(String id, boolean wrapped) {
    this.id = id;
    this.wrapped = wrapped;
  }

  /** @return the client id as the TypeScript SDK spells it, e.g. {@code claude-desktop} */
  public String id() {
    return id;
  }

  /** @return whether the config is wrapped as {@code {"mcpServers": {"<name>": <block>}}} rather than bare */
  public boolean wrapped() {
    return wrapped;
  }

  /**
   * @param id a client id such as {@code claude-desktop} (case-insensitive)
   * @return the type
   * @throws IllegalArgumentException for an unknown id
   */
  public static McpClientType fromId(String id) {
    for (McpClientType t : values()) {
      if (t.id.equals(id.toLowerCase(Locale.ROOT))) {
        return t;
      }
    }
    throw new IllegalArgumentException("Unknown MCP client \"" + id + "\"; known: claude-desktop, cursor, continue, "
        + "chatgpt, generic");
  }
}
