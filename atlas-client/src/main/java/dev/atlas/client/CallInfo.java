package dev.atlas.client;

/**
 * One call as an {@link AtlasListener} sees it. Every call, with all its retries, has its own
 * instance, passed to each of the listener's methods: it can key a map (equality is identity), e.g.
 * to find the span a tracing listener opened in {@link AtlasListener#callStarted}.
 */
public final class CallInfo {
  private final String operation;
  private final String method;
  private final String path;
  private final boolean stream;
  private final long startNanos;

  CallInfo(String operation, String method, String path, boolean stream, long startNanos) {
    this.operation = operation;
    this.method = method;
    this.path = path;
    this.stream = stream;
    this.startNanos = startNanos;
  }

  /**
   * @return the operation's name as the API specification names it (its {@code operationId}), e.g.
   *     {@code query}, {@code listConversations}, {@code chat}: a bounded set, fit for a metric tag
   */
  public String operation() {
    return operation;
  }

  /** @return the HTTP method, e.g. {@code POST} */
  public String method() {
    return method;
  }

  /** @return the request path, ids included, e.g. {@code /api/v1/conversations/c-1} (not for metric tags) */
  public String path() {
    return path;
  }

  /** @return whether the call opens an event stream ({@link AtlasListener#streamFirstEvent} and {@link AtlasListener#streamEnded} follow) */
  public boolean isStream() {
    return stream;
  }

  long startNanos() {
    return startNanos;
  }

  @Override
  public String toString() {
    return operation + " (" + method + " " + path + ")";
  }
}
