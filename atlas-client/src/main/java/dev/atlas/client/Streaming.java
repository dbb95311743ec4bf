package dev.atlas.client;

import dev.atlas.client.generated.api.ChatApi;
import dev.atlas.client.generated.model.ChatMessage;
import dev.atlas.client.generated.model.ChatMessagePart;
import dev.atlas.client.generated.model.ChatRequest;
import dev.atlas.client.generated.model.ChatRole;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Opens {@code POST /api/v1/chat} responses: the request from the generated code, the body read by us. */
final class Streaming {
  private final ClientContext ctx;
  private final ChatApi api;
  private final AtlasClient owner;

  /** @param owner the client whose {@link AtlasClient#runs()} stops and follows the runs; null: none */
  Streaming(ClientContext ctx, AtlasClient owner) {
    this.ctx = ctx;
    this.api = new ChatApi(ctx.apiClient());
    this.owner = owner;
  }

  /**
   * Refuses a blank question before anything is sent: {@code POST /api/v1/query} answers it with
   * 422, but {@code POST /api/v1/chat} accepts it and starts an empty conversation.
   */
  static String requireQuestion(String question) {
    Objects.requireNonNull(question, "question");
    if (question.isBlank()) {
      throw new IllegalArgumentException("question must not be blank");
    }
    return question;
  }

  AtlasStream streamQuery(String question, StreamQueryParams options, RequestOptions requestOptions) {
    requireQuestion(question);
    ChatMessage message = new ChatMessage().id(UUID.randomUUID().toString()).role(ChatRole.USER)
        .addPartsItem(new ChatMessagePart().type("text").text(question));
    Transport.Opened o = open(List.of(message), options, requestOptions);
    AtlasStream stream = AtlasStream.of(o.call(), o.response(), maxEventBytes(options), o.trace());
    return owner == null ? stream : RunFollower.attach(ctx, owner.runs(), stream, options, question);
  }

  /** Opens a resume of the conversation's running run; never two of one run at once from this client. */
  AtlasStream resume(String conversationId, ResumeRunParams params, RequestOptions requestOptions, Runs r) {
    Transport.Opened o = ctx.open(r.resumeOp(conversationId), requestOptions);
    String runId = o.response().header("x-run-id");
    if (!r.claimResume(runId)) {
      o.response().close();
      throw new IllegalStateException("This client is resuming run " + runId + " already");
    }
    int max = params.maxEventBytes() == 0 ? SseParser.DEFAULT_MAX_EVENT_BYTES : params.maxEventBytes();
    AtlasStream stream = AtlasStream.of(o.call(), o.response(), max, o.trace());
    return RunFollower.attachResumed(ctx, r, stream, params, runId);
  }

  ChatResponse chat(List<ChatMessage> messages, StreamQueryParams options, RequestOptions requestOptions) {
    Objects.requireNonNull(messages, "messages");
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("messages must not be empty");
    }
    ChatMessage last = messages.get(messages.size() - 1);
    if (last.getRole() == ChatRole.USER && last.getParts() != null && last.getParts().stream()
        .allMatch(p -> "text".equals(p.getType()) && (p.getText() == null || p.getText().isBlank()))) {
      throw new IllegalArgumentException("the last user message must not be blank");
    }
    Transport.Opened o = open(messages, options, requestOptions);
    ChatResponse raw = ChatResponse.of(o.call(), o.response(), maxEventBytes(options), o.trace());
    return owner == null ? raw : raw.stopWith(owner.runs());
  }

  private Transport.Opened open(List<ChatMessage> messages, StreamQueryParams o, RequestOptions requestOptions) {
    Objects.requireNonNull(o, "options");
    ChatRequest body = new ChatRequest().messages(List.copyOf(messages)).conversationId(o.conversationId())
        .connectionId(o.connectionId()).connectionGroupId(o.connectionGroupId()).routingMode(o.routingMode())
        .answerStyle(o.answerStyle());
    Operation<Void> chat = Operation.of("chat", () -> api.chatCall(body, null), Void.class)
        .rewrite(r -> r.newBuilder().header("Accept", "text/event-stream").build());
    return ctx.open(chat, requestOptions);
  }

  private static int maxEventBytes(StreamQueryParams o) {
    return o.maxEventBytes() == 0 ? SseParser.DEFAULT_MAX_EVENT_BYTES : o.maxEventBytes();
  }
}
