package dev.atlas.client.spec;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operation an OpenAPI document declares: its operationId, HTTP method, path template, tag and
 * whether it needs credentials; and the matching of a request's method and path to it.
 *
 * <pre>{@code
 * SpecOperation op = SpecOperation.find(OpenApiSpec.operations(), "GET", "/api/v1/conversations/42").orElseThrow();
 * op.id();                         // "getConversation"
 * op.pathParameters("/api/v1/conversations/42"); // ["42"]
 * }</pre>
 *
 * @param id the operationId
 * @param method the HTTP method, upper case
 * @param path the path template, e.g. {@code /api/v1/conversations/{id}}
 * @param tag the operation's first tag, or an empty string
 * @param requiresCredentials false when the operation declares an empty {@code security} list
 */
public record SpecOperation(String id, String method, String path, String tag, boolean requiresCredentials) {
  private static final Pattern PARAM = Pattern.compile("\\{[^/{}]+}");

  private static final Comparator<SpecOperation> MOST_SPECIFIC_FIRST = (a, b) -> {
    String[] x = a.path.split("/");
    String[] y = b.path.split("/");
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      boolean px = x[i].startsWith("{");
      boolean py = y[i].startsWith("{");
      if (px != py) {
        return px ? 1 : -1;
      }
    }
    return Integer.compare(y.length, x.length);
  };

  /** Checks the components. */
  public SpecOperation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(tag, "tag");
  }

  /**
   * @return the path template as a regular expression over a raw (still percent-encoded) path,
   *     one capturing group per path parameter, in order
   */
  public Pattern pathPattern() {
    StringBuilder regex = new StringBuilder("^");
    Matcher m = PARAM.matcher(path);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(path.substring(last, m.start()))).append("([^/]+)");
      last = m.end();
    }
    regex.append(Pattern.quote(path.substring(last))).append('$');
    return Pattern.compile(regex.toString());
  }

  /** @return the names of the path parameters, in order ({@code ["id", "cardId"]}) */
  public List<String> pathParameterNames() {
    List<String> names = new ArrayList<>();
    Matcher m = PARAM.matcher(path);
    while (m.find()) {
      names.add(path.substring(m.start() + 1, m.end() - 1));
    }
    return names;
  }

  /**
   * @param method an HTTP method
   * @param rawPath a request's path, without query
   * @return whether a request with them is this operation
   */
  public boolean matches(String method, String rawPath) {
    return this.method.equalsIgnoreCase(method) && pathPattern().matcher(rawPath).matches();
  }

  /**
   * @param rawPath a path this operation's template matches
   * @return its path parameters, raw (not decoded), in order
   * @throws IllegalArgumentException if the template does not match the path
   */
  public List<String> pathParameters(String rawPath) {
    Matcher m = pathPattern().matcher(rawPath);
    if (!m.matches()) {
      throw new IllegalArgumentException(rawPath + " is not a path of " + id + " (" + path + ")");
    }
    List<String> values = new ArrayList<>();
    for (int i = 1; i <= m.groupCount(); i++) {
      values.add(m.group(i));
    }
    return values;
  }

  /**
   * Finds the operation a request is: where two templates match the same path, the one with a
   * literal segment where the other has a parameter wins ({@code /scheduled-tasks/runs} over
   * {@code /scheduled-tasks/{id}}), as the server's router decides.
   *
   * @param operations the operations of a document
   * @param method the request's method
   * @param rawPath the request's path, without query
   * @return the operation, or empty when none matches
   */
  public static Optional<SpecOperation> find(List<SpecOperation> operations, String method, String rawPath) {
    return inRoutingOrder(operations).stream().filter(o -> o.matches(method, rawPath)).findFirst();
  }

  /**
   * @param operations the operations of a document
   * @return them in the order a router tries them: a literal path segment before a parameter in
   *     the same place, then longer paths first
   */
  public static List<SpecOperation> inRoutingOrder(List<SpecOperation> operations) {
    return operations.stream().sorted(MOST_SPECIFIC_FIRST).toList();
  }
}
