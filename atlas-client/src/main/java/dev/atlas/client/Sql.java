package dev.atlas.client;

import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.generated.api.DataApi;
import dev.atlas.client.generated.model.ExecuteSqlRequest;
import dev.atlas.client.generated.model.ExecuteSqlResponse;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * SQL without the agent: one SELECT through the server's validation ({@code POST /api/v1/execute-sql}).
 * Obtained from {@code atlas.sql()}; thread-safe. Needs an active organization (400
 * {@code bad_request} otherwise); a workspace policy can switch raw SQL off (403 {@code raw_sql_disabled}).
 */
public final class Sql {
  private final ClientContext ctx;
  private final DataApi api;

  Sql(ClientContext ctx) {
    this.ctx = ctx;
    this.api = new DataApi(ctx.apiClient());
  }

  /**
   * Runs one SELECT on the default connection.
   *
   * <pre>{@code ExecuteSqlResponse r = atlas.sql().execute("SELECT region, COUNT(*) AS n FROM orders GROUP BY region");
   * r.getRows().forEach(row -> System.out.println(row.get("region") + " " + row.get("n")));}</pre>
   *
   * @param sql one SELECT statement
   * @return columns, rows (numbers exact as sent: a {@code COUNT} arrives as the text {@code "1894"},
   *     a JSON number as an {@link ExactNumber}), row count, whether it was truncated, and when it ran
   * @throws IllegalArgumentException for blank SQL, before anything is sent
   * @throws AtlasException on failure (400 {@code invalid_sql} for a statement the validation
   *     rejects, 400 {@code query_failed} for a database error)
   */
  public ExecuteSqlResponse execute(String sql) {
    return execute(sql, ExecuteSqlParams.defaults(), RequestOptions.defaults());
  }

  /**
   * Runs one SELECT.
   *
   * @param sql one SELECT statement
   * @param params the connection
   * @return the result
   * @throws AtlasException on failure
   */
  public ExecuteSqlResponse execute(String sql, ExecuteSqlParams params) {
    return execute(sql, params, RequestOptions.defaults());
  }

  /**
   * Runs one SELECT with per-call settings. It changes nothing, so it is retried like a read.
   *
   * @param sql one SELECT statement
   * @param params the connection
   * @param requestOptions timeout, headers, retries
   * @return the result
   * @throws AtlasException on failure
   */
  public ExecuteSqlResponse execute(String sql, ExecuteSqlParams params, RequestOptions requestOptions) {
    return ctx.send(executeSqlOp(body(sql, params)), requestOptions);
  }

  /**
   * Runs one SELECT without blocking.
   *
   * @param sql one SELECT statement
   * @param params the connection
   * @param requestOptions timeout, headers, retries
   * @return the result; fails with the typed exception
   */
  public CompletableFuture<ExecuteSqlResponse> executeAsync(String sql, ExecuteSqlParams params,
      RequestOptions requestOptions) {
    ExecuteSqlRequest body;
    try {
      body = body(sql, params);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return ctx.sendAsync(executeSqlOp(body), requestOptions);
  }

  private static ExecuteSqlRequest body(String sql, ExecuteSqlParams params) {
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(params, "params");
    if (sql.isBlank()) {
      throw new IllegalArgumentException("sql must not be blank");
    }
    return new ExecuteSqlRequest().sql(sql).connectionId(params.connectionId());
  }

  private Operation<ExecuteSqlResponse> executeSqlOp(ExecuteSqlRequest body) {
    return Operation.of("executeSql", () -> api.executeSqlCall(body, null), ExecuteSqlResponse.class).readOnly()
        .finish(r -> {
          ExactRows.rows(r.getRows());
          return r;
        });
  }

  @Override
  public String toString() {
    return "Sql";
  }
}
