package dev.atlas.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.atlas.bench.Report.Score;
import dev.atlas.bench.Report.StreamSize;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
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
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

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
    return bars(title, yTitle, 900, 480);
  }

  /** For many long category labels: taller, steeper labels, the legend to the right, clear of bars and labels. */
  private static CategoryChart wideBars(String title, String yTitle, int width) {
    CategoryChart chart = bars(title, yTitle, width, 600);
    chart.getStyler().setXAxisLabelRotation(40); // XChart drops a label that would end past the right edge
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    return chart;
  }

  private static CategoryChart bars(String title, String yTitle, int width, int height) {
    CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title).yAxisTitle(yTitle).build();
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
    for (String stream : Report.STREAMS) {
      addThroughput(b, jmh.get(Report.key("SseFramingBenchmark", stream)), "framing (" + stream + ")");
    }
    for (String stream : Report.STREAMS) {
      addThroughput(b, jmh.get(Report.key("TypedEventsBenchmark", stream)), "typed (" + stream + ")");
    }
    addThroughput(b, jmh.get("StreamEndToEndBenchmark"), "end to end");
    if (b.labels.isEmpty()) {
      return;
    }
    CategoryChart chart = wideBars("Stream throughput (higher is better)", "MB/s", 1400);
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
    StreamSize size = StreamSize.of(rows.values().iterator().next());
    for (Map.Entry<String, Score> e : rows.entrySet()) {
      b.add(group + ": " + e.getKey(), Math.round(size.megabytes() / (e.getValue().value() / 1000)));
    }
  }

  /** The measured ratios of the ratio chart, their error-bar ranges and targets. */
  private record RatioBars(Bars measured, List<Double> middles, List<Double> halfRanges, List<Double> targets) {
    RatioBars() {
      this(new Bars(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    /** Adds a JMH ratio (skipped if null); these come first, before any {@link #addPoint}. */
    void add(String label, Ratio r, double target) {
      if (r != null) {
        measured.add(label, r.value());
        // XChart draws symmetric error bars: a whisker centred on the middle of the (asymmetric) range;
        // of zero length without a range (one iteration), up to twice the ratio for an unbounded one
        double low = r.hasRange() ? r.low() : r.value();
        double high = !r.hasRange() ? r.value() : Double.isInfinite(r.high()) ? 2 * r.value() : r.high();
        middles.add((low + high) / 2);
        halfRanges.add((high - low) / 2);
        targets.add(target);
      }
    }

    /** Adds a ratio without error bars. */
    void addPoint(String label, double value, double target) {
      if (!Double.isNaN(value)) {
        measured.add(label, value);
        targets.add(target);
      }
    }
  }

  /**
   * Every comparison as our speed relative to the alternative: a bar each, with a whisker over the
   * range both JMH 99.9 % error bars allow (as in the report's tables), and its target as a mark.
   */
  private static void ratios(Map<String, Map<String, Score>> jmh, JsonObject s, Path dir) throws IOException {
    RatioBars r = new RatioBars();
    for (String stream : Report.STREAMS) {
      r.add("framing vs okhttp-sse (" + stream + ")",
          Ratio.speed(jmh.get(Report.key("SseFramingBenchmark", stream)), "okhttpSse", "atlasSseParser"), 1.5);
    }
    for (String stream : Report.STREAMS) {
      r.add("typed vs readLine+Gson (" + stream + ")",
          Ratio.speed(jmh.get(Report.key("TypedEventsBenchmark", stream)), "readLineGsonTree", "atlasTypedEvents"), 2);
    }
    r.add("end to end vs EventSource+Gson",
        Ratio.speed(jmh.get("StreamEndToEndBenchmark"), "okhttpEventSourceGson", "atlasStreamQuery"), 1);
    Map<String, Score> facade = jmh.get("FacadeOverheadBenchmark");
    for (String call : new String[] {"query", "listConversations", "validateSql"}) {
      r.add(call + " vs OkHttp+Gson", Ratio.speed(facade, call + "RawOkHttpGson", call + "AtlasClient"), 1 / 1.05);
    }
    if (s.has("coldStart")) {
      JsonObject c = s.getAsJsonObject("coldStart");
      r.addPoint("cold start vs OkHttp+Gson (medians)", c.getAsJsonObject("raw").get("medianMs").getAsDouble()
          / c.getAsJsonObject("atlas").get("medianMs").getAsDouble(), 1 / 1.2);
    }
    if (r.measured.labels.isEmpty()) {
      return;
    }
    CategoryChart chart = wideBars("Speed relative to the alternative (higher is better; 1 = same)", "×", 1200);
    chart.getStyler().setDecimalPattern("0.00");
    chart.getStyler().setOverlapped(true); // whisker and target mark drawn over their bar
    chart.getStyler().setLabelsPosition(0.15); // the ratio near the bar's foot, clear of the whisker
    chart.getStyler().setErrorBarsColor(Color.BLACK);
    chart.getStyler().setMarkerSize(40);
    chart.addSeries("measured", r.measured.labels, r.measured.values);
    if (!r.middles.isEmpty()) {
      // the JMH ratios come first, so this series' categories are the first ones of the chart
      CategorySeries range = chart.addSeries("whisker: the range both JMH 99.9 %\nerror bars allow",
          r.measured.labels.subList(0, r.middles.size()), r.middles, r.halfRanges);
      range.setChartCategorySeriesRenderStyle(CategorySeriesRenderStyle.Scatter);
      range.setMarker(SeriesMarkers.NONE);
    }
    CategorySeries target = chart.addSeries("target (at least)", r.measured.labels, r.targets);
    target.setChartCategorySeriesRenderStyle(CategorySeriesRenderStyle.Scatter);
    target.setMarker(new Dash());
    target.setMarkerColor(new Color(0xD0, 0x30, 0x30));
    save(chart, dir, "ratios");
  }

  /** A marker drawn as a thick horizontal line as wide as the marker size: a target on its bar. */
  private static final class Dash extends Marker {
    @Override
    public void paint(Graphics2D g, double x, double y, int size) {
      g.setStroke(new BasicStroke(3));
      g.draw(new Line2D.Double(x - size / 2.0, y, x + size / 2.0, y));
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
