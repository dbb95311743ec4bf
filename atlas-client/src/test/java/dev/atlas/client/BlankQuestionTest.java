package dev.atlas.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atlas.client.generated.model.ChatMessage;
import dev.atlas.client.generated.model.ChatMessagePart;
import dev.atlas.client.generated.model.ChatRole;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A blank question is refused before anything is sent, by every way of asking: the server answers
 * {@code query} with 422 but starts an empty conversation for a streamed question or a chat.
 */
class BlankQuestionTest extends WireMockSupport {

  @BeforeEach
  void answerAnything() {
    // what a server that accepts the blank question would do: the test fails if a request arrives
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream")
        .withBody("data: [DONE]\n\n")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t\n "})
  void everyWayOfAskingRefusesABlankQuestionBeforeSending(String question) {
    assertThatThrownBy(() -> client().query(question)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("question must not be blank");
    assertThatThrownBy(() -> client().queryAsync(question)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client().streamQuery(question)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("question must not be blank");
    assertThatThrownBy(() -> client().streamQueryPublisher(question, StreamQueryOptions.none()))
        .isInstanceOf(IllegalArgumentException.class);
    ChatMessage blank = new ChatMessage().id("m1").role(ChatRole.USER)
        .addPartsItem(new ChatMessagePart().type("text").text(question));
    assertThatThrownBy(() -> client().chat(List.of(blank))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blank");
    assertThat(received()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"How many orders?", " x "})
  void aQuestionWithTextIsSent(String question) {
    ChatMessage asked = new ChatMessage().id("m1").role(ChatRole.USER)
        .addPartsItem(new ChatMessagePart().type("text").text(question));
    try (ChatResponse r = client().chat(List.of(asked))) {
      assertThat(r).isNotNull();
    }
    assertThat(received()).hasSize(1);
  }
}
