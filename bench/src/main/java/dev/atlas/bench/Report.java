package dev.atlas.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns JMH's JSON results and the {@link Scenarios} JSON into {@code docs/benchmarks-results.md}
 * (the targets table first, then every measurement as a ratio to its alternative) and the charts.
 */
public final class Report {
  private Report() {}

  /** The stream kinds of the in-memory streaming benchmarks, in report order. */
  static final List<String> STREAMS = List.of(StreamData.ATLAS, StreamData.MULTIBYTE);

  /**
   * One JMH result: score, its 99.9 % error, bytes allocated per operation, whether the score is a
   * throughput (else a time per operation), and the stream parameters (size; kind, null if none).
   */
  record Score(double value, double error, double allocPerOp, boolean throughput, int megabytes, String stream) {}

  /**
   * @param args the JMH JSON file, the scenarios JSON file (may be absent), the Markdown file to
   *     write and the directory for the PNG charts
   * @throws IOException if a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    Map<String, Map<String, Score>> jmh = readJmh(Path.of(args[0]));
    JsonObject scenarios = Files.exists(Path.of(args[1]))
        ? JsonParser.parseString(Files.readString(Path.of(args[1]))).getAsJsonObject() : new JsonObject();
    String md = markdown(jmh, scenarios, Path.of(args[2]).getParent().relativize(Path.of(args[3])).toString());
    Files.writeString(Path.of(args[2]), md, StandardCharsets.UTF_8);
    Charts.write(jmh, scenarios, Path.of(args[3]));
    System.out.print(md);
  }

  /** @return the results of a benchmark class on one stream kind, e.g. {@code SseFramingBenchmark/multibyte} */
  static String key(String cls, String stream) {
    return cls + "/" + stream;
  }

