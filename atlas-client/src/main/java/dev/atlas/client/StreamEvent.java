package dev.atlas.client;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.atlas.client.errors.AtlasErrorCode;
import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.errors.ErrorInfo;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One typed event of a streamed answer (the AI SDK UI message stream Atlas sends from
 * {@code POST /api/v1/chat}). Every frame the server sends becomes an event; nothing is dropped
 * but empty text deltas. Switch over it:
 *
 * <pre>{@code
 * for (StreamEvent event : stream) {
 *   switch (event) {
 *     case StreamEvent.Text t -> System.out.print(t.content());
 *     case StreamEvent.Result r -> printTable(r.columns(), r.rows());
 *     case StreamEvent.Finish f -> System.out.println("\nDone: " + f.reason());
 *     default -> { }
 *   }
 * }
 * }</pre>
 * (pattern matching for switch needs Java 21; on 17 use {@code instanceof}).
 */
public sealed interface StreamEvent {

  /** The run started ({@code start}); no {@code finish} may follow if it is aborted. */
  record Start(Optional<String> messageId) implements StreamEvent {}

  /** An agent step began ({@code start-step}). */
  record StepStart() implements StreamEvent {}

  /** An agent step ended ({@code finish-step}). */
  record StepFinish() implements StreamEvent {}

  /**
   * A text or reasoning part opened or closed.
   *
   * @param type {@code text-start}, {@code text-end}, {@code reasoning-start} or {@code reasoning-end}
   * @param partId the part's id
   * @param providerMetadata the model provider's metadata for the part, when the server sent it
   */
  record PartBoundary(String type, String partId, Optional<JsonObject> providerMetadata) implements StreamEvent {
    /**
     * An event without provider metadata.
     *
     * @param type the frame type
     * @param partId the part's id
     */
    public PartBoundary(String type, String partId) {
      this(type, partId, Optional.empty());
    }
  }

  /** A chunk of the answer's text ({@code text-delta}); never empty. */
  record Text(String content, String partId) implements StreamEvent {}

  /** A chunk of the model's reasoning ({@code reasoning-delta}); never empty. */
  record Reasoning(String content, String partId) implements StreamEvent {}

  /** The agent began writing a tool call's input ({@code tool-input-start}). */
  record ToolInputStart(String toolCallId, String name) implements StreamEvent {}

  /** A chunk of a tool call's input as JSON text ({@code tool-input-delta}). */
  record ToolInputDelta(String toolCallId, String delta) implements StreamEvent {}

  /**
   * The agent calls a tool ({@code tool-input-available}).
   *
   * @param toolCallId the call's id, shared by its result
   * @param name the tool, e.g. {@code explore} or {@code executeSQL}
   * @param args the input, as sent (null if absent)
   * @param providerMetadata the model provider's metadata for the call, when the server sent it
   */
  record ToolCall(String toolCallId, String name, JsonElement args, Optional<JsonObject> providerMetadata)
      implements StreamEvent {
    /**
     * An event without provider metadata.
     *
     * @param toolCallId the call's id
     * @param name the tool
     * @param args the input
     */
    public ToolCall(String toolCallId, String name, JsonElement args) {
      this(toolCallId, name, args, Optional.empty());
    }
  }

  /**
   * A tool returned ({@code tool-output-available}).
   *
   * @param toolCallId the call's id
   * @param name the tool's name from its call, or null if the call was not seen
   * @param result the output, as sent
   * @param preliminary whether more output for this call will follow
   * @param providerMetadata the model provider's metadata for the result, when the server sent it
   */
  record ToolResult(String toolCallId, String name, JsonElement result, boolean preliminary,
      Optional<JsonObject> providerMetadata) implements StreamEvent {
    /**
     * An event without provider metadata.
     *
     * @param toolCallId the call's id
     * @param name the tool's name
     * @param result the output
     * @param preliminary whether more output follows
     */
    public ToolResult(String toolCallId, String name, JsonElement result, boolean preliminary) {
      this(toolCallId, name, result, preliminary, Optional.empty());
    }
  }

  /**
   * A tool call failed ({@code tool-output-error}) or its input was rejected ({@code tool-input-error}).
   *
   * @param toolCallId the call's id
   * @param name the tool's name, or null if unknown
   * @param errorText the server's description
   * @param input the rejected input for {@code tool-input-error}, else null
   */
  record ToolError(String toolCallId, String name, String errorText, JsonElement input) implements StreamEvent {}

