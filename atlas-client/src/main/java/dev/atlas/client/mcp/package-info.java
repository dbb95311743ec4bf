/**
 * MCP onboarding: connect a user's MCP client (Claude Desktop, Cursor, Continue, ChatGPT, or any
 * Streamable-HTTP client) to their Atlas workspace through OAuth 2.1, without an API key.
 *
 * <p>Start with {@link dev.atlas.client.mcp.AtlasMcp#forServer(String)} (standalone) or
 * {@code AtlasClient.mcp()} (bound to a client, which also lists and revokes connected agents).
 * {@link dev.atlas.client.mcp.LoopbackReceiver} receives the browser's redirect in a command-line
 * or desktop program; {@link dev.atlas.client.mcp.McpClientConfig} is the paste-ready config.
 * Failures are {@link dev.atlas.client.mcp.AtlasMcpException}s with a
 * {@link dev.atlas.client.mcp.McpErrorCode}. Tokens, codes and verifiers never appear in
 * {@code toString()} or exception messages.
 */
package dev.atlas.client.mcp;
