package dev.atlas.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.atlas.client.errors.AtlasErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns the data of one SSE frame into typed events, binding straight from the frame's UTF-8 bytes
 * with one Jackson non-blocking parser fed frame after frame (field names are canonicalized, so only the values a frame needs
 * become Strings; no String of the whole frame is made unless the frame must be kept raw). Values
 * of arbitrary shape (tool input and output, {@code data-*} payloads) become Gson trees, numbers
 * kept exactly as sent. Keeps the tool names of the calls it has seen, to name their results.
 * Not thread-safe.
 */
final class FrameDecoder {
  private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_TOOL_NAMES = 4096;
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private final Map<String, String> toolNames = new HashMap<>();
  private final Frame f = new Frame();
  /** One non-blocking parser fed frame after frame: no parser is built per frame. */
  private JsonParser parser = newParser();

  /** Frame types, so the common ones are matched without allocating a String. */
  private static final String[] KNOWN_TYPES = {"text-delta", "reasoning-delta", "start", "start-step", "finish-step",
      "text-start", "text-end", "reasoning-start", "reasoning-end", "tool-input-start", "tool-input-delta",
      "tool-input-available", "tool-input-error", "tool-output-available", "tool-output-error", "file", "finish",
      "abort", "error", "data-context-warning"};

  /**
   * Decodes one frame from its UTF-8 bytes.
   *
   * @param buf holds the frame's data bytes
   * @param off where they start
   * @param len their length
   * @param out receives zero, one or two events
   * @return true if the frame was the {@code [DONE]} sentinel
   */
  boolean decode(byte[] buf, int off, int len, Consumer<StreamEvent> out) {
    if (len == DONE.length && java.util.Arrays.equals(buf, off, off + len, DONE, 0, len)) {
      return true;
    }
    Frame f = this.f;
    f.reset();
    String problem;
    try {
      JsonParser p = parser;
      ((ByteArrayFeeder) p.getNonBlockingInputFeeder()).feedInput(buf, off, off + len);
      JsonToken t = p.nextToken();
      if (t == JsonToken.START_OBJECT) {
        while ((t = next(p)) == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          next(p);
          f.read(name, p);
        }
        if (p.nextToken() == JsonToken.NOT_AVAILABLE) {
          emit(f, buf, off, len, out);
          return false;
        }
        problem = "unexpected data after the JSON object";
      } else {
        problem = "expected a JSON object but found " + (t == JsonToken.NOT_AVAILABLE ? "nothing" : t);
      }
    } catch (JsonProcessingException e) {
      problem = e.getOriginalMessage();
    } catch (IOException | RuntimeException | StackOverflowError e) {
      problem = String.valueOf(e.getMessage());
    }
    parser = newParser(); // the old one may hold a half-read value
    out.accept(new StreamEvent.ParseError(raw(buf, off, len), problem));
    return false;
  }

