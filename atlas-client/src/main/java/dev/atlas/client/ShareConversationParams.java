package dev.atlas.client;

import dev.atlas.client.generated.model.ShareExpiry;
import dev.atlas.client.generated.model.ShareMode;

/**
 * The inputs of {@link Conversations#share(String, ShareConversationParams)} beyond the id.
 * Immutable; start from {@link #defaults()}; null components are not sent (the server's defaults apply).
 *
 * @param expiresIn how long the link lives, or null
 * @param shareMode who can open it, or null
 */
public record ShareConversationParams(ShareExpiry expiresIn, ShareMode shareMode) {
  /** @return nothing set: the server's defaults */
  public static ShareConversationParams defaults() {
    return new ShareConversationParams(null, null);
  }

  /** @param expiresIn link lifetime @return a copy with it set */
  public ShareConversationParams withExpiresIn(ShareExpiry expiresIn) {
    return new ShareConversationParams(expiresIn, shareMode);
  }

  /** @param shareMode audience @return a copy with it set */
  public ShareConversationParams withShareMode(ShareMode shareMode) {
    return new ShareConversationParams(expiresIn, shareMode);
  }
}
