package dev.atlas.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The caller's draft (get or fork, status, publish, discard, rebase, undo) and sharing (share,
 * unshare, status, the public view by token). Publish refuses with 409 {@code stale_baseline} when
 * the published dashboard changed after the fork, as the server does; the sandbox never reports
 * card conflicts at rebase (one user cannot change the same card twice at once).
 */
final class DashboardDraftHandlers {
  private static final String TOKEN_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
  private static final Map<String, Duration> EXPIRY = Map.of("1h", Duration.ofHours(1), "24h", Duration.ofHours(24),
      "7d", Duration.ofDays(7), "30d", Duration.ofDays(30));
  private final DashboardStore store;
  private final SandboxState state;
  private final SecureRandom random = new SecureRandom();
  private final String apiKey;

  DashboardDraftHandlers(DashboardStore store, String apiKey) {
    this.store = store;
    this.state = store.state;
    this.apiKey = apiKey;
  }

  /** Registers the operations this class answers. */
  void register(HandlerTable t) {
    t.on("getDashboardDraft", this::draft);
    t.on("getDashboardDraftStatus", this::status);
    t.on("publishDashboardDraft", this::publish);
    t.on("discardDashboardDraft", this::discard);
    t.on("rebaseDashboardDraft", this::rebase);
    t.on("undoDashboardDraftChange", this::undo);
    t.on("shareDashboard", this::share);
    t.on("unshareDashboard", this::unshare);
    t.on("getDashboardShareStatus", this::shareStatus);
    t.on("getPublicDashboard", this::publicView);
  }

  void draft(Call c) throws IOException {
    String id = c.uuidParam(1);
    JsonObject out = new JsonObject();
    synchronized (state) {
      DashboardStore.Draft dr = store.fork(id);
      JsonObject d = new JsonObject();
      d.addProperty("userId", DashboardStore.USER);
      d.addProperty("dashboardId", id);
      d.add("snapshot", snapshot(dr));
      d.addProperty("publishedBaselineAt", DashboardStore.pg(dr.baseline));
      d.addProperty("updatedAt", Wire.js(dr.updatedAt));
      out.add("draft", d);
      out.add("view", store.draftView(id));
    }
    c.json(200, out);
  }

  private static JsonObject snapshot(DashboardStore.Draft dr) {
    JsonObject s = new JsonObject();
    s.addProperty("title", dr.title);
    s.add("description", dr.description.deepCopy());
    JsonArray cards = new JsonArray();
    dr.cards.forEach(x -> cards.add(x.deepCopy()));
    s.add("cards", cards);
    return s;
  }

  void status(Call c) throws IOException {
    String id = c.uuidParam(1);
    JsonObject out = new JsonObject();
    synchronized (state) {
      store.dashboard(id);
      DashboardStore.Draft dr = store.drafts.get(id);
      out.addProperty("hasDraft", dr != null);
      if (dr != null) {
        Instant published = store.publishedAt.get(id);
        out.addProperty("publishedBaselineAt", DashboardStore.pg(dr.baseline));
        out.addProperty("dashboardUpdatedAt", Wire.js(published));
        out.addProperty("staleBaseline", published.isAfter(dr.baseline));
        out.addProperty("updatedAt", Wire.js(dr.updatedAt));
      }
    }
    c.json(200, out);
  }

  /**
   * @return the caller's draft of the dashboard (which must exist, else 404)
   * @throws Reject 404 {@code not_found} with the given message when there is no draft
   */
  private DashboardStore.Draft existingDraft(String id, String noDraftMessage) {
    store.dashboard(id);
    DashboardStore.Draft dr = store.drafts.get(id);
    if (dr == null) {
      throw new Reject(404, "not_found", noDraftMessage);
    }
    return dr;
  }

