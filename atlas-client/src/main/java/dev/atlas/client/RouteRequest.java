package dev.atlas.client;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One call of any route of the server, for {@link Routes}: method, path template with its ids,
 * query parameters and JSON body. Immutable: each {@code withX} returns a copy.
 *
 * <pre>{@code
 * RouteRequest r = RouteRequest.get("/api/v1/admin/users/{id}", userId).withQuery("include", "roles");
 * JsonElement user = atlas.routes().call(r);
 * }</pre>
 *
 * <p>The path is a template relative to the client's base URL: each {@code {name}} takes the next
 * id given, percent-encoded as one path segment ({@code /}, {@code ?}, {@code #}, {@code %},
 * spaces and non-ASCII text never change the path; {@code .} and {@code ..} are refused). The
 * template's own text is sent as written, so it must not hold {@code ?} or {@code #}: query
 * parameters go through {@link #withQuery(String, String...)}.
 */
public final class RouteRequest {
  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD");

  private final String method;
  private final String template;
  private final List<String> ids;
  private final List<Map.Entry<String, String>> query;
  private final Object body;
  private final boolean readOnly;

  private RouteRequest(String method, String template, List<String> ids, List<Map.Entry<String, String>> query,
      Object body, boolean readOnly) {
    this.method = method;
    this.template = template;
    this.ids = ids;
    this.query = query;
    this.body = body;
    this.readOnly = readOnly;
  }

  /**
   * @param method GET, POST, PUT, PATCH, DELETE or HEAD (any case)
   * @param pathTemplate the path, e.g. {@code /api/v1/admin/users/{id}/ban}
   * @param ids the values of the template's {@code {name}} placeholders, in order
   * @return the request
   * @throws IllegalArgumentException for another method, a template not starting with {@code /}
   *     or holding {@code ?} or {@code #}, a count of ids that differs from the placeholders, or a
   *     blank or dot-segment id
   */
  public static RouteRequest of(String method, String pathTemplate, String... ids) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(pathTemplate, "pathTemplate");
    String m = method.toUpperCase(Locale.ROOT);
    if (!METHODS.contains(m)) {
      throw new IllegalArgumentException("method must be one of " + METHODS + ", got " + method);
    }
    if (!pathTemplate.startsWith("/") || pathTemplate.contains("?") || pathTemplate.contains("#")) {
      throw new IllegalArgumentException("pathTemplate must start with '/' and hold no '?' or '#' "
          + "(query parameters go through withQuery): " + pathTemplate);
    }
    List<String> idList = List.copyOf(Arrays.asList(ids));
    int placeholders = RoutePath.placeholders(pathTemplate);
    if (placeholders != idList.size()) {
      throw new IllegalArgumentException(pathTemplate + " has " + placeholders + " placeholder(s) but "
          + idList.size() + " id(s) were given");
    }
    for (int i = 0; i < idList.size(); i++) {
      PathIds.check("id " + (i + 1), idList.get(i));
    }
    return new RouteRequest(m, pathTemplate, idList, List.of(), null, false);
  }

  /**
   * @param pathTemplate the path template
   * @param ids the placeholders' values
   * @return a GET of the path
   */
  public static RouteRequest get(String pathTemplate, String... ids) {
    return of("GET", pathTemplate, ids);
  }

  /**
   * @param pathTemplate the path template
   * @param ids the placeholders' values
   * @return a POST of the path (retried only when it provably did not run, unless {@link #readOnly()})
   */
  public static RouteRequest post(String pathTemplate, String... ids) {
    return of("POST", pathTemplate, ids);
  }

  /**
   * @param pathTemplate the path template
   * @param ids the placeholders' values
   * @return a PUT of the path
   */
  public static RouteRequest put(String pathTemplate, String... ids) {
    return of("PUT", pathTemplate, ids);
  }

  /**
   * @param pathTemplate the path template
   * @param ids the placeholders' values
   * @return a PATCH of the path
   */
  public static RouteRequest patch(String pathTemplate, String... ids) {
    return of("PATCH", pathTemplate, ids);
  }

  /**
   * @param pathTemplate the path template
   * @param ids the placeholders' values
   * @return a DELETE of the path
   */
  public static RouteRequest delete(String pathTemplate, String... ids) {
    return of("DELETE", pathTemplate, ids);
  }

  /**
   * Adds a query parameter; a name given several times (or with several values) is sent once per
   * value, in order ({@code ?table=a&table=b}).
   *
   * @param name the parameter's name
   * @param values its values, each sent as {@code name=value} (percent-encoded)
   * @return a copy with them added
   */
  public RouteRequest withQuery(String name, String... values) {
    Objects.requireNonNull(name, "name");
    List<Map.Entry<String, String>> q = new ArrayList<>(query);
    for (String v : values) {
      q.add(Map.entry(name, Objects.requireNonNull(v, "query value")));
    }
    return new RouteRequest(method, template, ids, Collections.unmodifiableList(q), body, readOnly);
  }

  /**
   * Sets the JSON body. A {@link com.google.gson.JsonElement} is sent as written, explicit
   * {@code null} members included; any other object (a map, a record, a generated model) is
   * written by the SDK's Gson, which leaves null fields out.
   *
   * @param json the body
   * @return a copy with it set
   */
  public RouteRequest withBody(Object json) {
    return new RouteRequest(method, template, ids, query, Objects.requireNonNull(json, "json"), readOnly);
  }

  /**
   * Declares a POST that changes nothing on the server (a preview, a search): retried after a
   * dropped connection like a GET. Other methods are retried that way already.
   *
   * @return a copy declared read-only
   */
  public RouteRequest readOnly() {
    return new RouteRequest(method, template, ids, query, body, true);
  }

  /** @return the method, upper case */
  public String method() {
    return method;
  }

  /** @return the path template as given */
  public String pathTemplate() {
    return template;
  }

  /** @return the placeholders' values */
  public List<String> ids() {
    return ids;
  }

  /** @return the query parameters, in order */
  public List<Map.Entry<String, String>> query() {
    return query;
  }

  /** @return whether a POST was declared read-only */
  public boolean isReadOnly() {
    return readOnly;
  }

  /** @return the body, or null */
  Object body() {
    return body;
  }

  /** @return method and template (the name listeners and logs give the call); never the ids or body */
  @Override
  public String toString() {
    return method + " " + template;
  }
}
