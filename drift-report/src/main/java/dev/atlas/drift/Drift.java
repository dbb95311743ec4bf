package dev.atlas.drift;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What differs between the SDK's spec and a server's: the operations only the server publishes
 * (by tag), the operations only the SDK has, and for operations both have (matched by method and
 * path) the request and response fields and the parameters that differ.
 *
 * @param sdkTitle the SDK spec's title and version
 * @param serverTitle the server spec's title and version
 * @param sdkCount the SDK's operations
 * @param serverCount the server's operations
 * @param onlyOnServer the operations the SDK lacks, by tag
 * @param onlyInSdk the operations the server lacks
 * @param fieldDiffs for operations both have, each operation's differences (lines), by its key
 */
record Drift(String sdkTitle, String serverTitle, int sdkCount, int serverCount,
    Map<String, List<SpecShape.Op>> onlyOnServer, List<SpecShape.Op> onlyInSdk, Map<String, List<String>> fieldDiffs) {

  /**
   * @param sdk the SDK's spec
   * @param server the server's spec
   * @return their differences
   */
  static Drift between(SpecShape sdk, SpecShape server) {
    Map<String, SpecShape.Op> ours = sdk.operations();
    Map<String, SpecShape.Op> theirs = server.operations();
    Comparator<SpecShape.Op> byPath = Comparator.comparing(SpecShape.Op::path).thenComparing(SpecShape.Op::method);
    Map<String, List<SpecShape.Op>> onlyOnServer = new TreeMap<>();
    theirs.values().stream().filter(o -> !ours.containsKey(o.key())).sorted(byPath)
        .forEach(o -> onlyOnServer.computeIfAbsent(o.tag(), t -> new ArrayList<>()).add(o));
    List<SpecShape.Op> onlyInSdk = ours.values().stream().filter(o -> !theirs.containsKey(o.key())).sorted(byPath).toList();
    Map<String, List<String>> fieldDiffs = new TreeMap<>();
    for (SpecShape.Op o : ours.values()) {
      SpecShape.Op t = theirs.get(o.key());
      if (t != null) {
        List<String> lines = new ArrayList<>();
        fields("request", o.request(), t.request(), lines);
        fields("response", o.response(), t.response(), lines);
        only("parameter only on the server", t.parameters(), o.parameters(), lines);
        only("parameter only in the SDK", o.parameters(), t.parameters(), lines);
        if (!lines.isEmpty()) {
          fieldDiffs.put(o.method() + " " + o.path() + " (" + o.id() + ")", lines);
        }
      }
    }
    return new Drift(sdk.title(), server.title(), ours.size(), theirs.size(), onlyOnServer, onlyInSdk, fieldDiffs);
  }

  private static void fields(String where, Map<String, String> ours, Map<String, String> theirs, List<String> out) {
    only(where + " field only on the server", theirs.keySet(), ours.keySet(), out);
    only(where + " field only in the SDK", ours.keySet(), theirs.keySet(), out);
    for (Map.Entry<String, String> f : new TreeMap<>(ours).entrySet()) {
      String other = theirs.get(f.getKey());
      if (other != null && !other.equals(f.getValue()) && !other.equals("any") && !f.getValue().equals("any")) {
        out.add(where + " field type differs: " + f.getKey() + " (SDK " + f.getValue() + ", server " + other + ")");
      }
    }
  }

  private static void only(String label, Set<String> in, Set<String> notIn, List<String> out) {
    Set<String> names = new TreeSet<>(in);
    names.removeAll(notIn);
    if (!names.isEmpty()) {
      out.add(label + ": " + String.join(", ", names));
    }
  }

  /** @return whether the two specs describe the same operations with the same fields */
  boolean none() {
    return onlyOnServer.isEmpty() && onlyInSdk.isEmpty() && fieldDiffs.isEmpty();
  }

  /** @return the operations only the server publishes */
  int onlyOnServerCount() {
    return onlyOnServer.values().stream().mapToInt(List::size).sum();
  }

  /**
   * @param serverName where the server's spec came from (a URL or a file)
   * @param brief whether to give only the counts by tag, not each operation
   * @return the report as text, one line each
   */
  String render(String serverName, boolean brief) {
    StringBuilder b = new StringBuilder();
    b.append("Drift report\n");
    b.append("  SDK:    ").append(sdkTitle).append(", ").append(sdkCount).append(" operations (openapi/openapi.json)\n");
    b.append("  Server: ").append(serverTitle).append(", ").append(serverCount).append(" operations (").append(serverName)
        .append(")\n");
    if (none()) {
      return b.append("No drift: the SDK covers every operation the server publishes, with the same fields.\n")
          .toString();
    }
    b.append("\nOn the server, not in the SDK: ").append(onlyOnServerCount()).append(" operation(s)")
        .append(onlyOnServerCount() == 0 ? "\n" : " (reach them with atlas.routes())\n");
    for (Map.Entry<String, List<SpecShape.Op>> tag : onlyOnServer.entrySet()) {
      b.append("  ").append(tag.getKey()).append(" (").append(tag.getValue().size()).append(")\n");
      if (!brief) {
        tag.getValue().forEach(o -> b.append("    ").append(line(o)).append('\n'));
      }
    }
    b.append("\nIn the SDK, not on the server: ").append(onlyInSdk.size()).append(" operation(s)\n");
    onlyInSdk.forEach(o -> b.append("  ").append(line(o)).append(" [").append(o.tag()).append("]\n"));
    b.append("\nFields that differ, in ").append(fieldDiffs.size()).append(" operation(s) both have\n");
    if (!brief) {
      fieldDiffs.forEach((op, lines) -> {
        b.append("  ").append(op).append('\n');
        lines.forEach(l -> b.append("    ").append(l).append('\n'));
      });
    }
    return b.toString();
  }

  private static String line(SpecShape.Op o) {
    return String.format("%-6s %s  %s", o.method(), o.path(), o.id());
  }
}