  /** @return benchmark class (with {@code /stream kind} for the benchmarks that have one) -> method -> score */
  static Map<String, Map<String, Score>> readJmh(Path file) throws IOException {
    Map<String, Map<String, Score>> byClass = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      return byClass;
    }
    JsonArray results = JsonParser.parseString(Files.readString(file)).getAsJsonArray();
    for (JsonElement e : results) {
      JsonObject r = e.getAsJsonObject();
      String full = r.get("benchmark").getAsString();
      String cls = full.substring(full.lastIndexOf('.', full.lastIndexOf('.') - 1) + 1, full.lastIndexOf('.'));
      String method = full.substring(full.lastIndexOf('.') + 1);
      JsonObject params = r.has("params") ? r.getAsJsonObject("params") : new JsonObject();
      int megabytes = params.has("megabytes") ? params.get("megabytes").getAsInt() : 0;
      String stream = params.has("stream") ? params.get("stream").getAsString() : null;
      JsonObject primary = r.getAsJsonObject("primaryMetric");
      double alloc = Double.NaN;
      JsonObject secondary = r.getAsJsonObject("secondaryMetrics");
      for (String key : new String[] {"gc.alloc.rate.norm", "·gc.alloc.rate.norm"}) {
        if (secondary != null && secondary.has(key)) {
          alloc = secondary.getAsJsonObject(key).get("score").getAsDouble();
        }
      }
      byClass.computeIfAbsent(stream == null ? cls : key(cls, stream), k -> new LinkedHashMap<>()).put(method,
          new Score(primary.get("score").getAsDouble(), primary.get("scoreError").getAsDouble(), alloc,
              "thrpt".equals(r.get("mode").getAsString()), megabytes, stream));
    }
    return byClass;
  }

  /** A stream's size and frame count, for turning ms per stream into MB/s and events/s. */
  record StreamSize(double megabytes, long events) {
    private static final Map<String, StreamSize> SIZES = new java.util.HashMap<>();

    /** @return the size of the stream a benchmark result was measured on (each generated once) */
    static StreamSize of(Score score) {
      String kind = score.stream() == null ? StreamData.ATLAS : score.stream();
      return SIZES.computeIfAbsent(kind + "/" + score.megabytes(), k -> {
        byte[] stream = StreamData.generate(kind, score.megabytes() << 20);
        return new StreamSize(stream.length / 1e6, count(stream));
      });
    }
  }

  static String markdown(Map<String, Map<String, Score>> jmh, JsonObject s, String imgDir) {
    StringBuilder md = new StringBuilder();
    md.append("<!-- written by dev.atlas.bench.Report from bench/target/jmh.json and bench/target/scenarios.json; "
        + "rerun scripts/bench.sh -->\n\n");
    if (s.has("machine")) {
      JsonObject m = s.getAsJsonObject("machine");
      md.append(String.format(Locale.ROOT, "Machine: %d CPUs, %s, %s, heap of the scenario JVM %d MiB.%n%n",
          m.get("cpus").getAsInt(), m.get("java").getAsString(), m.get("os").getAsString(), m.get("maxHeapMiB").getAsInt()));
    }
    targets(md, jmh, s);
    md.append("![throughput](").append(imgDir).append("/throughput.png)\n");
    md.append("![ratios](").append(imgDir).append("/ratios.png)\n\n");
    for (String stream : STREAMS) {
      streamSection(md, jmh.get(key("SseFramingBenchmark", stream)), "okhttpSse",
          "SSE framing, `" + stream + "` stream (bytes in memory to events with String data)");
    }
    for (String stream : STREAMS) {
      streamSection(md, jmh.get(key("TypedEventsBenchmark", stream)), "readLineGsonTree",
          "Typed events, `" + stream + "` stream (bytes in memory to typed events)");
    }
    streamSection(md, jmh.get("StreamEndToEndBenchmark"), "okhttpEventSourceGson",
        "Streaming end to end (a whole chat stream over loopback HTTP)");
    facade(md, jmh.get("FacadeOverheadBenchmark"));
    scenarios(md, s, imgDir);
    return md.toString();
  }

  /** The targets, each with what was measured. */
  private static void targets(StringBuilder md, Map<String, Map<String, Score>> jmh, JsonObject s) {
    md.append("### Targets\n\nIn brackets: the range of a ratio that both benchmarks' 99.9 % error bars allow.\n\n"
        + "| target | measured | |\n|---|---|---|\n");
    for (String stream : STREAMS) {
      Ratio framing = Ratio.speed(jmh.get(key("SseFramingBenchmark", stream)), "okhttpSse", "atlasSseParser");
      if (framing != null) {
        target(md, "SSE framing ≥ 1.5× okhttp-sse, `" + stream + "` stream", framing.format(), verdictAtLeast(framing, 1.5));
      }
    }
    for (String stream : STREAMS) {
      Ratio typed = Ratio.speed(jmh.get(key("TypedEventsBenchmark", stream)), "readLineGsonTree", "atlasTypedEvents");
      if (typed != null) {
        target(md, "typed events ≥ 2× readLine + Gson, `" + stream + "` stream", typed.format(), verdictAtLeast(typed, 2));
      }
    }
    Map<String, Score> facade = jmh.get("FacadeOverheadBenchmark");
    if (facade != null) {
      double worst = 0;
      boolean clear = true;
      StringBuilder each = new StringBuilder();
      for (String call : new String[] {"query", "listConversations", "validateSql"}) {
        Score ours = facade.get(call + "AtlasClient");
        Score raw = facade.get(call + "RawOkHttpGson");
        if (ours != null && raw != null) {
          Ratio time = Ratio.of(ours, raw);
          worst = Math.max(worst, time.value());
          clear &= !time.hasRange() || time.high() <= 1.05;
          each.append(each.length() == 0 ? "" : ", ").append(call).append(' ').append(time.format());
        }
      }
      target(md, "facade overhead ≤ 1.05× OkHttp + Gson (time ratio)", each.toString(),
          verdict(worst <= 1.05, clear));
    }
    if (s.has("latency")) {
      double p99 = s.getAsJsonObject("latency").getAsJsonObject("atlasStreamQuery").get("p99us").getAsDouble();
      target(md, "first event ≤ 1 ms p99 after its frame (loopback)", fmt("p99 %.0f µs", p99), verdict(p99 <= 1000));
    }
    if (s.has("longStream")) {
      JsonObject l = s.getAsJsonObject("longStream");
      JsonArray after = l.getAsJsonArray("oldGenAfterGcMiB");
      double first = after.get(0).getAsDouble();
      double last = after.get(after.size() - 1).getAsDouble();
      double max = 0;
      for (JsonElement e : after) {
        max = Math.max(max, e.getAsDouble());
      }
      target(md, "heap flat over a 1 GB stream", fmt("old generation after GC %.1f MiB at the start, %.1f at the end, "
          + "at most %.1f; %.1f GB, %,d events", first, last, max, l.get("bytes").getAsDouble() / 1e9,
          l.get("events").getAsLong()), verdict(max <= first + 8));
    }
    if (s.has("coldStart")) {
      JsonObject c = s.getAsJsonObject("coldStart");
      double atlas = c.getAsJsonObject("atlas").get("medianMs").getAsDouble();
      double raw = c.getAsJsonObject("raw").get("medianMs").getAsDouble();
      target(md, "cold start ≤ 1.2× OkHttp + Gson (whole process)", fmt("%.2f× (medians %.0f vs %.0f ms)", atlas / raw,
          atlas, raw), verdict(atlas / raw <= 1.2));
    }
    md.append('\n');
  }

  private static void target(StringBuilder md, String what, String measured, String verdict) {
    md.append("| ").append(what).append(" | ").append(measured).append(" | ").append(verdict).append(" |\n");
  }

  private static String verdict(boolean met) {
    return verdict(met, true);
  }

  private static String verdictAtLeast(Ratio r, double target) {
    return verdict(r.value() >= target, !r.hasRange() || r.low() >= target);
  }

  /** @param clear whether the whole range of the error bars meets the target too */
  private static String verdict(boolean met, boolean clear) {
    return !met ? "**missed**" : clear ? "met" : "met (the error bars reach past the target)";
  }

  private static String fmt(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  private static void streamSection(StringBuilder md, Map<String, Score> rows, String baseline, String title) {
    if (rows == null) {
      return;
    }
    StreamSize size = StreamSize.of(rows.values().iterator().next());
    md.append("### ").append(title).append("\n\n");
    md.append(fmt("Stream: %.1f MB, %,d events.%n%n", size.megabytes, size.events));
    md.append("| benchmark | ms per stream | MB/s | M events/s | bytes allocated per event | speed vs `")
        .append(baseline).append("` |\n|---|---:|---:|---:|---:|---:|\n");
    for (Map.Entry<String, Score> e : rows.entrySet()) {
      Score v = e.getValue();
      Ratio speed = Ratio.speed(rows, baseline, e.getKey());
      String vs = speed == null ? "n/a" : e.getKey().equals(baseline) ? "1.00×" : speed.format();
      md.append(fmt("| `%s` | %.1f ± %.1f | %.0f | %.2f | %s | %s |%n", e.getKey(), v.value, v.error,
          size.megabytes / (v.value / 1000), size.events / (v.value / 1000) / 1e6,
          Double.isNaN(v.allocPerOp) ? "n/a" : fmt("%.0f", v.allocPerOp / size.events), vs));
    }
    md.append('\n');
  }

  /** Pairs each {@code xAtlasClient} with {@code xRawOkHttpGson}: time and allocation per call, and their ratio. */
  private static void facade(StringBuilder md, Map<String, Score> rows) {
    if (rows == null) {
      return;
    }
    md.append("### Facade overhead (loopback server with canned responses)\n\n");
    md.append("| call | AtlasClient µs/call | OkHttp + Gson µs/call | time ratio (target ≤ 1.05) | bytes/call AtlasClient | "
        + "bytes/call OkHttp + Gson |\n|---|---:|---:|---:|---:|---:|\n");
    for (Map.Entry<String, Score> e : rows.entrySet()) {
      if (!e.getKey().endsWith("AtlasClient")) {
        continue;
      }
      String call = e.getKey().substring(0, e.getKey().length() - "AtlasClient".length());
      Score ours = e.getValue();
      Score raw = rows.get(call + "RawOkHttpGson");
      if (raw == null) {
        continue;
      }
      md.append(fmt("| `%s` | %.1f ± %.1f | %.1f ± %.1f | %s | %.0f | %.0f |%n", call, ours.value, ours.error, raw.value,
          raw.error, Ratio.of(ours, raw).format(), ours.allocPerOp, raw.allocPerOp));
    }
    md.append('\n');
  }

  private static void scenarios(StringBuilder md, JsonObject s, String imgDir) {
    if (s.has("latency")) {
      JsonObject l = s.getAsJsonObject("latency");
      md.append("### Frame written to event in hand (loopback, one frame at a time)\n\n");
      md.append(fmt("%,d frames after a warm-up; the server writes and flushes a frame, the caller takes its event and "
          + "signals, then the next frame is written.%n%n", l.get("frames").getAsInt()));
      md.append("| client | p50 µs | p99 µs | p99.9 µs | max µs |\n|---|---:|---:|---:|---:|\n");
      for (String k : new String[] {"atlasStreamQuery", "okhttpEventSourceGson"}) {
        JsonObject p = l.getAsJsonObject(k);
        md.append(fmt("| `%s` | %.0f | %.0f | %.0f | %.0f |%n", k, p.get("p50us").getAsDouble(), p.get("p99us").getAsDouble(),
            p.get("p999us").getAsDouble(), p.get("maxUs").getAsDouble()));
      }
      md.append("\n![latency](").append(imgDir).append("/latency.png)\n\n");
    }
    if (s.has("longStream")) {
      JsonObject l = s.getAsJsonObject("longStream");
      md.append("### Heap over a long stream (`streamQuery` over loopback)\n\n");
      md.append(fmt("%.2f GB, %,d events in %.1f s (%.0f MB/s, %.2f M events/s); most heap in use at any sample %.1f MiB "
          + "of %d MiB; old generation after each GC, sampled every 250,000 events (MiB): %s.%n%n",
          l.get("bytes").getAsDouble() / 1e9, l.get("events").getAsLong(), l.get("seconds").getAsDouble(),
          l.get("mbPerSecond").getAsDouble(), l.get("eventsPerSecond").getAsDouble() / 1e6,
          l.get("maxHeapUsedMiB").getAsDouble(), l.get("maxHeapMiB").getAsInt(), list(l.getAsJsonArray("oldGenAfterGcMiB"))));
      md.append("![heap](").append(imgDir).append("/heap.png)\n\n");
    }
    md.append("### Concurrency and batches (server with 50 ms latency, in its own JVM)\n\n");
    md.append("| scenario | client | wall ms | ideal ms | wall / ideal | client threads |\n"
        + "|---|---|---:|---:|---:|---:|\n");
    if (s.has("streams")) {
      JsonObject st = s.getAsJsonObject("streams");
      String what = fmt("%d simultaneous streams of %d events", st.get("streams").getAsInt(), st.get("eventsPerStream").getAsInt());
      row(md, what, "`streamQueryPublisher`", st.getAsJsonObject("atlasStreamQueryPublisher"));
      row(md, what, "okhttp-sse `EventSource` + Gson", st.getAsJsonObject("okhttpEventSourceGson"));
    }
    if (s.has("asyncQueries")) {
      JsonObject a = s.getAsJsonObject("asyncQueries");
      String what = fmt("%,d concurrent async queries", a.get("queries").getAsInt());
      row(md, what, fmt("`queryAsync`, default client (%d per host)", a.get("defaultMaxRequestsPerHost").getAsInt()),
          a.getAsJsonObject("atlasQueryAsyncDefault"));
      row(md, what, "`queryAsync`, `httpClient` with a 1,000-call dispatcher", a.getAsJsonObject("atlasQueryAsyncWide"));
      row(md, what, "OkHttp `enqueue` + Gson, same dispatcher", a.getAsJsonObject("okhttpEnqueueGsonWide"));
    }
    if (s.has("batch")) {
      JsonObject b = s.getAsJsonObject("batch");
      row(md, fmt("batch of %d questions at concurrency %d", b.get("questions").getAsInt(), b.get("concurrency").getAsInt()),
          "`queryBatch`", b);
    }
    md.append("\nIdeal: the single-stream time for parallel streams (everything overlapped), and "
        + "⌈calls / concurrency⌉ × 50 ms for queries. Threads: the client JVM's peak live threads during the run "
        + "minus those alive before the client was created (the server runs in another JVM).\n\n");
    md.append("![concurrency](").append(imgDir).append("/concurrency.png)\n\n");
    if (s.has("coldStart")) {
      JsonObject c = s.getAsJsonObject("coldStart");
      md.append("### Cold start (a new JVM: build a client, ask one question, print, exit)\n\n");
      md.append(fmt("Whole-process wall time, %d runs of each, interleaved.%n%n", c.get("runs").getAsInt()));
      md.append("| process | median ms | min ms | max ms | median vs OkHttp + Gson |\n|---|---:|---:|---:|---:|\n");
      double raw = c.getAsJsonObject("raw").get("medianMs").getAsDouble();
      for (String k : new String[] {"empty", "raw", "atlas"}) {
        JsonObject v = c.getAsJsonObject(k);
        String name = switch (k) {
          case "empty" -> "empty JVM (the floor)";
          case "raw" -> "OkHttp + Gson, a small answer class";
          default -> "AtlasClient";
        };
        md.append(fmt("| %s | %.0f | %.0f | %.0f | %.2f× |%n", name, v.get("medianMs").getAsDouble(),
            v.get("minMs").getAsDouble(), v.get("maxMs").getAsDouble(), v.get("medianMs").getAsDouble() / raw));
      }
      md.append('\n');
    }
  }

  private static void row(StringBuilder md, String what, String client, JsonObject r) {
    md.append(fmt("| %s | %s | %.0f | %.0f | %.2f | %d |%n", what, client, r.get("wallMs").getAsDouble(),
        r.get("idealMs").getAsDouble(), r.get("vsIdeal").getAsDouble(), r.get("threads").getAsInt()));
  }

  private static String list(JsonArray values) {
    StringBuilder sb = new StringBuilder();
    for (JsonElement e : values) {
      sb.append(sb.length() == 0 ? "" : ", ").append(fmt("%.1f", e.getAsDouble()));
    }
    return sb.toString();
  }

  /** @return the number of frames: each ends with a blank line */
  static long count(byte[] stream) {
    long n = 0;
    for (int i = 1; i < stream.length; i++) {
      if (stream[i] == '\n' && stream[i - 1] == '\n') {
        n++;
      }
    }
    return n;
  }
}
