package dev.atlas.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Ids never change the path they are put in. */
class PathEncodingTest extends WireMockSupport {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a/b            | a%2Fb",
      "x?admin=1      | x%3Fadmin%3D1",
      "x#frag         | x%23frag",
      "../../admin    | ..%2F..%2Fadmin",
      "with space     | with%20space",
      "%2e%2e         | %252e%252e",
      "plus+sign      | plus%2Bsign",
      "naïve-ü        | na%C3%AFve-%C3%BC"})
  void idsArePercentEncodedIntoOneSegment(String id, String encoded) {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
    client().conversations().delete(id);
    assertThat(onlyRequest().getUrl()).isEqualTo("/api/v1/conversations/" + encoded);
  }

  @ParameterizedTest
  @ValueSource(strings = {".", "..", "", "  "})
  void dotSegmentsAndBlankIdsAreRefusedBeforeAnyRequest(String id) {
    assertThatThrownBy(() -> client().conversations().get(id)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client().scheduledTasks().trigger(id)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client().admin().semantic().entity(id)).isInstanceOf(IllegalArgumentException.class);
    assertThat(received()).isEmpty();
  }
}
