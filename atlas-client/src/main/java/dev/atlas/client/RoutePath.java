package dev.atlas.client;

import java.util.Iterator;
import java.util.Map;
import okhttp3.HttpUrl;

/** Turns a {@link RouteRequest}'s template, ids and query into the URL under the client's base URL. */
final class RoutePath {
  private RoutePath() {}

  /** @return how many {@code {name}} placeholders the template holds (each a whole segment) */
  static int placeholders(String template) {
    int n = 0;
    for (String segment : template.split("/", -1)) {
      if (isPlaceholder(segment)) {
        n++;
      } else if (segment.contains("{") || segment.contains("}")) {
        throw new IllegalArgumentException("a placeholder must be a whole path segment: " + template);
      }
    }
    return n;
  }

  private static boolean isPlaceholder(String segment) {
    return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
  }

  /**
   * @param base the client's base URL (its own path, if any, is kept in front)
   * @param r the request
   * @return the URL: literal segments as written, each id percent-encoded as one segment
   */
  static HttpUrl url(HttpUrl base, RouteRequest r) {
    HttpUrl.Builder b = base.newBuilder();
    // drop the base's trailing empty segment, so "/api" + "/x" is "/api/x"
    if (base.pathSegments().size() > 0 && base.pathSegments().get(base.pathSegments().size() - 1).isEmpty()) {
      b.removePathSegment(base.pathSegments().size() - 1);
    }
    Iterator<String> ids = r.ids().iterator();
    String[] segments = r.pathTemplate().substring(1).split("/", -1);
    for (String segment : segments) {
      if (isPlaceholder(segment)) {
        b.addPathSegment(ids.next());
      } else {
        b.addEncodedPathSegment(segment);
      }
    }
    for (Map.Entry<String, String> q : r.query()) {
      b.addQueryParameter(q.getKey(), q.getValue());
    }
    return b.build();
  }
}
