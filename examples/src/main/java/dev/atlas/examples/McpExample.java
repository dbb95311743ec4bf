package dev.atlas.examples;

import dev.atlas.client.AtlasClient;
import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.errors.AtlasNotFoundException;
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
 * token masked, list the workspace's agents and revoke the one it registered. A program would open
 * the consent URL in the user's browser; here the example follows it itself, which works against
 * the sandbox, whose user consents at once. Against an Atlas in api-key mode it reports the
 * server's answer and stops; on the sandbox it also shows that answer, from a second sandbox with
 * OAuth off. Against a real Atlas in managed mode it registers a public OAuth client, prints the
 * consent URL and revokes the client again.
 *
 * <p>Which agents are whose: the server gives a client made by registration no user owner, so
 * {@code atlas.mcp().listAgents()} (the caller's own) never shows it. Registered with a signed-in
 * user's credential it belongs to that user's workspace, whose admins list and revoke it with
 * {@code atlas.admin().agents()}; registered without credentials it belongs to nobody and no route
 * can revoke it. Where the example cannot revoke its client, its summary names what it leaves behind.
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
      System.out.println("Registered OAuth client " + pending.clientId());
      System.out.println("Consent URL: " + pending.authorizationUrl().orElseThrow().replaceAll("\\?.*", "?..."));
      Outcomes.passPart(); // registered, and the consent URL is ready
      if (!Examples.onSandbox()) {
        System.out.println("A program opens it in the user's browser; this example follows it only on the sandbox.");
        revokeOrSayWhatIsLeft(atlas, pending.clientId());
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

    Outcomes.refusable("your own agents", () -> atlas.mcp().listAgents()).ifPresent(own -> System.out.println(
        "Your own agents: " + own.getClients().size() + " (a client registered by an SDK never is one)"));
    Outcomes.refusable("workspace agents", () -> atlas.admin().agents().list()).ifPresent(list -> {
      for (OAuthClient agent : list.getClients()) {
        System.out.println("Workspace agent " + agent.getClientName() + " (" + agent.getClientId() + "): "
            + agent.getTokenState() + ", created " + agent.getCreatedAt().raw());
      }
    });
    revokeOrSayWhatIsLeft(atlas, tokens.clientId());
    showApiKeyMode();
  }

  /**
   * Revokes the client this run registered, as an admin of its workspace; where that cannot be done,
   * records in the summary what is left behind.
   */
  private static void revokeOrSayWhatIsLeft(AtlasClient atlas, String clientId) {
    String left = "left behind OAuth client " + clientId + " \"Claude Desktop\"";
    try {
      int revoked = atlas.admin().agents().revoke(clientId).getTokensRevoked();
      System.out.println("Revoked " + clientId + " with " + revoked + " stored token(s): the tour leaves no agent behind");
      Outcomes.passPart();
    } catch (AtlasNotFoundException e) {
      Outcomes.skipPart("revoke the agent", left + ": registered without a workspace, so no route lists or revokes it ("
          + Outcomes.reason(e) + ")");
    } catch (AtlasException e) {
      if (Outcomes.isRefusal(e)) {
        Outcomes.skipPart("revoke the agent", left + ": this credential may not revoke it (" + Outcomes.reason(e) + ")");
      } else {
        Outcomes.failPart("revoke the agent", Outcomes.reason(e));
      }
    }
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
