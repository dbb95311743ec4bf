package dev.atlas.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which operations a sandbox answered, and how often. With the system property
 * {@value #PROPERTY} naming a directory, every sandbox of the JVM also appends each operationId
 * it answers for the first time to {@code sandbox-<pid>.txt} there: a test suite's record of the
 * operations its tests reached (the build's operation coverage check reads it).
 */
final class OperationJournal {
  /** The system property naming the directory of the journal files. */
  static final String PROPERTY = "atlas.sandbox.journal";
  private static final Set<String> WRITTEN = ConcurrentHashMap.newKeySet();

  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

  void record(String operationId) {
    counts.computeIfAbsent(operationId, k -> new AtomicInteger()).incrementAndGet();
    String dir = System.getProperty(PROPERTY);
    if (dir != null && !dir.isBlank() && WRITTEN.add(operationId)) {
      append(Path.of(dir), operationId);
    }
  }

  /** @return a copy of the counts, by operationId in alphabetical order */
  Map<String, Integer> counts() {
    Map<String, Integer> copy = new TreeMap<>();
    counts.forEach((k, v) -> copy.put(k, v.get()));
    return copy;
  }

  private static synchronized void append(Path dir, String operationId) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("sandbox-" + ProcessHandle.current().pid() + ".txt"), operationId + "\n",
          StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      // a journal is a report: a request never fails for it
      System.err.println("atlas-sandbox: cannot write the operation journal in " + dir + ": " + e);
    }
  }
}
