package dev.atlas.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atlas.client.generated.invoker.ApiClient;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LeanApiClientTest {
  static final OkHttpClient HTTP = new OkHttpClient();
  static final ApiClient GENERATED = new ApiClient(HTTP);
  static final LeanApiClient LEAN = new LeanApiClient(HTTP);

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
}
