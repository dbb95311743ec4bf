package dev.atlas.client;

/**
 * The inputs of {@link Sql#execute(String, ExecuteSqlParams)} besides the SQL. Immutable; start
 * from {@link #defaults()}; null components are not sent.
 *
 * @param connectionId the connection to run on (1 to 256 characters), or null for the default one
 */
public record ExecuteSqlParams(String connectionId) {
  /** @return nothing set: the default connection */
  public static ExecuteSqlParams defaults() {
    return new ExecuteSqlParams(null);
  }

  /** @param connectionId the connection @return a copy with it set */
  public ExecuteSqlParams withConnectionId(String connectionId) {
    return new ExecuteSqlParams(connectionId);
  }
}
