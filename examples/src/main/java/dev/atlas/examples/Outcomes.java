package dev.atlas.examples;

import dev.atlas.client.errors.AtlasException;
import dev.atlas.client.errors.AtlasNotFoundException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the examples did: each step passed, was skipped (the server refused it for its
 * configuration, or it needs the sandbox), or failed; and the parts of a step that passed, were
 * skipped or failed while the rest of it ran. A step passes when what it shows worked: a part that
 * failed fails the step, and a step whose every part was skipped is skipped. Only a refusal for the
 * server's configuration is a skip ({@link #isRefusal}); any other error is a failure.
 */
public final class Outcomes {
  /** How a step ended. */
  public enum Status {
    /** It ran to its end and what it shows worked (some of its parts may have been skipped, each with its reason). */
    PASSED,
    /** It could not run here, or every part of it was refused; the reason says why (the server's own message). */
    SKIPPED,
    /** An unexpected exception, a part that failed, or a result that contradicts the contract. */
    FAILED
  }

  /**
   * One step's outcome.
   *
   * @param status how it ended
   * @param detail the reason it was skipped or the failure; empty when it passed
   * @param skippedParts the parts skipped while the rest ran, each "part: reason"
   * @param failedParts the parts that failed while the rest ran, each "part: reason"
   */
  public record Step(Status status, String detail, List<String> skippedParts, List<String> failedParts) {}

