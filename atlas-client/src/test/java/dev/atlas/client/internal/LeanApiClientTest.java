package dev.atlas.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atlas.client.generated.invoker.ApiClient;
import dev.atlas.client.generated.invoker.Pair;
import dev.atlas.client.generated.model.QueryRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LeanApiClientTest {
  static final OkHttpClient HTTP = new OkHttpClient();
  static final ApiClient GENERATED = new ApiClient(HTTP).setUserAgent("atlas-java/test");
  static final LeanApiClient LEAN = new LeanApiClient(HTTP, "atlas-java/test");

  @ParameterizedTest
  @ValueSource(strings = {"application/json", "APPLICATION/JSON", "application/json; charset=utf-8",
      "application/json;charset=UTF-8", "application/problem+json", "application/vnd.atlas.v1+json ; q=1", "*/*",
      "text/plain", "text/event-stream", "application/jsonx", "application/json-seq", "", " application/json",
      "application/x-www-form-urlencoded", "multipart/form-data", "text/html; charset=utf-8"})
  void decidesWhatIsJsonExactlyAsTheGeneratedClientDoes(String mime) {
    assertThat(LEAN.isJsonMime(mime)).isEqualTo(GENERATED.isJsonMime(mime));
    assertThat(LEAN.selectHeaderAccept(new String[] {mime, "text/plain"}))
        .isEqualTo(GENERATED.selectHeaderAccept(new String[] {mime, "text/plain"}));
    assertThat(LEAN.selectHeaderContentType(new String[] {mime})).isEqualTo(GENERATED.selectHeaderContentType(new String[] {mime}));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"question\":\"q\"}", ""})
  void neverCopiesARequestBodyForSigning(String body) {
    assertThat(LEAN.requestBodyToString(RequestBody.create(body, okhttp3.MediaType.get("application/json")))).isNull();
    assertThat(LEAN.isJsonMime(null)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"GET, false, application/json", "POST, true, application/json", "POST, false, application/json",
      "PUT, true, application/json", "PATCH, true, application/json; charset=utf-8", "DELETE, false, ''",
      "DELETE, true, application/json"})
  void buildsTheSameRequestAsTheGeneratedClient(String method, boolean withBody, String contentType) throws Exception {
    List<Pair> query = new ArrayList<>(List.of(new Pair("limit", "20"), new Pair("q", "a b&c/é"), new Pair("skip", null)));
    Object body = withBody ? new QueryRequest().question("What was revenue?").conversationId("c/1") : null;
    Request lean = LEAN.buildRequest("http://atlas.test:8080/base", "/api/v1/conversations/c%2F1", method, query,
        new ArrayList<>(), body, headers(contentType), new HashMap<>(), new HashMap<>(), new String[] {"bearerAuth"}, null);
    Request generated = GENERATED.buildRequest("http://atlas.test:8080/base", "/api/v1/conversations/c%2F1", method,
        query, new ArrayList<>(), body, headers(contentType), new HashMap<>(), new HashMap<>(), new String[] {"bearerAuth"},
        null);
    assertThat(lean.method()).isEqualTo(generated.method());
    assertThat(lean.url()).isEqualTo(generated.url());
    assertThat(lean.headers().toMultimap()).isEqualTo(generated.headers().toMultimap());
    assertThat(lean.body() == null).isEqualTo(generated.body() == null);
    if (lean.body() != null) {
      assertThat(String.valueOf(lean.body().contentType())).isEqualTo(String.valueOf(generated.body().contentType()));
      assertThat(bytes(lean.body())).isEqualTo(bytes(generated.body()));
    }
  }

  private static Map<String, String> headers(String contentType) {
    Map<String, String> h = new HashMap<>();
    h.put("Accept", "application/json");
    if (!contentType.isEmpty()) {
      h.put("Content-Type", contentType);
    }
    return h;
  }

  private static String bytes(RequestBody body) throws IOException {
    Buffer b = new Buffer();
    body.writeTo(b);
    return b.readUtf8();
  }
}
