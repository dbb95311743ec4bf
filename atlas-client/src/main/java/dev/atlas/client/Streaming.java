package dev.atlas.client;

import dev.atlas.client.errors.AtlasErrorCode;
import dev.atlas.client.errors.AtlasInvalidResponseException;
import dev.atlas.client.errors.ErrorInfo;
import dev.atlas.client.generated.api.ChatApi;
import dev.atlas.client.generated.model.ChatMessage;
import dev.atlas.client.generated.model.ChatMessagePart;
import dev.atlas.client.generated.model.ChatRequest;
import dev.atlas.client.generated.model.ChatRole;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import okhttp3.Request;
import okhttp3.Response;

/** Opens {@code POST /api/v1/chat} responses: the request from the generated code, the body read by us. */
final class Streaming {
  private final ClientContext ctx;
  private final ChatApi api;

  Streaming(ClientContext ctx) {
    this.ctx = ctx;
    this.api = new ChatApi(ctx.apiClient());
  }

  AtlasStream streamQuery(String question, StreamQueryOptions options, RequestOptions requestOptions) {
    Objects.requireNonNull(question, "question");
    ChatMessage message = new ChatMessage().id(UUID.randomUUID().toString()).role(ChatRole.USER)
        .addPartsItem(new ChatMessagePart().type("text").text(question));
    Transport.Opened o = open(List.of(message), options, requestOptions);
    return AtlasStream.of(o.call(), o.response(), maxEventBytes(options), o.trace());
  }

  ChatResponse chat(List<ChatMessage> messages, StreamQueryOptions options, RequestOptions requestOptions) {
    Objects.requireNonNull(messages, "messages");
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("messages must not be empty");
    }
    Transport.Opened o = open(messages, options, requestOptions);
    return ChatResponse.of(o.call(), o.response(), maxEventBytes(options), o.trace());
  }

  private Transport.Opened open(List<ChatMessage> messages, StreamQueryOptions o, RequestOptions requestOptions) {
    Objects.requireNonNull(o, "options");
    ctx.ensureOpen();
    ChatRequest body = new ChatRequest().messages(List.copyOf(messages)).conversationId(o.conversationId())
        .connectionId(o.connectionId()).connectionGroupId(o.connectionGroupId()).routingMode(o.routingMode())
        .answerStyle(o.answerStyle());
    Operation<Void> chat = Operation.of("chat", () -> api.chatCall(body, null), Void.class);
    Request request = chat.request().newBuilder().header("Accept", "text/event-stream").build();
    Transport.Opened opened = ctx.open(chat, request, requestOptions);
    Response response = opened.response();
    String type = response.header("Content-Type");
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("text/event-stream")) {
      try (response) {
        opened.trace().streamEnded(CallOutcome.INVALID_RESPONSE, null);
        AtlasInvalidResponseException e = new AtlasInvalidResponseException(ErrorInfo.builder(AtlasErrorCode.INVALID_RESPONSE)
            .status(response.code()).request(request.method(), request.url().encodedPath())
            .description("HTTP " + response.code() + " with " + (type == null ? "no content type" : type)
                + " instead of text/event-stream")
            .build(), null);
        throw e;
      }
    }
    return opened;
  }

  private static int maxEventBytes(StreamQueryOptions o) {
    return o.maxEventBytes() == 0 ? SseParser.DEFAULT_MAX_EVENT_BYTES : o.maxEventBytes();
  }
}
