package dev.atlas.client;

import dev.atlas.client.generated.model.ShareExpiry;
import dev.atlas.client.generated.model.ShareMode;

/**
 * Options of {@link Conversations#share(String, ShareOptions)}. Immutable; null components are not
 * sent (the server's defaults apply).
 *
 * @param expiresIn how long the link lives, or null
 * @param shareMode who can open it, or null
 * @deprecated use {@link ShareConversationParams}, named after the operation as every input value of the SDK is
 */
@Deprecated
public record ShareOptions(ShareExpiry expiresIn, ShareMode shareMode) {
  /** @return server defaults */
  public static ShareOptions defaults() {
    return new ShareOptions(null, null);
  }

  /** @param expiresIn link lifetime @return a copy with it set */
  public ShareOptions withExpiresIn(ShareExpiry expiresIn) {
    return new ShareOptions(expiresIn, shareMode);
  }

  /** @param shareMode audience @return a copy with it set */
  public ShareOptions withShareMode(ShareMode shareMode) {
    return new ShareOptions(expiresIn, shareMode);
  }

  /** @return the same inputs as {@link ShareConversationParams} */
  ShareConversationParams toParams() {
    return new ShareConversationParams(expiresIn, shareMode);
  }
}
