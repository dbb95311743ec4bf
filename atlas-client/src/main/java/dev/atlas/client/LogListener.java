package dev.atlas.client;

import dev.atlas.client.errors.AtlasException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The client's own log, written as a listener: one line per call, retry and stream end at INFO;
 * the first event of a stream at DEBUG. Lines go to stderr when no logging framework is bound to
 * {@link System.Logger} (the JDK's default would hide DEBUG and print INFO on two lines), else to the
 * {@code System.Logger} named {@code dev.atlas.client}, where the framework's configuration decides.
 */
final class LogListener implements AtlasListener {
  static final String LOGGER = "dev.atlas.client";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

  private final Consumer<String> info;
  private final Consumer<String> debug;

  LogListener(Consumer<String> info, Consumer<String> debug) {
    this.info = info;
    this.debug = debug;
  }

  /**
   * @param level INFO or DEBUG
   * @param finder the process's logger finder
   * @param err where lines go when no framework is bound
   * @param redact masks the client's credentials in a line (a server may echo them)
   * @return the listener
   */
  static LogListener create(AtlasLogLevel level, System.LoggerFinder finder, PrintStream err,
      UnaryOperator<String> redact) {
    Consumer<String> info = sink(System.Logger.Level.INFO, finder, err, redact);
    Consumer<String> debug = level == AtlasLogLevel.DEBUG ? sink(System.Logger.Level.DEBUG, finder, err, redact)
        : line -> {};
    return new LogListener(info, debug);
  }

  /**
   * @param level the level of the lines
   * @param finder the process's logger finder
   * @param err where lines go when no framework is bound
   * @param redact masks the client's credentials in a line
   * @return a sink for lines of that level
   */
  static Consumer<String> sink(System.Logger.Level level, System.LoggerFinder finder, PrintStream err,
      UnaryOperator<String> redact) {
    if (!frameworkBound(finder)) {
      String prefix = " atlas " + level.getName() + " ";
      return line -> err.println(LocalTime.now().format(TIME) + prefix + redact.apply(line));
    }
    System.Logger logger = finder.getLogger(LOGGER, LogListener.class.getModule());
    return line -> logger.log(level, redact.apply(line));
  }

  /** @return whether a logging framework (or a configured java.util.logging) receives System.Logger's lines */
  static boolean frameworkBound(System.LoggerFinder finder) {
    String name = finder.getClass().getName();
    boolean jdkDefault = name.startsWith("jdk.internal.logger.") || name.startsWith("sun.util.logging.");
    return !jdkDefault || System.getProperty("java.util.logging.config.file") != null
        || System.getProperty("java.util.logging.config.class") != null;
  }

  @Override
  public void retrying(CallInfo call, int attempt, AtlasException failure, Duration delay) {
    info.accept(call.method() + " " + call.path() + " attempt " + attempt + " failed (" + failure.getMessage()
        + "), retrying in " + seconds(delay));
  }

  @Override
  public void callEnded(CallInfo call, CallResult r) {
    StringBuilder sb = new StringBuilder(call.method()).append(' ').append(call.path()).append(" -> ");
    if (r.outcome() == CallOutcome.SUCCESS) {
      sb.append(r.status().orElse(0));
    } else if (r.outcome() == CallOutcome.CANCELLED) {
      sb.append("cancelled");
    } else {
      sb.append("failed: ").append(r.error().map(Throwable::getMessage).orElse(r.outcome().name()));
    }
    sb.append(" in ").append(r.duration().toMillis()).append(" ms (")
        .append(r.attempts() == 1 ? "attempt 1" : r.attempts() + " attempts");
    r.requestId().ifPresent(id -> sb.append(", request id ").append(id));
    info.accept(sb.append(')').toString());
  }

  @Override
  public void streamFirstEvent(CallInfo call, Duration sinceStart) {
    debug.accept(call.method() + " " + call.path() + " first event after " + sinceStart.toMillis() + " ms");
  }

  @Override
  public void streamEnded(CallInfo call, StreamResult r) {
    info.accept(call.method() + " " + call.path() + " stream ended: " + r.outcome() + ", " + r.events() + " events in "
        + r.duration().toMillis() + " ms" + r.error().map(e -> " (" + e.getMessage() + ")").orElse(""));
  }

  private static String seconds(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
