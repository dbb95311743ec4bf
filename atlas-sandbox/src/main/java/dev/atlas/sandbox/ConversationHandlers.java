package dev.atlas.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The conversation routes: list, get, delete, star, and the share link (status, create, remove). */
final class ConversationHandlers {
  private final SandboxState state;
  /** The sandbox's base URL, which share links start with. */
  private final String baseUrl;

  ConversationHandlers(SandboxState state, String baseUrl) {
    this.state = state;
    this.baseUrl = baseUrl;
  }

  /** Registers the operations this class answers. */
  void register(HandlerTable t) {
    t.on("listConversations", this::list);
    t.on("getConversation", this::get);
    t.on("deleteConversation", this::delete);
    t.on("starConversation", this::star);
    t.on("getConversationShareStatus", this::shareStatus);
    t.on("shareConversation", this::share);
    t.on("unshareConversation", this::unshare);
  }

  void list(Call c) throws IOException {
    Call.Page p = c.page(20, 100);
    String starred = c.query.get("starred");
    JsonObject out = new JsonObject();
    synchronized (state) {
      List<JsonObject> all = new ArrayList<>();
      for (JsonObject conv : state.conversations.values()) {
        if (starred == null || (!starred.equals("true") && !starred.equals("false"))
            || conv.get("starred").getAsBoolean() == starred.equals("true")) {
          all.add(conv);
        }
      }
      all.sort((a, b) -> Long.compare(state.updatedAt.get(b.get("id").getAsString()),
          state.updatedAt.get(a.get("id").getAsString())));
      out.add("conversations", p.slice(all));
      out.addProperty("total", all.size());
    }
    c.json(200, out);
  }

  /** Answers the conversation with its messages. */
  void get(Call c) throws IOException {
    String cid = c.uuidParam(1);
    JsonObject out;
    synchronized (state) {
      out = state.conversation(cid).deepCopy();
      JsonArray list = new JsonArray();
      state.messages.getOrDefault(cid, List.of()).forEach(list::add);
      out.add("messages", list);
    }
    c.json(200, out);
  }

  void delete(Call c) throws IOException {
    String cid = c.uuidParam(1);
    synchronized (state) {
      state.conversation(cid);
      state.conversations.remove(cid);
      state.messages.remove(cid);
      state.updatedAt.remove(cid);
      state.shares.remove(cid);
    }
    c.noContent();
  }

  void star(Call c) throws IOException {
    String cid = c.uuidParam(1);
    JsonObject body = c.body();
    JsonElement starred = body == null ? null : body.get("starred");
    if (starred == null || !starred.isJsonPrimitive() || !starred.getAsJsonPrimitive().isBoolean()) {
      throw Reject.validation("starred", "Invalid input: expected boolean");
    }
    JsonObject out = new JsonObject();
    synchronized (state) {
      JsonObject conv = state.conversation(cid);
      conv.addProperty("starred", starred.getAsBoolean());
      Instant t = state.now();
      conv.addProperty("updatedAt", Wire.js(t));
      state.updatedAt.put(cid, t.toEpochMilli());
      out.addProperty("id", cid);
      out.addProperty("starred", starred.getAsBoolean());
    }
    c.json(200, out);
  }

  void shareStatus(Call c) throws IOException {
    String cid = c.uuidParam(1);
    JsonObject out = new JsonObject();
    synchronized (state) {
      state.conversation(cid);
      JsonObject share = state.shares.get(cid);
      out.addProperty("shared", share != null);
      if (share != null) {
        share.entrySet().forEach(e -> out.add(e.getKey(), e.getValue()));
      }
    }
    c.json(200, out);
  }

  void share(Call c) throws IOException {
    String cid = c.uuidParam(1);
    JsonObject body = c.body();
    String expiresIn = Wire.optText(body, "expiresIn");
    String mode = Wire.optText(body, "shareMode");
    if (expiresIn != null && !Set.of("1h", "24h", "7d", "30d", "never").contains(expiresIn)) {
      throw new Reject(400, "invalid_request", "expiresIn must be one of 1h, 24h, 7d, 30d, never");
    }
    if (mode != null && !Set.of("public", "org").contains(mode)) {
      throw new Reject(400, "invalid_request", "shareMode must be public or org");
    }
    JsonObject share = new JsonObject();
    synchronized (state) {
      state.conversation(cid);
      // 28 characters, as a real server's tokens: the public view refuses tokens under 20
      String token = "sh_" + UUID.randomUUID().toString().replace("-", "").substring(0, 25);
      share.addProperty("token", token);
      share.addProperty("url", baseUrl + "/shared/" + token);
      Duration ttl = switch (expiresIn == null ? "7d" : expiresIn) {
        case "1h" -> Duration.ofHours(1);
        case "24h" -> Duration.ofHours(24);
        case "30d" -> Duration.ofDays(30);
        case "never" -> null;
        default -> Duration.ofDays(7);
      };
      if (ttl == null) {
        share.add("expiresAt", JsonNull.INSTANCE);
      } else {
        share.addProperty("expiresAt", Wire.iso(state.now().plus(ttl)));
      }
      share.addProperty("shareMode", mode == null ? "public" : mode);
      state.shares.put(cid, share);
    }
    c.json(200, share);
  }

  void unshare(Call c) throws IOException {
    String cid = c.uuidParam(1);
    synchronized (state) {
      state.conversation(cid);
      state.shares.remove(cid);
    }
    c.noContent();
  }
}
