package dev.atlas.bench;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.atlas.client.AtlasClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Cold start: a new JVM that builds a client, asks one question and prints the answer, timed as a
 * whole process from launch to exit. Ours versus plain OkHttp + Gson with a small answer class (what
 * a user would write), and an empty JVM as the floor. Runs alternate so drift hits all three.
 */
public final class ColdStart {
  private ColdStart() {}

  /** What a user of plain OkHttp + Gson would declare for the answer. */
  static final class Answer {
    String answer;
    List<String> sql;
    String conversationId;
  }

  /**
   * Entry point of one measured process.
   *
   * @param args {@code atlas}, {@code raw} or {@code empty}, then the server's base URL
   * @throws IOException if the call fails
   */
  public static void main(String[] args) throws IOException {
    switch (args[0]) {
      case "atlas" -> {
        try (AtlasClient atlas = AtlasClient.builder().baseUrl(args[1]).apiKey("sk-bench").build()) {
          System.out.println(atlas.query("What was last month's revenue?").getAnswer());
        }
      }
      case "raw" -> {
        OkHttpClient http = new OkHttpClient();
        Gson gson = new Gson();
        JsonObject body = new JsonObject();
        body.addProperty("question", "What was last month's revenue?");
        Request request = new Request.Builder().url(args[1] + "/api/v1/query").header("Authorization", "Bearer sk-bench")
            .post(RequestBody.create(gson.toJson(body), MediaType.get("application/json"))).build();
        try (Response r = http.newCall(request).execute()) {
          System.out.println(gson.fromJson(r.body().charStream(), Answer.class).answer);
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
      }
      default -> System.out.println("empty");
    }
  }

  /** @return the java executable of this JVM */
  static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * Runs each variant {@code runs} times (after one unmeasured run each) against a local server.
   *
   * @param results where to put {@code coldStart}
   * @param runs measured runs per variant
   * @throws Exception if a run fails
   */
  static void measure(Map<String, Object> results, int runs) throws Exception {
    try (LoopbackServer server = new LoopbackServer(0).json("/api/v1/query", FacadeOverheadBenchmark.QUERY)) {
      String[] variants = {"empty", "raw", "atlas"};
      Map<String, List<Double>> times = new LinkedHashMap<>();
      for (String v : variants) {
        times.put(v, new ArrayList<>());
        once(v, server.baseUrl());
      }
      for (int i = 0; i < runs; i++) {
        for (String v : variants) {
          times.get(v).add(once(v, server.baseUrl()));
        }
      }
      Map<String, Object> out = new LinkedHashMap<>();
      for (String v : variants) {
        List<Double> t = new ArrayList<>(times.get(v));
        t.sort(Double::compare);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("medianMs", t.get(t.size() / 2));
        m.put("minMs", t.get(0));
        m.put("maxMs", t.get(t.size() - 1));
        out.put(v, m);
      }
      out.put("runs", runs);
      results.put("coldStart", out);
    }
  }

  private static double once(String variant, String baseUrl) throws Exception {
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"), ColdStart.class.getName(),
        variant, baseUrl).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    int exit = p.waitFor();
    double ms = (System.nanoTime() - t0) / 1e6;
    if (exit != 0 || !(out.contains("Revenue") || out.contains("empty"))) {
      throw new IllegalStateException(variant + " exited " + exit + ": " + out);
    }
    return ms;
  }
}