  /** A step that cannot run here, with the reason. */
  static final class Skipped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Skipped(String reason) {
      super(reason, null, false, false);
    }
  }

  /** 400 codes a server sends for what its configuration lacks, not for a wrong request. */
  private static final Set<String> CONFIGURATION_CODES = Set.of("bad_request", "configuration_error", "no_datasource",
      "no_capability", "connection_group_required", "invalid_connection_group", "not_available");

  private static final List<String> currentParts = new ArrayList<>();
  private static final List<String> failedParts = new ArrayList<>();
  private static int passedParts;
  private final Map<String, Step> steps = new LinkedHashMap<>();

  /**
   * Whether the server refused the call for its configuration (a missing organization, role or
   * feature) rather than because the call or the server is wrong: 400 with a configuration code
   * ({@code bad_request} "No active organization", ...), any 403, a 404 without the error envelope
   * (the route is not mounted: the feature is off) or with {@code not_available}, a 404 for a call
   * that names no resource (the feature's router is absent), and 501.
   *
   * @param e the failure
   * @return true for a refusal
   */
  public static boolean isRefusal(AtlasException e) {
    int s = e.status();
    String code = String.valueOf(e.rawCode());
    return switch (s) {
      case 400 -> CONFIGURATION_CODES.contains(code);
      case 403, 501 -> true;
      case 404 -> e.body().isEmpty() || code.equals("not_available")
          || (e instanceof AtlasNotFoundException nf && nf.resourceId().isEmpty());
      default -> false;
    };
  }

  /**
   * @param e a refusal
   * @return the server's reason: status, code and message as sent, and the call
   */
  public static String reason(AtlasException e) {
    String call = e.method().map(m -> " (" + m + " " + e.path().orElse("") + ")").orElse("");
    if (e.serverMessage().isPresent()) {
      return e.status() + " " + e.rawCode() + " \"" + e.serverMessage().get() + "\"" + call;
    }
    return e.getMessage();
  }

  /**
   * Runs one part of an example; the example goes on whatever it gives. Its result passes the
   * part; a refusal for the server's configuration is printed and recorded as a skipped part, any
   * other error of the server as a failed part (which fails the step).
   *
   * @param part what the call does, e.g. "connections"
   * @param call the call
   * @param <T> its result
   * @return the result, or empty when the server refused it or it failed
   */
  public static <T> Optional<T> refusable(String part, Supplier<T> call) {
    try {
      T result = call.get();
      passPart();
      return Optional.ofNullable(result);
    } catch (AtlasException e) {
      if (isRefusal(e)) {
        skipPart(part, reason(e));
      } else {
        failPart(part, reason(e));
      }
      return Optional.empty();
    }
  }

  /** Records that a part of the current step worked: a step with a passed part is not skipped as a whole. */
  public static synchronized void passPart() {
    passedParts++;
  }

  /**
   * Records a part of the current step as failed, and prints it; the step then fails.
   *
   * @param part what failed
   * @param reason why (the server's answer as sent)
   */
  public static synchronized void failPart(String part, String reason) {
    System.out.println("(FAILED " + part + ": " + reason + ")");
    failedParts.add(part + ": " + reason);
  }

  /**
   * Records a part of the current step as skipped, and prints it.
   *
   * @param part what was not done
   * @param reason why
   */
  public static synchronized void skipPart(String part, String reason) {
    System.out.println("(skipped " + part + ": " + reason + ")");
    currentParts.add(part + ": " + reason);
  }

  /**
   * Ends the current step as skipped.
   *
   * @param reason why it cannot run here
   * @return never returns normally; {@code throw Outcomes.skipStep(...)} reads best
   */
  public static RuntimeException skipStep(String reason) {
    throw new Skipped(reason);
  }

  /**
   * Runs a step and records its outcome; a refusal that ends the step makes it skipped.
   *
   * @param name the step's name
   * @param step the step
   * @return its outcome
   */
  public Step run(String name, Runnable step) {
    synchronized (Outcomes.class) {
      currentParts.clear();
      failedParts.clear();
      passedParts = 0;
    }
    Step outcome;
    try {
      step.run();
      outcome = ended();
    } catch (Skipped e) {
      outcome = skipped(e.getMessage());
    } catch (AtlasException e) {
      outcome = isRefusal(e) ? skipped(reason(e)) : failed(e);
    } catch (RuntimeException | AssertionError e) {
      outcome = failed(e);
    }
    if (outcome.status() != Status.PASSED) {
      System.out.println(outcome.status() == Status.SKIPPED ? "(skipped: " + outcome.detail() + ")"
          : "FAILED: " + outcome.detail());
    }
    steps.put(name, outcome);
    return outcome;
  }

  /** @return the outcome of a step that ran to its end: failed by a failed part, skipped when every part was */
  private static synchronized Step ended() {
    if (!failedParts.isEmpty()) {
      return new Step(Status.FAILED, failedParts.size() + " part(s) failed: " + String.join("; ", failedParts), parts(),
          failures());
    }
    if (!currentParts.isEmpty() && passedParts == 0) {
      return new Step(Status.SKIPPED, "every part was skipped: " + String.join("; ", currentParts), parts(), failures());
    }
    return new Step(Status.PASSED, "", parts(), failures());
  }

  /** @return a step that ended refused: skipped, unless a part of it had failed before */
  private static synchronized Step skipped(String reason) {
    if (!failedParts.isEmpty()) {
      return new Step(Status.FAILED, failedParts.size() + " part(s) failed: " + String.join("; ", failedParts)
          + "; then skipped: " + reason, parts(), failures());
    }
    return new Step(Status.SKIPPED, reason, parts(), failures());
  }

  private Step failed(Throwable e) {
    StringBuilder sb = new StringBuilder(e.toString());
    for (Throwable s : e.getSuppressed()) {
      sb.append("; then ").append(s);
    }
    List<String> partsFailed = failures();
    if (!partsFailed.isEmpty()) {
      sb.append("; before it, failed ").append(String.join("; ", partsFailed));
    }
    return new Step(Status.FAILED, sb.toString(), parts(), partsFailed);
  }

  private static synchronized List<String> parts() {
    return List.copyOf(currentParts);
  }

  private static synchronized List<String> failures() {
    return List.copyOf(failedParts);
  }

  /** @return the outcome of every step run, in order */
  public Map<String, Step> steps() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(steps));
  }

  /** @return whether a step failed */
  public boolean anyFailed() {
    return steps.values().stream().anyMatch(s -> s.status() == Status.FAILED);
  }

  /** Prints one line per step, and the counts. */
  public void printSummary() {
    Examples.heading("Summary");
    steps.forEach((name, s) -> {
      String text = switch (s.status()) {
        case PASSED -> "passed" + (s.skippedParts().isEmpty() ? "" : "; skipped " + String.join("; ", s.skippedParts()));
        case SKIPPED -> "skipped: " + s.detail();
        case FAILED -> "FAILED: " + s.detail();
      };
      System.out.printf("  %-20s %s%n", name, text);
    });
    long passed = steps.values().stream().filter(s -> s.status() == Status.PASSED).count();
    long skipped = steps.values().stream().filter(s -> s.status() == Status.SKIPPED).count();
    System.out.printf("%d steps: %d passed, %d skipped, %d failed%n", steps.size(), passed, skipped,
        steps.size() - passed - skipped);
  }
}
