/**
 * Not API: the SDK's own plumbing between its packages. Nothing here is promised; it may change or
 * disappear in any release, no public signature of the SDK names it, and the compatibility guard
 * ignores it. Do not use it.
 */
package dev.atlas.client.internal;
