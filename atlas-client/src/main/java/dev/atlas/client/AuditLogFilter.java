package dev.atlas.client;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Filters and paging of the audit log ({@link AtlasClient#auditLog(AuditLogFilter)},
 * {@link Admin#audit(AuditLogFilter)}): every filter the server takes. Immutable; unset filters
 * are not sent (server defaults: limit 50, clamped to 200; offset 0).
 *
 * <pre>{@code
 * AuditLogFilter.builder().success(false).from(LocalDate.of(2026, 3, 1)).limit(100).build();
 * }</pre>
 *
 * @deprecated use {@link ListAuditLogParams}, named after the operation ({@code listAuditLog}) as
 *     every input value of the SDK is, and changed by {@code withX} copies
 */
@Deprecated
public final class AuditLogFilter {
  private final Integer limit;
  private final Integer offset;
  private final String user;
  private final Boolean success;
  private final String from;
  private final String to;
  private final String connection;
  private final String table;
  private final String column;
  private final String actorKind;
  private final String clientId;
  private final String tool;
  private final String search;

  private AuditLogFilter(Builder b) {
    limit = b.limit;
    offset = b.offset;
    user = b.user;
    success = b.success;
    from = b.from;
    to = b.to;
    connection = b.connection;
    table = b.table;
    column = b.column;
    actorKind = b.actorKind;
    clientId = b.clientId;
    tool = b.tool;
    search = b.search;
  }

  /**
   * @return no filters, server defaults
   * @deprecated use {@link ListAuditLogParams#defaults()}
   */
  @Deprecated
  public static AuditLogFilter none() {
    return builder().build();
  }

  /** @return a builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder with these filters, to change some */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.limit = limit;
    b.offset = offset;
    b.user = user;
    b.success = success;
    b.from = from;
    b.to = to;
    b.connection = connection;
    b.table = table;
    b.column = column;
    b.actorKind = actorKind;
    b.clientId = clientId;
    b.tool = tool;
    b.search = search;
    return b;
  }

  /** @return the page size, if set */
  public Optional<Integer> limit() { return Optional.ofNullable(limit); }
  /** @return the offset, if set */
  public Optional<Integer> offset() { return Optional.ofNullable(offset); }
  /** @return the user id filter, if set */
  public Optional<String> user() { return Optional.ofNullable(user); }
  /** @return the success filter, if set */
  public Optional<Boolean> success() { return Optional.ofNullable(success); }
  /** @return the lower time bound as sent (ISO-8601), if set */
  public Optional<String> from() { return Optional.ofNullable(from); }
  /** @return the upper time bound as sent (ISO-8601), if set */
  public Optional<String> to() { return Optional.ofNullable(to); }
  /** @return the connection filter, if set */
  public Optional<String> connection() { return Optional.ofNullable(connection); }
  /** @return the table filter, if set */
  public Optional<String> table() { return Optional.ofNullable(table); }
  /** @return the column filter, if set */
  public Optional<String> column() { return Optional.ofNullable(column); }
  /** @return the actor kind filter, if set */
  public Optional<String> actorKind() { return Optional.ofNullable(actorKind); }
  /** @return the client id filter, if set */
  public Optional<String> clientId() { return Optional.ofNullable(clientId); }
  /** @return the tool filter, if set */
  public Optional<String> tool() { return Optional.ofNullable(tool); }
  /** @return the free-text search, if set */
  public Optional<String> search() { return Optional.ofNullable(search); }

  /** @return the same filters as {@link ListAuditLogParams} */
  ListAuditLogParams toParams() {
    return new ListAuditLogParams(limit, offset, user, success, from, to, connection, table, column, actorKind,
        clientId, tool, search);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof AuditLogFilter)) {
      return false;
    }
    AuditLogFilter f = (AuditLogFilter) o;
    return Objects.equals(limit, f.limit) && Objects.equals(offset, f.offset) && Objects.equals(user, f.user)
        && Objects.equals(success, f.success) && Objects.equals(from, f.from) && Objects.equals(to, f.to)
        && Objects.equals(connection, f.connection) && Objects.equals(table, f.table) && Objects.equals(column, f.column)
        && Objects.equals(actorKind, f.actorKind) && Objects.equals(clientId, f.clientId) && Objects.equals(tool, f.tool)
        && Objects.equals(search, f.search);
  }

  @Override
  public int hashCode() {
    return Objects.hash(limit, offset, user, success, from, to, connection, table, column, actorKind, clientId, tool, search);
  }

  @Override
  public String toString() {
    return "AuditLogFilter{limit=" + limit + ", offset=" + offset + ", user=" + user + ", success=" + success
        + ", from=" + from + ", to=" + to + ", connection=" + connection + ", table=" + table + ", column=" + column
        + ", actorKind=" + actorKind + ", clientId=" + clientId + ", tool=" + tool + ", search=" + search + "}";
  }

  /** Builder of {@link AuditLogFilter}. Not thread-safe. */
  public static final class Builder {
    private Integer limit;
    private Integer offset;
    private String user;
    private Boolean success;
    private String from;
    private String to;
    private String connection;
    private String table;
    private String column;
    private String actorKind;
    private String clientId;
    private String tool;
    private String search;

    private Builder() {}

    /** @param limit page size (clamped to 200 by the server) @return this */
    public Builder limit(Integer limit) { this.limit = limit; return this; }
    /** @param offset entries to skip @return this */
    public Builder offset(Integer offset) { this.offset = offset; return this; }
    /** @param user only queries of this user id @return this */
    public Builder user(String user) { this.user = user; return this; }
    /** @param success only successful (true) or failed (false) queries @return this */
    public Builder success(Boolean success) { this.success = success; return this; }
    /** @param from ISO-8601 date or date-time lower bound, as text @return this */
    public Builder from(String from) { this.from = from; return this; }
    /** @param from lower bound (a date) @return this */
    public Builder from(LocalDate from) { this.from = from == null ? null : from.toString(); return this; }
    /** @param from lower bound (an instant, sent as ISO-8601 UTC) @return this */
    public Builder from(Instant from) { this.from = from == null ? null : from.toString(); return this; }
    /**
     * @param to ISO-8601 date or date-time upper bound, as text, sent as is: the server's bound is
     *     exclusive ({@code 2026-11-27} means the start of that day, so that day is left out)
     * @return this
     */
    public Builder to(String to) { this.to = to; return this; }
    /**
     * @param to the last day included: the whole day counts ({@code to(LocalDate.now())} includes
     *     today). Since the server's bound is exclusive, the next day is sent.
     * @return this
     */
    public Builder to(LocalDate to) { this.to = to == null ? null : to.plusDays(1).toString(); return this; }
    /** @param to exclusive upper bound (an instant, sent as ISO-8601 UTC) @return this */
    public Builder to(Instant to) { this.to = to == null ? null : to.toString(); return this; }
    /** @param connection only queries on this connection @return this */
    public Builder connection(String connection) { this.connection = connection; return this; }
    /** @param table only queries reading this table @return this */
    public Builder table(String table) { this.table = table; return this; }
    /** @param column only queries reading this column @return this */
    public Builder column(String column) { this.column = column; return this; }
    /** @param actorKind only queries by this kind of actor: {@code human}, {@code agent}, {@code mcp}, {@code scheduler} or {@code api_key} (the server answers 400 to others) @return this */
    public Builder actorKind(String actorKind) { this.actorKind = actorKind; return this; }
    /** @param clientId only queries from this client id @return this */
    public Builder clientId(String clientId) { this.clientId = clientId; return this; }
    /** @param tool only queries made by this tool @return this */
    public Builder tool(String tool) { this.tool = tool; return this; }
    /** @param search free text searched in SQL and errors @return this */
    public Builder search(String search) { this.search = search; return this; }

    /** @return the filter */
    public AuditLogFilter build() {
      return new AuditLogFilter(this);
    }
  }
}
