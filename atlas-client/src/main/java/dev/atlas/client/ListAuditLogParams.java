package dev.atlas.client;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The inputs of the audit log listing ({@link Admin#audit(ListAuditLogParams)}, operation
 * {@code listAuditLog}): every filter the server takes, and paging. Immutable; start from
 * {@link #defaults()}; null components are not sent (server defaults: limit 50, clamped to 200;
 * offset 0).
 *
 * <pre>{@code
 * ListAuditLogParams.defaults().withSuccess(false).withFrom(LocalDate.of(2026, 3, 1)).withLimit(100);
 * }</pre>
 *
 * @param limit page size (the server clamps it to 200), or null
 * @param offset entries to skip, or null
 * @param user only queries of this user id, or null
 * @param success only successful ({@code true}) or failed ({@code false}) queries, or null
 * @param from lower time bound as sent (ISO-8601 date or date-time), or null
 * @param to exclusive upper time bound as sent (ISO-8601), or null
 * @param connection only queries on this connection, or null
 * @param table only queries reading this table, or null
 * @param column only queries reading this column, or null
 * @param actorKind only queries by this kind of actor: {@code human}, {@code agent}, {@code mcp}, {@code scheduler} or {@code api_key} (the server answers 400 to others), or null
 * @param clientId only queries from this client id, or null
 * @param tool only queries made by this tool, or null
 * @param search free text searched in SQL and errors, or null
 */
public record ListAuditLogParams(Integer limit, Integer offset, String user, Boolean success, String from, String to, String connection, String table, String column, String actorKind, String clientId, String tool, String search) {
  private static final ListAuditLogParams DEFAULTS = new ListAuditLogParams(null, null, null, null, null, null, null, null, null, null, null, null, null);

  /** @return nothing set: the server's defaults */
  public static ListAuditLogParams defaults() {
    return DEFAULTS;
  }

  /** @param limit page size (the server clamps it to 200) @return a copy with it set */
  public ListAuditLogParams withLimit(Integer limit) {
    return new ListAuditLogParams(limit, offset, user, success, from, to, connection, table, column, actorKind, clientId, tool, search);
  }

  /** @param offset entries to skip @return a copy with it set */
  public ListAuditLogParams withOffset(Integer offset) {
    return new ListAuditLogParams(limit, offset, user, success, from, to, connection, table, column, actorKind, clientId, tool, search);
  }

  /** @param user only queries of this user id @return a copy with it set */
  public ListAuditLogParams withUser(String user) {
    return new ListAuditLogParams(limit, offset, user, success, from, to, connection, table, column, actorKind, clientId, tool, search);
  }

  /** @param success only successful ({@code true}) or failed ({@code false}) queries @return a copy with it set */
  public ListAuditLogParams withSuccess(Boolean success) {
    return new ListAuditLogParams(limit, offset, user, success, from, to, connection, table, column, actorKind, clientId, tool, search);
  }

  /** @param from ISO-8601 date or date-time lower bound, as text @return a copy with it set */
  public ListAuditLogParams withFrom(String from) {
    return new ListAuditLogParams(limit, offset, user, success, from, to, connection, table, column, actorKind, clientId, tool, search);
  }

  /** @param from lower bound (a date) @return a copy with it set */
  public ListAuditLogParams withFrom(LocalDate from) {
    return withFrom(from == null ? (String) null : from.toString());
  }

  /** @param from lower bound (an instant, sent as ISO-8601 UTC) @return a copy with it set */
  public ListAuditLogParams withFrom(Instant from) {
    return withFrom(from == null ? (String) null : from.toString());
  }

  /**
   * @param to ISO-8601 date or date-time upper bound, as text, sent as is: the server's bound is
   *     exclusive ({@code 2026-11-27} means the start of that day, so that day is left out)
   * @return a copy with it set
   */
  public ListAuditLogParams withTo(String to) {
    return new ListAuditLogParams(limit, offset, user, success, from, to, connection, table, column, actorKind, clientId, tool, search);
  }

  /**
   * @param to the last day included: the whole day counts ({@code withTo(LocalDate.now())} includes
   *     today). Since the server's bound is exclusive, the next day is sent.
   * @return a copy with it set
   */
  public ListAuditLogParams withTo(LocalDate to) {
    return withTo(to == null ? (String) null : to.plusDays(1).toString());
  }

  /** @param to exclusive upper bound (an instant, sent as ISO-8601 UTC) @return a copy with it set */
  public ListAuditLogParams withTo(Instant to) {
    return withTo(to == null ? (String) null : to.toString());
  }

  /** @param connection only queries on this connection @return a copy with it set */
  public ListAuditLogParams withConnection(String connection) {
    return new ListAuditLogParams(limit, offset, user, success, from, to, connection, table, column, actorKind, clientId, tool, search);
  }

  /** @param table only queries reading this table @return a copy with it set */
  public ListAuditLogParams withTable(String table) {
    return new ListAuditLogParams(limit, offset, user, success, from, to, connection, table, column, actorKind, clientId, tool, search);
  }

  /** @param column only queries reading this column @return a copy with it set */
  public ListAuditLogParams withColumn(String column) {
    return new ListAuditLogParams(limit, offset, user, success, from, to, connection, table, column, actorKind, clientId, tool, search);
  }

  /** @param actorKind only queries by this kind of actor: {@code human}, {@code agent}, {@code mcp}, {@code scheduler} or {@code api_key} (the server answers 400 to others) @return a copy with it set */
  public ListAuditLogParams withActorKind(String actorKind) {
    return new ListAuditLogParams(limit, offset, user, success, from, to, connection, table, column, actorKind, clientId, tool, search);
  }

  /** @param clientId only queries from this client id @return a copy with it set */
  public ListAuditLogParams withClientId(String clientId) {
    return new ListAuditLogParams(limit, offset, user, success, from, to, connection, table, column, actorKind, clientId, tool, search);
  }

  /** @param tool only queries made by this tool @return a copy with it set */
  public ListAuditLogParams withTool(String tool) {
    return new ListAuditLogParams(limit, offset, user, success, from, to, connection, table, column, actorKind, clientId, tool, search);
  }

  /** @param search free text searched in SQL and errors @return a copy with it set */
  public ListAuditLogParams withSearch(String search) {
    return new ListAuditLogParams(limit, offset, user, success, from, to, connection, table, column, actorKind, clientId, tool, search);
  }
}
