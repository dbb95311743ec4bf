package dev.atlas.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The scheduled-task routes: list, create, get, update, delete (which disables), and runs. A task
 * runs only when triggered, and, as on a real server, only once it is due: its {@code nextRunAt}
 * (the next time its cron expression matches, on the sandbox clock) has passed; triggering it
 * earlier answers 500 {@code internal_error}. A run asks the question, records its delivery as an
 * action, keeps the run and moves {@code nextRunAt} on.
 */
final class TaskHandlers {

  private final SandboxState state;
  private final QueryHandlers queries;
  private final ActionHandlers actions;

  TaskHandlers(SandboxState state, QueryHandlers queries, ActionHandlers actions) {
    this.state = state;
    this.queries = queries;
    this.actions = actions;
  }

  /** Registers the operations this class answers. */
  void register(HandlerTable t) {
    t.on("listScheduledTasks", this::list);
    t.on("createScheduledTask", this::create);
    t.on("getScheduledTask", this::get);
    t.on("updateScheduledTask", this::update);
    t.on("deleteScheduledTask", this::delete);
    t.on("triggerScheduledTask", this::trigger);
    t.on("listScheduledTaskRuns", this::runs);
  }

  void list(Call c) throws IOException {
    Call.Page p = c.page(20, 100);
    String enabled = c.query.get("enabled");
    String group = c.query.get("connectionGroupId");
    JsonObject out = new JsonObject();
    synchronized (state) {
      List<JsonObject> all = new ArrayList<>();
      for (JsonObject t : state.tasks.values()) {
        boolean okEnabled = enabled == null || !(enabled.equals("true") || enabled.equals("false"))
            || t.get("enabled").getAsBoolean() == enabled.equals("true");
        boolean okGroup = group == null || group.equals(Wire.optText(t, "connectionGroupId"));
        if (okEnabled && okGroup) {
          all.add(t);
        }
      }
      Collections.reverse(all); // createdAt desc
      out.add("tasks", p.slice(all));
      out.addProperty("total", all.size());
    }
    c.json(200, out);
  }

  void create(Call c) throws IOException {
    JsonObject body = c.body();
    String name = Wire.requireText(body, "name");
    String question = Wire.requireText(body, "question");
    String cron = Wire.requireText(body, "cronExpression");
    checkTaskFields(body);
    String group = Wire.optText(body, "connectionGroupId");
    if (group == null) {
      throw new Reject(400, "connection_group_required", "connectionGroupId is required");
    }
    if (!group.equals(state.groupId)) {
      throw new Reject(400, "invalid_connection_group", "Unknown connection group \"" + group + "\"");
    }
    String tid = UUID.randomUUID().toString();
    Instant t = state.now();
    JsonObject task = new JsonObject();
    task.addProperty("id", tid);
    task.addProperty("ownerId", "sandbox-user");
    task.add("orgId", JsonNull.INSTANCE);
    task.addProperty("name", name);
    task.addProperty("question", question);
    task.addProperty("cronExpression", cron);
    task.addProperty("deliveryChannel", body.has("deliveryChannel") ? Wire.optText(body, "deliveryChannel") : "email");
    task.add("recipients", body.has("recipients") ? body.get("recipients") : new JsonArray());
    task.addProperty("connectionGroupId", group);
    task.addProperty("approvalMode", body.has("approvalMode") ? Wire.optText(body, "approvalMode") : "auto");
    task.addProperty("enabled", true);
    task.add("lastRunAt", JsonNull.INSTANCE);
    setNextRun(task, state.tasksDueAtOnce ? t : Cron.parse(cron).next(t));
    task.addProperty("createdAt", Wire.iso(t));
    task.addProperty("updatedAt", Wire.iso(t));
    synchronized (state) {
      state.tasks.put(tid, task);
      state.runs.put(tid, new ArrayList<>());
    }
    JsonObject out = task.deepCopy();
    out.add("warnings", new JsonArray());
    c.json(201, out);
  }

  /** Answers the task with its ten most recent runs. */
  void get(Call c) throws IOException {
    String tid = c.uuidParam(1);
    JsonObject out;
    synchronized (state) {
      out = state.task(tid).deepCopy();
      JsonArray recent = new JsonArray();
      state.runs.getOrDefault(tid, List.of()).stream().limit(10).forEach(recent::add);
      out.add("recentRuns", recent);
    }
    c.json(200, out);
  }

