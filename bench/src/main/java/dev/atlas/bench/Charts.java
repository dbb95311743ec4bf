package dev.atlas.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.atlas.bench.Report.Score;
import dev.atlas.bench.Report.StreamSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/** Draws the report's PNG charts (XChart) from the same JMH and scenario results as the tables. */
final class Charts {
  private Charts() {}

  /** Labels and values of one bar series. */
  private record Bars(List<String> labels, List<Double> values) {
    Bars() {
      this(new ArrayList<>(), new ArrayList<>());
    }

    void add(String label, double value) {
      if (!Double.isNaN(value)) {
        labels.add(label);
        values.add(value);
      }
    }
  }

  static void write(Map<String, Map<String, Score>> jmh, JsonObject s, Path dir) throws IOException {
    System.setProperty("java.awt.headless", "true");
    Files.createDirectories(dir);
    throughput(jmh, dir);
    ratios(jmh, s, dir);
    if (s.has("latency")) {
      latency(s.getAsJsonObject("latency"), dir);
    }
    if (s.has("longStream")) {
      heap(s.getAsJsonObject("longStream"), dir);
    }
    concurrency(s, dir);
  }

  private static CategoryChart bars(String title, String yTitle) {
    CategoryChart chart = new CategoryChartBuilder().width(900).height(480).title(title).yAxisTitle(yTitle).build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.getStyler().setXAxisLabelRotation(20);
    chart.getStyler().setLabelsVisible(true);
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    return chart;
  }

  private static void save(Chart<?, ?> chart, Path dir, String name) throws IOException {
    BitmapEncoder.saveBitmap(chart, dir.resolve(name).toString(), BitmapFormat.PNG);
  }

  /** MB/s of every parser and client, one bar each, grouped by benchmark. */
  private static void throughput(Map<String, Map<String, Score>> jmh, Path dir) throws IOException {
    Bars b = new Bars();
    addThroughput(b, jmh.get("SseFramingBenchmark"), "framing");
    addThroughput(b, jmh.get("TypedEventsBenchmark"), "typed");
    addThroughput(b, jmh.get("StreamEndToEndBenchmark"), "end to end");
    if (b.labels.isEmpty()) {
      return;
    }
    CategoryChart chart = bars("Stream throughput (higher is better)", "MB/s");
    chart.getStyler().setOverlapped(true); // one bar per label: ours in one colour, the alternatives in another
    List<Double> ours = new ArrayList<>();
    List<Double> others = new ArrayList<>();
    for (int i = 0; i < b.labels.size(); i++) {
      boolean isOurs = b.labels.get(i).contains(": atlas");
      ours.add(isOurs ? b.values.get(i) : null); // no bar, no label
      others.add(isOurs ? null : b.values.get(i));
    }
    chart.addSeries("Atlas SDK", b.labels, ours);
    chart.addSeries("alternatives (bareScan: no events, the limit)", b.labels, others);
    save(chart, dir, "throughput");
  }

  private static void addThroughput(Bars b, Map<String, Score> rows, String group) {
    if (rows == null) {
      return;
    }
    StreamSize size = StreamSize.of(rows.values().iterator().next().megabytes());
    for (Map.Entry<String, Score> e : rows.entrySet()) {
      b.add(group + ": " + e.getKey(), Math.round(size.megabytes() / (e.getValue().value() / 1000)));
    }
  }

