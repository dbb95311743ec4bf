package dev.atlas.sandbox;

import java.nio.file.Path;
import java.util.Map;
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

  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

  void record(String operationId) {
    counts.computeIfAbsent(operationId, k -> new AtomicInteger()).incrementAndGet();
    String dir = System.getProperty(PROPERTY);
    if (dir != null && !dir.isBlank()) {
      dev.atlas.client.spec.OperationJournal.append(Path.of(dir), "sandbox", operationId);
    }
  }

  /** @return a copy of the counts, by operationId in alphabetical order */
  Map<String, Integer> counts() {
    Map<String, Integer> copy = new TreeMap<>();
    counts.forEach((k, v) -> copy.put(k, v.get()));
    return copy;
  }
}
