package dev.atlas.client;

/**
 * Marks a request as an OAuth call of the MCP onboarding (a request tag): such a call carries the
 * client's credential only when {@code withCredentials} (the dynamic client registration of a
 * client holding a user's credential), and then only to the Atlas origin.
 *
 * @param withCredentials whether the client's credential goes with it
 */
record OAuthTag(boolean withCredentials) {}