  /** Every comparison as our speed relative to the alternative, next to its target. */
  private static void ratios(Map<String, Map<String, Score>> jmh, JsonObject s, Path dir) throws IOException {
    Bars measured = new Bars();
    List<Double> targets = new ArrayList<>();
    add(measured, targets, "framing vs okhttp-sse", Report.ratio(jmh.get("SseFramingBenchmark"), "okhttpSse", "atlasSseParser"), 1.5);
    add(measured, targets, "typed vs readLine+Gson",
        Report.ratio(jmh.get("TypedEventsBenchmark"), "readLineGsonTree", "atlasTypedEvents"), 2);
    add(measured, targets, "end to end vs EventSource+Gson",
        Report.ratio(jmh.get("StreamEndToEndBenchmark"), "okhttpEventSourceGson", "atlasStreamQuery"), 1);
    Map<String, Score> facade = jmh.get("FacadeOverheadBenchmark");
    for (String call : new String[] {"query", "listConversations", "validateSql"}) {
      add(measured, targets, call + " vs OkHttp+Gson", Report.ratio(facade, call + "RawOkHttpGson", call + "AtlasClient"),
          1 / 1.05);
    }
    if (s.has("coldStart")) {
      JsonObject c = s.getAsJsonObject("coldStart");
      add(measured, targets, "cold start vs OkHttp+Gson", c.getAsJsonObject("raw").get("medianMs").getAsDouble()
          / c.getAsJsonObject("atlas").get("medianMs").getAsDouble(), 1 / 1.2);
    }
    if (measured.labels.isEmpty()) {
      return;
    }
    CategoryChart chart = bars("Speed relative to the alternative (higher is better; 1 = same)", "×");
    chart.getStyler().setDecimalPattern("0.00");
    chart.addSeries("measured", measured.labels, measured.values);
    chart.addSeries("target (at least)", measured.labels, targets);
    save(chart, dir, "ratios");
  }

  private static void add(Bars measured, List<Double> targets, String label, double value, double target) {
    if (!Double.isNaN(value)) {
      measured.add(label, value);
      targets.add(target);
    }
  }

  private static void latency(JsonObject l, Path dir) throws IOException {
    List<String> labels = List.of("p50", "p99", "p99.9");
    CategoryChart chart = bars("Frame written to event in hand, loopback (lower is better)", "µs");
    chart.getStyler().setXAxisLabelRotation(0);
    for (String k : new String[] {"atlasStreamQuery", "okhttpEventSourceGson"}) {
      JsonObject p = l.getAsJsonObject(k);
      chart.addSeries(k, labels, List.of(round(p.get("p50us").getAsDouble()), round(p.get("p99us").getAsDouble()),
          round(p.get("p999us").getAsDouble())));
    }
    save(chart, dir, "latency");
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  private static void heap(JsonObject l, Path dir) throws IOException {
    JsonArray after = l.getAsJsonArray("oldGenAfterGcMiB");
    double gbPerSample = l.get("bytes").getAsDouble() / 1e9 / after.size();
    List<Double> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (int i = 0; i < after.size(); i++) {
      x.add((i + 1) * gbPerSample);
      y.add(after.get(i).getAsDouble());
    }
    XYChart chart = new XYChartBuilder().width(900).height(420).title("Old generation after GC while streaming")
        .xAxisTitle("GB streamed").yAxisTitle("MiB").build();
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    chart.addSeries("old generation after GC", x, y);
    save(chart, dir, "heap");
  }

  private static void concurrency(JsonObject s, Path dir) throws IOException {
    Bars wall = new Bars();
    List<Double> ideal = new ArrayList<>();
    String[][] rows = {{"streams", "atlasStreamQueryPublisher", "200 streams: ours"},
        {"streams", "okhttpEventSourceGson", "200 streams: okhttp-sse"},
        {"asyncQueries", "atlasQueryAsyncDefault", "1,000 async: ours, default"},
        {"asyncQueries", "atlasQueryAsyncWide", "1,000 async: ours, wide"},
        {"asyncQueries", "okhttpEnqueueGsonWide", "1,000 async: OkHttp, wide"}};
    for (String[] r : rows) {
      if (s.has(r[0]) && s.getAsJsonObject(r[0]).has(r[1])) {
        JsonObject o = s.getAsJsonObject(r[0]).getAsJsonObject(r[1]);
        wall.add(r[2], Math.round(o.get("wallMs").getAsDouble()));
        ideal.add((double) Math.round(o.get("idealMs").getAsDouble()));
      }
    }
    if (s.has("batch")) {
      JsonObject b = s.getAsJsonObject("batch");
      wall.add("batch of 500 at 16", Math.round(b.get("wallMs").getAsDouble()));
      ideal.add((double) Math.round(b.get("idealMs").getAsDouble()));
    }
    if (wall.labels.isEmpty()) {
      return;
    }
    CategoryChart chart = bars("Against a server with 50 ms latency: wall time and the ideal (lower is better)", "ms");
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    chart.addSeries("wall", wall.labels, wall.values);
    chart.addSeries("ideal", wall.labels, ideal);
    save(chart, dir, "concurrency");
  }
}