  void publish(Call c) throws IOException {
    String id = c.uuidParam(1);
    JsonObject out = new JsonObject();
    synchronized (state) {
      DashboardStore.Draft dr = existingDraft(id, "No draft to publish");
      if (store.publishedAt.get(id).isAfter(dr.baseline)) {
        throw new Reject(409, "stale_baseline", "The published dashboard changed since the draft was created. Rebase first.");
      }
      List<JsonObject> before = store.cards.getOrDefault(id, List.of());
      JsonArray refreshing = new JsonArray();
      List<JsonObject> after = new ArrayList<>();
      for (JsonObject card : dr.cards) {
        JsonObject copy = card.deepCopy();
        String cid = copy.get("id").getAsString();
        JsonObject old = before.stream().filter(b -> b.get("id").getAsString().equals(cid)).findFirst().orElse(null);
        if ("chart".equals(copy.get("kind").getAsString())
            && (old == null || !Objects.equals(old.get("sql"), copy.get("sql")))) {
          refreshing.add(cid);
          try {
            store.refresh(id, copy, false); // the server does this in the background
          } catch (Reject ignored) {
            // a failing card keeps an empty cache, as after a failed background refresh
          }
        }
        after.add(copy);
      }
      JsonObject d = store.dashboard(id);
      d.addProperty("title", dr.title);
      d.add("description", dr.description.deepCopy());
      store.cards.put(id, after);
      store.drafts.remove(id);
      store.touch(id);
      out.addProperty("ok", true);
      out.addProperty("opsApplied", dr.ops);
      out.add("refreshingCardIds", refreshing);
    }
    c.json(200, out);
  }

  void discard(Call c) throws IOException {
    String id = c.uuidParam(1);
    synchronized (state) {
      store.drafts.remove(id); // 204 even with no draft (observed)
    }
    c.noContent();
  }

  void rebase(Call c) throws IOException {
    String id = c.uuidParam(1);
    JsonObject out = new JsonObject();
    synchronized (state) {
      DashboardStore.Draft dr = existingDraft(id, "No draft to rebase");
      dr.baseline = store.publishedAt.get(id);
      dr.updatedAt = state.now();
      out.addProperty("ok", true);
      out.add("snapshot", snapshot(dr));
      out.addProperty("publishedBaselineAt", DashboardStore.pg(dr.baseline));
    }
    c.json(200, out);
  }

  void undo(Call c) throws IOException {
    String id = c.uuidParam(1);
    JsonObject body = c.body();
    String kind = Wire.requireText(body, "kind");
    synchronized (state) {
      DashboardStore.Draft dr = existingDraft(id, "No draft");
      if (kind.equals("restore_card")) {
        JsonElement card = body.get("card");
        if (card == null || !card.isJsonObject() || !card.getAsJsonObject().has("id")
            || !card.getAsJsonObject().has("title") || !card.getAsJsonObject().has("kind")) {
          throw Reject.validation("card", "restore_card needs a whole card object");
        }
        JsonObject whole = card.getAsJsonObject().deepCopy();
        dr.cards.removeIf(x -> x.get("id").equals(whole.get("id")));
        dr.cards.add(Math.min(whole.has("position") ? whole.get("position").getAsInt() : dr.cards.size(), dr.cards.size()),
            whole);
      } else if (kind.equals("revert_sql")) {
        String cardId = Wire.requireText(body, "cardId");
        String sql = Wire.requireText(body, "sql");
        DashboardStore.card(dr.cards, cardId).addProperty("sql", sql);
      } else {
        throw Reject.validation("kind", "Invalid option: expected one of \"restore_card\"|\"revert_sql\"");
      }
      dr.updatedAt = state.now();
    }
    c.noContent();
  }

  void share(Call c) throws IOException {
    String id = c.uuidParam(1);
    JsonObject body = c.body();
    String expiresIn = body == null ? null : Wire.optText(body, "expiresIn");
    String mode = body == null || !body.has("shareMode") ? "public" : Wire.optText(body, "shareMode");
    JsonElement rotate = body == null ? null : body.get("rotate");
    if ((expiresIn != null && !expiresIn.equals("never") && !EXPIRY.containsKey(expiresIn))
        || !("public".equals(mode) || "org".equals(mode))
        || (rotate != null && !(rotate.isJsonPrimitive() && rotate.getAsJsonPrimitive().isBoolean()))) {
      throw new Reject(400, "invalid_request", "Invalid share settings");
    }
    boolean rotated = rotate != null && rotate.getAsBoolean();
    JsonObject out = new JsonObject();
    synchronized (state) {
      JsonObject d = store.dashboard(id);
      String token = d.get("shareToken").isJsonNull() || rotated ? token() : d.get("shareToken").getAsString();
      Duration life = expiresIn == null ? null : EXPIRY.get(expiresIn);
      JsonElement expiresAt = life == null ? JsonNull.INSTANCE : new com.google.gson.JsonPrimitive(Wire.iso(state.now().plus(life)));
      d.addProperty("shareToken", token);
      d.add("shareExpiresAt", expiresAt);
      d.addProperty("shareMode", mode);
      out.addProperty("token", token);
      out.add("expiresAt", expiresAt);
      out.addProperty("shareMode", mode);
      out.addProperty("rotated", rotated);
    }
    c.json(200, out);
  }