  private static JsonParser newParser() {
    try {
      return JSON.createNonBlockingByteArrayParser();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The next token of the frame; the frame ending inside a value is an error. */
  static JsonToken next(JsonParser p) throws IOException {
    JsonToken t = p.nextToken();
    if (t == JsonToken.NOT_AVAILABLE || t == null) {
      throw new IOException("the frame ends inside a JSON value");
    }
    return t;
  }

  /** Skips the current value, which may be an object or array. */
  static void skip(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) {
      return;
    }
    int depth = 1;
    while (depth > 0) {
      t = next(p);
      if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
        depth++;
      } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
        depth--;
      }
    }
  }

  private static String raw(byte[] buf, int off, int len) {
    return new String(buf, off, len, StandardCharsets.UTF_8);
  }

  private void emit(Frame f, byte[] buf, int off, int len, Consumer<StreamEvent> out) {
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
          out.accept(new StreamEvent.PartBoundary(type, f.id, meta(f)));
      case "tool-input-start" -> {
        remember(f.toolCallId, f.toolName);
        out.accept(new StreamEvent.ToolInputStart(f.toolCallId, f.toolName));
      }
      case "tool-input-delta" -> out.accept(new StreamEvent.ToolInputDelta(f.toolCallId, f.inputTextDelta));
      case "tool-input-available" -> {
        remember(f.toolCallId, f.toolName);
        out.accept(new StreamEvent.ToolCall(f.toolCallId, f.toolName, f.input, meta(f)));
      }
      case "tool-input-error" -> {
        remember(f.toolCallId, f.toolName);
        out.accept(new StreamEvent.ToolError(f.toolCallId, f.toolName, f.errorText, f.input));
      }
      case "tool-output-available" -> {
        out.accept(new StreamEvent.ToolResult(f.toolCallId, toolNames.get(f.toolCallId), f.output, f.preliminary,
            meta(f)));
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
      case "data-context-warning" -> out.accept(warning(f));
      default -> {
        if (type.startsWith("data-")) {
          out.accept(new StreamEvent.Data(type, f.data, Optional.ofNullable(f.id), f.isTransient));
        } else {
          out.accept(new StreamEvent.Unknown(type, raw(buf, off, len)));
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
    List<String> cols = new ArrayList<>(columns.getAsJsonArray().size());
    for (JsonElement c : columns.getAsJsonArray()) {
      if (!c.isJsonPrimitive()) {
        return null;
      }
      cols.add(c.getAsString());
    }
    for (JsonElement row : rows.getAsJsonArray()) {
      if (!row.isJsonObject()) {
        return null; // not a table after all; the ToolResult carries the output
      }
    }
    return new StreamEvent.Result(toolCallId, Collections.unmodifiableList(cols), new RowsView(rows.getAsJsonArray()));
  }

  /** A JSON tree as plain Java values: String, Boolean, exact Number, null, unmodifiable Map and List. */
  static Object plain(JsonElement e) {
    if (e == null || e.isJsonNull()) {
      return null;
    }
    if (e.isJsonPrimitive()) {
      JsonPrimitive p = e.getAsJsonPrimitive();
      return p.isString() ? p.getAsString() : p.isBoolean() ? (Object) p.getAsBoolean() : p.getAsNumber();
    }
    if (e.isJsonArray()) {
      List<Object> out = new ArrayList<>(e.getAsJsonArray().size());
      for (JsonElement x : e.getAsJsonArray()) {
        out.add(plain(x));
      }
      return Collections.unmodifiableList(out);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> x : e.getAsJsonObject().entrySet()) {
      out.put(x.getKey(), plain(x.getValue()));
    }
    return Collections.unmodifiableMap(out);
  }

  /** Builds a Gson tree from the parser's current value; numbers keep their exact text. */
  static JsonElement tree(JsonParser p) throws IOException {
    switch (p.currentToken()) {
      case START_OBJECT: {
        JsonObject o = new JsonObject();
        while (next(p) == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          next(p);
          o.add(name, tree(p));
        }
        return o;
      }
      case START_ARRAY: {
        JsonArray a = new JsonArray();
        while (next(p) != JsonToken.END_ARRAY) {
          a.add(tree(p));
        }
        return a;
      }
      case VALUE_STRING:
        return new JsonPrimitive(p.getText());
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return new JsonPrimitive(new ExactNumber(p.getText()));
      case VALUE_TRUE:
        return new JsonPrimitive(Boolean.TRUE);
      case VALUE_FALSE:
        return new JsonPrimitive(Boolean.FALSE);
      default:
        return JsonNull.INSTANCE;
    }
  }

  private static StreamEvent.Error error(String errorText) {
    String text = errorText == null ? "" : errorText;
    ErrorEnvelope envelope = text.startsWith("{") ? ErrorEnvelope.parse(text) : null;
    if (envelope == null) {
      return new StreamEvent.Error(text, AtlasErrorCode.UNKNOWN_ERROR.wireValue(), false, Optional.empty(),
          Optional.empty(), text);
    }
    boolean retry = envelope.retryable() != null ? envelope.retryable()
        : AtlasErrorCode.fromWire(envelope.code()).map(AtlasErrorCode::isRetryable).orElse(false);
    return new StreamEvent.Error(envelope.message() != null ? envelope.message() : text, envelope.code(), retry,
        Optional.ofNullable(envelope.retryAfter()), Optional.ofNullable(envelope.requestId()), text);
  }

  private static StreamEvent warning(Frame f) {
    if (f.data == null || !f.data.isJsonObject()) {
      return new StreamEvent.Data("data-context-warning", f.data, Optional.ofNullable(f.id), f.isTransient);
    }
    JsonObject d = f.data.getAsJsonObject();
    return new StreamEvent.Warning(string(d.get("severity")), string(d.get("code")), string(d.get("title")),
        Optional.ofNullable(string(d.get("detail"))), Optional.ofNullable(string(d.get("requestId"))));
  }

  /** @return the frame's {@code providerMetadata} object, if it has one */
  private static Optional<JsonObject> meta(Frame f) {
    return f.providerMetadata != null && f.providerMetadata.isJsonObject()
        ? Optional.of(f.providerMetadata.getAsJsonObject()) : Optional.empty();
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
    JsonElement providerMetadata;
    boolean preliminary;
    boolean isTransient;

    void read(String name, JsonParser p) throws IOException {
      switch (name) {
        case "type" -> type = p.currentToken() == JsonToken.VALUE_STRING ? known(p) : str(p);
        case "id" -> id = str(p);
        case "delta", "textDelta" -> delta = str(p);
        case "messageId" -> messageId = str(p);
        case "toolCallId" -> toolCallId = str(p);
        case "toolName" -> toolName = str(p);
        case "inputTextDelta" -> inputTextDelta = str(p);
        case "errorText" -> errorText = str(p);
        case "finishReason" -> finishReason = str(p);
        case "reason" -> reason = str(p);
        case "url" -> url = str(p);
        case "mediaType" -> mediaType = str(p);
        case "input" -> input = tree(p);
        case "output" -> output = tree(p);
        case "data" -> data = tree(p);
        case "providerMetadata" -> providerMetadata = tree(p);
        case "preliminary" -> preliminary = p.currentToken() == JsonToken.VALUE_TRUE;
        case "transient" -> isTransient = p.currentToken() == JsonToken.VALUE_TRUE;
        default -> skip(p);
      }
    }

    void reset() {
      type = null;
      id = null;
      delta = null;
      messageId = null;
      toolCallId = null;
      toolName = null;
      inputTextDelta = null;
      errorText = null;
      finishReason = null;
      reason = null;
      url = null;
      mediaType = null;
      input = null;
      output = null;
      data = null;
      providerMetadata = null;
      preliminary = false;
      isTransient = false;
    }

    /** @return the constant for a known type, else a new String */
    private static String known(JsonParser p) throws IOException {
      char[] c = p.getTextCharacters();
      int off = p.getTextOffset();
      int len = p.getTextLength();
      for (String k : KNOWN_TYPES) {
        if (k.length() == len && matches(k, c, off)) {
          return k;
        }
      }
      return new String(c, off, len);
    }

    private static boolean matches(String k, char[] c, int off) {
      for (int i = 0; i < k.length(); i++) {
        if (k.charAt(i) != c[off + i]) {
          return false;
        }
      }
      return true;
    }

    private static String str(JsonParser p) throws IOException {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_NULL) {
        return null;
      }
      if (t.isScalarValue()) {
        return p.getText();
      }
      return tree(p).toString();
    }
  }
}
