/**
 * Batches of calls with bounded concurrency ({@link dev.atlas.client.AtlasClient#batch}): their
 * options, one {@link dev.atlas.client.batch.BatchOutcome} per input and progress reports.
 */
package dev.atlas.client.batch;
