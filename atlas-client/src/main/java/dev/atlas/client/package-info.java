/**
 * The Atlas API client. Start with {@link dev.atlas.client.AtlasClient#builder()}.
 *
 * <p>Holds the client and its builder, the resource groups ({@link dev.atlas.client.Conversations},
 * {@link dev.atlas.client.ScheduledTasks}, {@link dev.atlas.client.Admin},
 * {@link dev.atlas.client.Semantic}, {@link dev.atlas.client.Mcp}), per-call options ({@link dev.atlas.client.RequestOptions} and
 * the parameter records), streams and their typed events ({@link dev.atlas.client.AtlasStream},
 * {@link dev.atlas.client.StreamEvent}, {@link dev.atlas.client.ChatResponse}, the pull-based
 * {@link dev.atlas.client.SseParser}), and pages ({@link dev.atlas.client.Page},
 * {@link dev.atlas.client.AutoPager}). Results are the generated models of
 * {@code dev.atlas.client.generated.model}; failures are the exceptions of
 * {@link dev.atlas.client.errors}. Everything public here is supported API; the transport, retry
 * engine and error mapping behind it are package-private.
 */
package dev.atlas.client;
