package dev.atlas.client.batch;

/**
 * Where a batch stands.
 *
 * @param completed items ended so far (succeeded + failed)
 * @param succeeded items with a result
 * @param failed items that failed after their retries
 * @param total items in the batch
 */
public record BatchProgress(int completed, int succeeded, int failed, int total) {}
