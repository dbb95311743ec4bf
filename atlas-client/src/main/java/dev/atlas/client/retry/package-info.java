/**
 * How the client retries: {@link dev.atlas.client.retry.RetryPolicy} (how often, the backoff, the
 * longest server delay honoured) and {@link dev.atlas.client.retry.Sleeper} (how it waits; replace
 * it in tests).
 */
package dev.atlas.client.retry;
