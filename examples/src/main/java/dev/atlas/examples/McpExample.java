package dev.atlas.examples;

import dev.atlas.client.AtlasClient;
import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.generated.model.OAuthClient;
import dev.atlas.client.mcp.AtlasMcp;
import dev.atlas.client.mcp.AtlasMcpException;
import dev.atlas.client.mcp.ConnectRequest;
import dev.atlas.client.mcp.LoopbackReceiver;
import dev.atlas.client.mcp.McpClientType;
import dev.atlas.client.mcp.McpTokens;
import dev.atlas.client.mcp.PendingConnect;
import dev.atlas.sandbox.AtlasSandbox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Connect an MCP client (Claude Desktop) to the workspace through OAuth, print its config with the
 * token masked, list the connected agent and revoke it. A program would open the consent URL in
 * the user's browser; here the example follows it itself, which works against the sandbox, whose
 * user consents at once. Against an Atlas in api-key mode it reports the server's answer and stops;
 * on the sandbox it also shows that answer, from a second sandbox with OAuth off. Against a real
 * Atlas in managed mode it registers a public OAuth client (which lists nowhere until a user
 * consents) and prints the consent URL.
 */
public final class McpExample {
  private McpExample() {}

  /**
   * Runs the example.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    Examples.runAlone("McpExample", McpExample::run);
  }

  static void run(AtlasClient atlas) {
    Examples.heading("MCP onboarding");
    McpTokens tokens;
    try (LoopbackReceiver receiver = LoopbackReceiver.start(Duration.ofMinutes(2))) {
      PendingConnect pending = atlas.mcp().beginConnect(ConnectRequest.of("Claude Desktop", receiver.redirectUri()));
      System.out.println("Consent URL: " + pending.authorizationUrl().orElseThrow().replaceAll("\\?.*", "?..."));
      if (!Examples.onSandbox()) {
        System.out.println("Open it in a browser to connect; this example only follows it on the sandbox.");
        return;
      }
      playTheBrowser(pending.authorizationUrl().orElseThrow());
      tokens = atlas.mcp().completeConnect(pending, receiver.awaitCallback(pending.state()));
    } catch (AtlasMcpException e) {
      // e.g. an Atlas in api-key mode: discovery_failed, "returned 404 ... only available when managed auth is enabled"
      throw Outcomes.skipStep("MCP onboarding is not available on this server: " + e.getMessage());
    }
    System.out.println("Connected to workspace " + tokens.workspaceId() + ", token expires " + tokens.expiresAt());
    System.out.println("Claude Desktop config (token masked):");
    System.out.println(atlas.mcp().buildConfig(McpClientType.CLAUDE_DESKTOP, tokens).maskedJson());

    try {
      for (OAuthClient agent : atlas.mcp().listAgents().getClients()) {
        System.out.println("Agent " + agent.getClientName() + " (" + agent.getClientId() + "): "
            + agent.getTokenState() + ", created " + agent.getCreatedAt().raw());
      }
      int revoked = atlas.mcp().revokeAgent(tokens.clientId()).getTokensRevoked();
      System.out.println("Revoked " + tokens.clientId() + " with " + revoked + " stored token(s); agents left: "
          + atlas.mcp().listAgents().getClients().size());
    } catch (AtlasException e) {
      System.out.println("Agents: " + e.code().wireValue() + " - " + e.serverMessage().orElse(e.getMessage()));
    }
    showApiKeyMode();
  }

  /** What an Atlas in api-key mode answers, shown with a second sandbox that has OAuth off. */
  private static void showApiKeyMode() {
    try (AtlasSandbox apiKeyMode = AtlasSandbox.builder().oauth(false).start();
         LoopbackReceiver receiver = LoopbackReceiver.start()) {
      AtlasMcp.forServer(apiKeyMode.baseUrl()).beginConnect("Claude Desktop", receiver.redirectUri());
    } catch (AtlasMcpException e) {
      System.out.println("On an Atlas in api-key mode: " + e.mcpCode().wireValue() + " - " + e.getMessage());
    }
  }

  /** What the user's browser does: open the consent URL and follow its redirect to the receiver. */
  private static void playTheBrowser(String authorizationUrl) {
    HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    try {
      HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(authorizationUrl)).build(),
          HttpResponse.BodyHandlers.ofString());
      System.out.println("Browser landed on the receiver: HTTP " + page.statusCode());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
