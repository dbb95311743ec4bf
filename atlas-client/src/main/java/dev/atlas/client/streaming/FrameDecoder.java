package dev.atlas.client.streaming;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.ToNumberPolicy;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.atlas.client.errors.AtlasErrorCode;
import dev.atlas.client.internal.ErrorMapper;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns the data of one SSE frame into typed events. Reads the JSON with a streaming reader:
 * only values of arbitrary shape (tool input and output, {@code data-*} payloads) become trees.
 * Keeps the tool names of the calls it has seen, to name their results. Not thread-safe.
 */
final class FrameDecoder {
  static final String DONE = "[DONE]";
  private static final int MAX_TOOL_NAMES = 4096;
  private static final Gson ROWS = new GsonBuilder().setObjectToNumberStrategy(ToNumberPolicy.LAZILY_PARSED_NUMBER)
      .create();
  private static final Type ROW_LIST = new TypeToken<List<Map<String, Object>>>() {}.getType();
  private static final Type STRING_LIST = new TypeToken<List<String>>() {}.getType();

  private final Map<String, String> toolNames = new HashMap<>();

  /**
   * Decodes one frame.
   *
   * @param data the frame's data
   * @param out receives zero, one or two events
   * @return true if the frame was the {@code [DONE]} sentinel
   */
  boolean decode(String data, Consumer<StreamEvent> out) {
    if (data.equals(DONE)) {
      return true;
    }
    Frame f = new Frame();
    try {
      JsonReader r = new JsonReader(new StringReader(data));
      if (r.peek() != JsonToken.BEGIN_OBJECT) {
        out.accept(new StreamEvent.ParseError(data, "expected a JSON object but found " + r.peek()));
        return false;
      }
      r.beginObject();
      while (r.hasNext()) {
        f.read(r.nextName(), r);
      }
      r.endObject();
      if (r.peek() != JsonToken.END_DOCUMENT) {
        out.accept(new StreamEvent.ParseError(data, "unexpected data after the JSON object"));
        return false;
      }
    } catch (IOException | RuntimeException | StackOverflowError e) {
      out.accept(new StreamEvent.ParseError(data, String.valueOf(e.getMessage())));
      return false;
    }
    emit(f, data, out);
    return false;
  }

  private void emit(Frame f, String raw, Consumer<StreamEvent> out) {
    String type = f.type == null ? "" : f.type;
    switch (type) {
      case "text-delta" -> {
        if (f.delta != null && !f.delta.isEmpty()) {
          out.accept(new StreamEvent.Text(f.delta, f.id));
        }
      }
      case "reasoning-delta" -> {
        if (f.delta != null && !f.delta.isEmpty()) {
          out.accept(new StreamEvent.Reasoning(f.delta, f.id));
        }
      }
      case "start" -> out.accept(new StreamEvent.Start(Optional.ofNullable(f.messageId)));
      case "start-step" -> out.accept(new StreamEvent.StepStart());
      case "finish-step" -> out.accept(new StreamEvent.StepFinish());
      case "text-start", "text-end", "reasoning-start", "reasoning-end" ->
          out.accept(new StreamEvent.PartBoundary(type, f.id));
      case "tool-input-start" -> {
        remember(f.toolCallId, f.toolName);
        out.accept(new StreamEvent.ToolInputStart(f.toolCallId, f.toolName));
      }
      case "tool-input-delta" -> out.accept(new StreamEvent.ToolInputDelta(f.toolCallId, f.inputTextDelta));
      case "tool-input-available" -> {
        remember(f.toolCallId, f.toolName);
        out.accept(new StreamEvent.ToolCall(f.toolCallId, f.toolName, f.input));
      }
      case "tool-input-error" -> {
        remember(f.toolCallId, f.toolName);
        out.accept(new StreamEvent.ToolError(f.toolCallId, f.toolName, f.errorText, f.input));
      }
      case "tool-output-available" -> {
        out.accept(new StreamEvent.ToolResult(f.toolCallId, toolNames.get(f.toolCallId), f.output, f.preliminary));
        if (!f.preliminary) {
          StreamEvent.Result rows = rows(f.toolCallId, f.output);
          if (rows != null) {
            out.accept(rows);
          }
        }
      }
      case "tool-output-error" ->
          out.accept(new StreamEvent.ToolError(f.toolCallId, toolNames.get(f.toolCallId), f.errorText, null));
      case "file" -> out.accept(new StreamEvent.File(f.url, f.mediaType));
      case "finish" -> out.accept(new StreamEvent.Finish(f.finishReason));
      case "abort" -> out.accept(new StreamEvent.Abort(Optional.ofNullable(f.reason)));
      case "error" -> out.accept(error(f.errorText));
      case "data-context-warning" -> out.accept(warning(f, raw));
      default -> {
        if (type.startsWith("data-")) {
          out.accept(new StreamEvent.Data(type, f.data, Optional.ofNullable(f.id), f.isTransient));
        } else {
          out.accept(new StreamEvent.Unknown(type, raw));
        }
      }
    }
  }