  /**
   * Rows a tool returned: emitted right after the {@link ToolResult} of a (final) output that
   * carries both {@code columns} and {@code rows}, as {@code executeSQL}'s does.
   *
   * @param toolCallId the call's id
   * @param columns the column names, in order
   * @param rows the rows, values as the database encoded them (a count may be a string)
   */
  record Result(String toolCallId, List<String> columns, List<Map<String, Object>> rows) implements StreamEvent {}

  /**
   * The server reported an error in the stream ({@code error}); usually the end of the run.
   *
   * @param message the message (the envelope's {@code message}, or the raw text)
   * @param rawCode the error code as sent, or {@code unknown_error} when the text was not an envelope
   * @param retryable whether running the question again may succeed
   * @param retryAfter the delay the server asked for, if any
   * @param requestId the server's request id, if any
   * @param errorText the {@code errorText} exactly as sent
   */
  record Error(String message, String rawCode, boolean retryable, Optional<Duration> retryAfter,
      Optional<String> requestId, String errorText) implements StreamEvent {
    /** @return the code, {@link AtlasErrorCode#UNKNOWN_ERROR} when this client does not know it */
    public AtlasErrorCode code() {
      return AtlasErrorCode.fromWire(rawCode).orElse(AtlasErrorCode.UNKNOWN_ERROR);
    }

    /** @return this error as the typed exception the same code gets on a plain request (status 0) */
    public AtlasException toException() {
      return ErrorMapper.create(ErrorInfo.builder(code()).rawCode(rawCode).serverMessage(message).retryable(retryable)
          .retryAfter(retryAfter.orElse(null)).requestId(requestId.orElse(null)).build(), null);
    }
  }

  /**
   * A frame's data was not valid JSON; the stream goes on.
   *
   * @param raw the data exactly as received
   * @param error what was wrong
   */
  record ParseError(String raw, String error) implements StreamEvent {}

  /**
   * A context warning sent before the run starts ({@code data-context-warning}).
   *
   * @param severity e.g. {@code warning}
   * @param code a machine-readable code
   * @param title a short description
   * @param detail more detail, if sent
   * @param requestId the request id, if sent
   */
  record Warning(String severity, String code, String title, Optional<String> detail, Optional<String> requestId)
      implements StreamEvent {}

  /**
   * Any other {@code data-*} frame (progress, compaction, ...).
   *
   * @param type the frame type, e.g. {@code data-python-progress}
   * @param data the payload as sent
   * @param id the frame's id, if sent
   * @param isTransient whether the server marked it transient (not stored)
   */
  record Data(String type, JsonElement data, Optional<String> id, boolean isTransient) implements StreamEvent {}

  /** A file part ({@code file}). */
  record File(String url, String mediaType) implements StreamEvent {}

  /**
   * The run finished ({@code finish}).
   *
   * @param reason the finish reason as sent ({@code stop}, {@code length}, {@code content-filter},
   *     {@code tool-calls}, {@code error}, {@code other} or a newer value), or null when absent
   */
  record Finish(String reason) implements StreamEvent {}

  /** The run was stopped ({@code abort}); no {@link Finish} follows. */
  record Abort(Optional<String> reason) implements StreamEvent {}

  /**
   * A frame of a type this client does not know.
   *
   * @param type its {@code type}, or {@code ""} when it had none
   * @param rawJson the frame's data exactly as received
   */
  record Unknown(String type, String rawJson) implements StreamEvent {}

  /**
   * The stream was cut by the network and its run finished on the server: this is the answer the
   * server saved, complete (not a continuation of the text delivered before the cut, which it
   * repeats). Sent once, last, only by a stream with {@link StreamRecovery} on.
   *
   * @param conversationId the conversation the answer is saved in
   * @param runId the run, when known
   * @param answer the saved answer's text (its text parts joined)
   * @param content the saved message's content exactly as the server keeps it (its parts)
   */
  record Recovered(String conversationId, Optional<String> runId, String answer, JsonElement content)
      implements StreamEvent {}

  /**
   * The stream was cut by the network and its run, left {@code running} with nothing generating it,
   * was resumed: the events after this one are the continuation (starting with a fresh
   * {@link Start}); nothing delivered before the cut is repeated. Sent only by a stream with
   * {@link StreamRecovery#withResumeAfter(java.time.Duration)} set.
   *
   * @param conversationId the conversation
   * @param runId the resumed run (the same id as the interrupted turn)
   */
  record Resumed(String conversationId, String runId) implements StreamEvent {}
}
