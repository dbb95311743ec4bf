package dev.atlas.client;

import dev.atlas.client.generated.model.AdminOverview;
import dev.atlas.client.time.AtlasTimestamp;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The workspace of the admin overview, typed: its id, name, slug, plan tier and plan name, trial
 * dates and region, which a managed-mode server sends in {@code workspace} (null in other modes).
 * The spec types that property as a free-form object, and retyping it would change the generated
 * getter's type, so this view reads it. Each field is read under its camelCase name, or its
 * snake_case one (the server sends some rows as stored); {@link #fields()} has everything as sent.
 *
 * <pre>{@code AdminWorkspace.of(atlas.admin().overview()).flatMap(AdminWorkspace::planTier)}</pre>
 */
public final class AdminWorkspace {
  private final Map<String, Object> fields;

  private AdminWorkspace(Map<String, Object> fields) {
    this.fields = fields;
  }

  /**
   * @param overview the admin overview
   * @return its workspace; empty when the server sent none (simple-key mode, no organization)
   */
  public static Optional<AdminWorkspace> of(AdminOverview overview) {
    Objects.requireNonNull(overview, "overview");
    Map<String, Object> w = overview.getWorkspace();
    if (w == null || w.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new AdminWorkspace(Collections.unmodifiableMap(new LinkedHashMap<>(w))));
  }

  /** @return the workspace (organization) id */
  public Optional<String> id() {
    return text("id", "id");
  }

  /** @return its display name */
  public Optional<String> name() {
    return text("name", "name");
  }

  /** @return its URL slug */
  public Optional<String> slug() {
    return text("slug", "slug");
  }

  /** @return the plan tier as sent (e.g. {@code trial}, {@code team}; newer tiers are kept as text) */
  public Optional<String> planTier() {
    return text("planTier", "plan_tier");
  }

  /** @return the plan's display name */
  public Optional<String> planName() {
    return text("planName", "plan_name");
  }

  /** @return when the trial started: parsed when the text is a known form, the raw text kept */
  public Optional<AtlasTimestamp> trialStartedAt() {
    return text("trialStartedAt", "trial_started_at").map(AtlasTimestamp::parse);
  }

  /** @return when the trial ends (or ended): parsed when the text is a known form, the raw text kept */
  public Optional<AtlasTimestamp> trialEndsAt() {
    return text("trialEndsAt", "trial_ends_at").map(AtlasTimestamp::parse);
  }

  /** @return the region the workspace's data lives in */
  public Optional<String> region() {
    return text("region", "region");
  }

  /** @return every field as sent, the typed ones included */
  public Map<String, Object> fields() {
    return fields;
  }

  private Optional<String> text(String camel, String snake) {
    Object v = fields.containsKey(camel) ? fields.get(camel) : fields.get(snake);
    return v instanceof String s ? Optional.of(s) : Optional.empty();
  }

  @Override
  public String toString() {
    return "AdminWorkspace" + fields;
  }
}
