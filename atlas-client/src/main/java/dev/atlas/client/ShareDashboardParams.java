package dev.atlas.client;

import dev.atlas.client.generated.model.ShareDashboardRequest;
import dev.atlas.client.generated.model.ShareExpiry;
import dev.atlas.client.generated.model.ShareMode;

/**
 * The settings of {@link DashboardSharing#share(String, ShareDashboardParams)} (operation
 * {@code shareDashboard}). Immutable; unset fields are not sent. With nothing set the server makes
 * a permanent public link; sharing again keeps the token (and changes mode and expiry) unless
 * {@link #withRotate(Boolean)} asks for a new one.
 *
 * @param expiresIn how long the link lives ({@code 1h}, {@code 24h}, {@code 7d}, {@code 30d}, {@code never}), or null
 * @param shareMode {@code public} (anyone with the token) or {@code org} (signed-in members), or null (public)
 * @param rotate true to issue a new token, invalidating the old link, or null (keep it)
 */
public record ShareDashboardParams(ShareExpiry expiresIn, ShareMode shareMode, Boolean rotate) {
  /** @return nothing set: a permanent public link */
  public static ShareDashboardParams defaults() {
    return new ShareDashboardParams(null, null, null);
  }

  /** @param expiresIn the link's lifetime @return a copy with it set */
  public ShareDashboardParams withExpiresIn(ShareExpiry expiresIn) {
    return new ShareDashboardParams(expiresIn, shareMode, rotate);
  }

  /** @param shareMode who may open the link @return a copy with it set */
  public ShareDashboardParams withShareMode(ShareMode shareMode) {
    return new ShareDashboardParams(expiresIn, shareMode, rotate);
  }

  /** @param rotate whether to issue a new token @return a copy with it set */
  public ShareDashboardParams withRotate(Boolean rotate) {
    return new ShareDashboardParams(expiresIn, shareMode, rotate);
  }

  /** @return the request body, or null when nothing is set (no body is sent) */
  ShareDashboardRequest toRequest() {
    if (expiresIn == null && shareMode == null && rotate == null) {
      return null;
    }
    return new ShareDashboardRequest().expiresIn(expiresIn).shareMode(shareMode).rotate(rotate);
  }
}