  private void remember(String toolCallId, String toolName) {
    if (toolCallId != null && toolName != null) {
      if (toolNames.size() >= MAX_TOOL_NAMES) {
        toolNames.clear();
      }
      toolNames.put(toolCallId, toolName);
    }
  }

  private static StreamEvent.Result rows(String toolCallId, JsonElement output) {
    if (output == null || !output.isJsonObject()) {
      return null;
    }
    JsonObject o = output.getAsJsonObject();
    JsonElement columns = o.get("columns");
    JsonElement rows = o.get("rows");
    if (columns == null || rows == null || !columns.isJsonArray() || !rows.isJsonArray()) {
      return null;
    }
    try {
      List<String> cols = ROWS.fromJson(columns, STRING_LIST);
      List<Map<String, Object>> list = ROWS.fromJson(rows, ROW_LIST);
      List<Map<String, Object>> frozen = new ArrayList<>(list.size());
      for (Map<String, Object> row : list) {
        frozen.add(row == null ? Map.of() : Collections.unmodifiableMap(row));
      }
      return new StreamEvent.Result(toolCallId, List.copyOf(cols), Collections.unmodifiableList(frozen));
    } catch (RuntimeException e) {
      return null; // not a table after all; the ToolResult carries the output
    }
  }

  private static StreamEvent.Error error(String errorText) {
    String text = errorText == null ? "" : errorText;
    if (text.startsWith("{")) {
      try {
        JsonElement e = JsonParser.parseString(text);
        if (e.isJsonObject() && e.getAsJsonObject().has("error") && e.getAsJsonObject().get("error").isJsonPrimitive()) {
          JsonObject o = e.getAsJsonObject();
          String code = o.get("error").getAsString();
          String message = string(o.get("message"));
          JsonElement retryable = o.get("retryable");
          boolean retry = retryable != null && retryable.isJsonPrimitive() && retryable.getAsJsonPrimitive().isBoolean()
              ? retryable.getAsBoolean()
              : AtlasErrorCode.fromWire(code).map(AtlasErrorCode::isRetryable).orElse(false);
          return new StreamEvent.Error(message != null ? message : text, code, retry,
              Optional.ofNullable(ErrorMapper.parseSeconds(o.get("retryAfterSeconds"))),
              Optional.ofNullable(string(o.get("requestId"))), text);
        }
      } catch (RuntimeException | StackOverflowError ignored) {
        // plain text after all
      }
    }
    return new StreamEvent.Error(text, AtlasErrorCode.UNKNOWN_ERROR.wireValue(), false, Optional.empty(),
        Optional.empty(), text);
  }

  private static StreamEvent warning(Frame f, String raw) {
    if (f.data == null || !f.data.isJsonObject()) {
      return new StreamEvent.Data("data-context-warning", f.data, Optional.ofNullable(f.id), f.isTransient);
    }
    JsonObject d = f.data.getAsJsonObject();
    return new StreamEvent.Warning(string(d.get("severity")), string(d.get("code")), string(d.get("title")),
        Optional.ofNullable(string(d.get("detail"))), Optional.ofNullable(string(d.get("requestId"))));
  }

  private static String string(JsonElement e) {
    return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
  }

  /** The fields of one frame that any known type uses. */
  private static final class Frame {
    String type;
    String id;
    String delta;
    String messageId;
    String toolCallId;
    String toolName;
    String inputTextDelta;
    String errorText;
    String finishReason;
    String reason;
    String url;
    String mediaType;
    JsonElement input;
    JsonElement output;
    JsonElement data;
    boolean preliminary;
    boolean isTransient;

    void read(String name, JsonReader r) throws IOException {
      switch (name) {
        case "type" -> type = str(r);
        case "id" -> id = str(r);
        case "delta", "textDelta" -> delta = str(r);
        case "messageId" -> messageId = str(r);
        case "toolCallId" -> toolCallId = str(r);
        case "toolName" -> toolName = str(r);
        case "inputTextDelta" -> inputTextDelta = str(r);
        case "errorText" -> errorText = str(r);
        case "finishReason" -> finishReason = str(r);
        case "reason" -> reason = str(r);
        case "url" -> url = str(r);
        case "mediaType" -> mediaType = str(r);
        case "input" -> input = JsonParser.parseReader(r);
        case "output" -> output = JsonParser.parseReader(r);
        case "data" -> data = JsonParser.parseReader(r);
        case "preliminary" -> preliminary = bool(r);
        case "transient" -> isTransient = bool(r);
        default -> r.skipValue();
      }
    }

    private static String str(JsonReader r) throws IOException {
      JsonToken t = r.peek();
      if (t == JsonToken.NULL) {
        r.nextNull();
        return null;
      }
      if (t == JsonToken.STRING || t == JsonToken.NUMBER || t == JsonToken.BOOLEAN) {
        return t == JsonToken.BOOLEAN ? String.valueOf(r.nextBoolean()) : r.nextString();
      }
      return JsonParser.parseReader(r).toString();
    }

    private static boolean bool(JsonReader r) throws IOException {
      JsonToken t = r.peek();
      if (t == JsonToken.BOOLEAN) {
        return r.nextBoolean();
      }
      r.skipValue();
      return false;
    }
  }
}
