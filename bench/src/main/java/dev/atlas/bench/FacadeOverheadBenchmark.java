package dev.atlas.bench;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import dev.atlas.client.AtlasClient;
import dev.atlas.client.ListConversationsParams;
import dev.atlas.client.generated.invoker.JSON;
import dev.atlas.client.generated.model.ListConversationsResponse;
import dev.atlas.client.generated.model.QueryResponse;
import dev.atlas.client.generated.model.ValidateSQLResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The facade's cost per call: the same request through {@link AtlasClient} and with plain OkHttp
 * plus Gson (parsing into the same generated model), against one loopback server with canned
 * responses ({@link LoopbackServer}: a blocking thread per connection, so neither client meets selector
 * jitter). Only the ratio means something: the server's time is in both.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 4, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 6, time = 1)
public class FacadeOverheadBenchmark {
  static final String QUERY = "{\"answer\":\"Revenue was $1.2M.\",\"sql\":[\"SELECT SUM(total) FROM orders\"],"
      + "\"data\":[{\"columns\":[\"revenue\"],\"rows\":[{\"revenue\":\"1200000.00\"}]}],\"steps\":3,"
      + "\"usage\":{\"totalTokens\":1523},\"conversationId\":\"6f1c2a4e-8b7d-4c1e-9a3f-2d5e7b9c1a40\"}";
  static final String VALIDATE = "{\"valid\":true,\"errors\":[],\"tables\":[\"users\"]}";
  static final String CONVERSATIONS;

  static {
    StringBuilder sb = new StringBuilder("{\"conversations\":[");
    for (int i = 0; i < 20; i++) {
      sb.append(i == 0 ? "" : ",").append("{\"id\":\"c-").append(i).append("\",\"userId\":\"u\",\"title\":\"t\",")
          .append("\"surface\":\"api\",\"connectionId\":null,\"connectionGroupId\":null,\"starred\":false,")
          .append("\"createdAt\":\"Sun Nov 22 2026 07:58:28 GMT+0000 (Coordinated Universal Time)\",")
          .append("\"updatedAt\":\"2026-11-22T07:58:28Z\"}");
    }
    CONVERSATIONS = sb.append("],\"total\":20}").toString();
  }

  static final MediaType JSON_TYPE = MediaType.get("application/json");
  static final String KEY = "sk-bench";

  LoopbackServer server;
  String base;
  AtlasClient atlas;
  OkHttpClient raw;
  Gson gson;

  /** Starts the server and both clients. */
  @Setup(Level.Trial)
  public void start() throws IOException {
    server = new LoopbackServer(0).json("/api/v1/query", QUERY).json("/api/v1/validate-sql", VALIDATE)
        .json("/api/v1/conversations", CONVERSATIONS);
    base = server.baseUrl();
    atlas = AtlasClient.builder().baseUrl(base).apiKey(KEY).build();
    raw = new OkHttpClient();
    gson = JSON.getGson();
  }

  /** Stops them. */
  @TearDown(Level.Trial)
  public void stop() throws IOException {
    atlas.close();
    raw.dispatcher().executorService().shutdown();
    raw.connectionPool().evictAll();
    server.close();
  }

  private <T> T rawCall(Request request, Class<T> type) throws IOException {
    try (Response r = raw.newCall(request).execute()) {
      return gson.fromJson(r.body().charStream(), type);
    }
  }

  private <T> T rawPost(String path, String field, String value, Class<T> type) throws IOException {
    JsonObject body = new JsonObject();
    body.addProperty(field, value);
    return rawCall(new Request.Builder().url(base + path).header("Authorization", "Bearer " + KEY)
        .post(RequestBody.create(gson.toJson(body), JSON_TYPE)).build(), type);
  }

  /** @return the answer; through the facade */
  @Benchmark
  public QueryResponse queryAtlasClient() {
    return atlas.query("What was last month's revenue?");
  }

  /** @return the answer; plain OkHttp + Gson */
  @Benchmark
  public QueryResponse queryRawOkHttpGson() throws IOException {
    return rawPost("/api/v1/query", "question", "What was last month's revenue?", QueryResponse.class);
  }

  /** @return the first page; through the facade */
  @Benchmark
  public Object listConversationsAtlasClient() {
    return atlas.conversations().list(ListConversationsParams.defaults().withLimit(20));
  }

  /** @return the first page; plain OkHttp + Gson */
  @Benchmark
  public ListConversationsResponse listConversationsRawOkHttpGson() throws IOException {
    return rawCall(new Request.Builder().url(base + "/api/v1/conversations?limit=20")
        .header("Authorization", "Bearer " + KEY).get().build(), ListConversationsResponse.class);
  }

  /** @return the verdict; through the facade */
  @Benchmark
  public ValidateSQLResponse validateSqlAtlasClient() {
    return atlas.validateSql("SELECT id FROM users");
  }

  /** @return the verdict; plain OkHttp + Gson */
  @Benchmark
  public ValidateSQLResponse validateSqlRawOkHttpGson() throws IOException {
    return rawPost("/api/v1/validate-sql", "sql", "SELECT id FROM users", ValidateSQLResponse.class);
  }
}