  private String token() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 24; i++) {
      sb.append(TOKEN_CHARS.charAt(random.nextInt(TOKEN_CHARS.length())));
    }
    return sb.toString();
  }

  void unshare(Call c) throws IOException {
    String id = c.uuidParam(1);
    synchronized (state) {
      JsonObject d = store.dashboard(id);
      d.add("shareToken", JsonNull.INSTANCE);
      d.add("shareExpiresAt", JsonNull.INSTANCE);
    }
    c.noContent();
  }

  void shareStatus(Call c) throws IOException {
    String id = c.uuidParam(1);
    JsonObject out = new JsonObject();
    synchronized (state) {
      JsonObject d = store.dashboard(id);
      out.addProperty("shared", !d.get("shareToken").isJsonNull());
      out.add("token", d.get("shareToken"));
      out.add("expiresAt", d.get("shareExpiresAt"));
      out.add("shareMode", d.get("shareMode"));
    }
    c.json(200, out);
  }

  /** No credentials for a public share; an org share needs the sandbox's key (403 {@code auth_required} otherwise). */
  void publicView(Call c) throws IOException {
    String token = c.param(1);
    if (!token.matches("[A-Za-z0-9_-]{20,64}")) {
      throw new Reject(404, "not_found", "Shared dashboard not found");
    }
    JsonObject out = new JsonObject();
    synchronized (state) {
      JsonObject d = store.dashboards.values().stream()
          .filter(x -> !x.get("shareToken").isJsonNull() && x.get("shareToken").getAsString().equals(token))
          .findFirst().orElseThrow(() -> new Reject(404, "not_found", "Shared dashboard not found"));
      JsonElement expires = d.get("shareExpiresAt");
      if (!expires.isJsonNull() && Instant.parse(expires.getAsString()).isBefore(state.now())) {
        throw new Reject(410, "expired", "This share link has expired");
      }
      if ("org".equals(d.get("shareMode").getAsString()) && !signedIn(c)) {
        throw new Reject(403, "auth_required", "This dashboard is shared with members of its organization only");
      }
      String id = d.get("id").getAsString();
      out.addProperty("title", d.get("title").getAsString());
      out.add("description", d.get("description"));
      out.add("shareMode", d.get("shareMode"));
      JsonArray cards = new JsonArray();
      String newest = null;
      for (JsonObject card : store.cards.getOrDefault(id, List.of())) {
        JsonObject pc = new JsonObject();
        for (String f : List.of("id", "position", "title", "kind", "chartConfig", "content", "annotations",
            "cachedColumns", "cachedRows", "cachedAt", "layout")) {
          pc.add(f, DashboardStore.orNull(card.get(f)));
        }
        cards.add(pc);
        if (!card.get("cachedAt").isJsonNull()) {
          newest = card.get("updatedAt").getAsString();
        }
      }
      out.add("cards", cards);
      JsonArray summary = new JsonArray();
      for (JsonElement p : d.getAsJsonArray("parameters")) {
        JsonObject ps = new JsonObject();
        ps.add("label", p.getAsJsonObject().get("label"));
        JsonElement dflt = p.getAsJsonObject().get("default");
        ps.addProperty("displayValue", dflt == null || dflt.isJsonNull() ? "" : dflt.getAsString());
        summary.add(ps);
      }
      out.add("parameterSummary", summary);
      out.add("dataAsOf", newest == null ? JsonNull.INSTANCE : new com.google.gson.JsonPrimitive(Wire.iso(store.publishedAt.get(id))));
      out.add("createdAt", d.get("createdAt"));
      out.add("updatedAt", d.get("updatedAt"));
      out.add("lastRefreshAt", d.get("lastRefreshAt"));
    }
    c.json(200, out);
  }

  private boolean signedIn(Call c) {
    String auth = c.ex.getRequestHeaders().getFirst("Authorization");
    String key = c.ex.getRequestHeaders().getFirst("X-API-Key");
    return (auth != null && auth.equals("Bearer " + apiKey)) || apiKey.equals(key);
  }
}