  void update(Call c) throws IOException {
    String tid = c.uuidParam(1);
    JsonObject body = c.body();
    if (body == null) {
      throw new Reject(400, "invalid_request", "Request body required");
    }
    checkTaskFields(body);
    JsonObject out;
    synchronized (state) {
      JsonObject task = state.task(tid);
      for (String f : List.of("name", "question", "cronExpression", "deliveryChannel", "recipients",
          "connectionGroupId", "approvalMode", "enabled")) {
        if (body.has(f)) {
          task.add(f, body.get(f));
        }
      }
      Instant t = state.now();
      if (body.has("cronExpression")) {
        setNextRun(task, Cron.parse(task.get("cronExpression").getAsString()).next(t));
      }
      task.addProperty("updatedAt", Wire.iso(t));
      out = task.deepCopy();
    }
    out.add("warnings", new JsonArray());
    c.json(200, out);
  }

  /** Disables the task, as the server does: it stays, with its runs. */
  void delete(Call c) throws IOException {
    synchronized (state) {
      JsonObject t = state.task(c.uuidParam(1));
      t.addProperty("enabled", false);
      t.addProperty("updatedAt", Wire.iso(state.now()));
    }
    c.noContent();
  }

  /** Runs the task now if it is due; a task whose next run time has not passed is refused, as the server refuses it. */
  void trigger(Call c) throws IOException {
    String tid = c.uuidParam(1);
    JsonObject task;
    synchronized (state) {
      task = state.task(tid).deepCopy();
      Instant next = nextRun(task);
      if (next == null || state.now().isBefore(next)) {
        throw new Reject(500, "internal_error", "Failed to trigger scheduled task");
      }
    }
    String question = task.get("question").getAsString();
    QueryHandlers.Asked asked = queries.ask(new JsonObject(), question);
    Agent.Answer a = asked.answer();
    Instant t = state.now();
    String actionId = actions.record(task.get("deliveryChannel").getAsString() + ":send", "task " + tid,
        "Deliver \"" + task.get("name").getAsString() + "\"", "executed");
    JsonObject run = new JsonObject();
    run.addProperty("id", UUID.randomUUID().toString());
    run.addProperty("taskId", tid);
    run.addProperty("startedAt", Wire.iso(t));
    run.addProperty("completedAt", Wire.iso(t.plusMillis(900)));
    run.addProperty("status", a.answered() ? "success" : "failed");
    run.addProperty("conversationId", asked.conversationId());
    run.addProperty("actionId", actionId);
    if (a.answered()) {
      run.add("error", JsonNull.INSTANCE);
    } else {
      run.addProperty("error", a.text());
    }
    run.addProperty("tokensUsed", 200 + question.length() * 3);
    run.addProperty("deliveryStatus", "sent");
    run.add("deliveryError", JsonNull.INSTANCE);
    run.addProperty("createdAt", Wire.iso(t));
    synchronized (state) {
      state.runs.get(tid).add(0, run);
      JsonObject stored = state.tasks.get(tid);
      stored.addProperty("lastRunAt", Wire.iso(t));
      setNextRun(stored, Cron.parse(stored.get("cronExpression").getAsString()).next(t));
    }
    JsonObject out = new JsonObject();
    out.addProperty("message", "Task triggered");
    out.addProperty("taskId", tid);
    c.json(200, out);
  }

  /** Answers the task's most recent runs (the offset is not applied). */
  void runs(Call c) throws IOException {
    String tid = c.uuidParam(1);
    Call.Page p = c.page(20, 100);
    JsonObject out = new JsonObject();
    synchronized (state) {
      state.task(tid);
      JsonArray list = new JsonArray();
      state.runs.getOrDefault(tid, List.of()).stream().limit(p.limit()).forEach(list::add);
      out.add("runs", list);
    }
    c.json(200, out);
  }

  private static void setNextRun(JsonObject task, Instant next) {
    if (next == null) {
      task.add("nextRunAt", JsonNull.INSTANCE);
    } else {
      task.addProperty("nextRunAt", Wire.iso(next));
    }
  }

  private static Instant nextRun(JsonObject task) {
    String next = Wire.optText(task, "nextRunAt");
    return next == null ? null : Instant.parse(next);
  }

  private static void checkTaskFields(JsonObject body) {
    String cron = Wire.optText(body, "cronExpression");
    if (cron != null) {
      try {
        Cron.parse(cron);
      } catch (IllegalArgumentException e) {
        throw new Reject(400, "invalid_request", "Invalid cron expression: " + e.getMessage());
      }
    }
    String channel = Wire.optText(body, "deliveryChannel");
    if (channel != null && !Set.of("email", "slack", "webhook").contains(channel)) {
      throw new Reject(400, "invalid_request", "deliveryChannel must be email, slack or webhook");
    }
  }
}
