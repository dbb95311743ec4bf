package dev.atlas.client.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test suite's record of the operations its tests reached: each operationId is appended once
 * per JVM and kind to {@code <kind>-<pid>.txt} in a directory (the Atlas build's operation
 * coverage check reads these files; the sandbox writes one when {@code atlas.sandbox.journal} is set).
 */
public final class OperationJournal {
  private static final Set<String> WRITTEN = ConcurrentHashMap.newKeySet();

  private OperationJournal() {}

  /**
   * Appends an operationId to this JVM's journal of a kind, unless it is there already. A journal
   * is a report: a failure to write it is printed on standard error, never thrown.
   *
   * @param dir the journal directory, created when missing
   * @param kind the journal's kind, e.g. {@code sandbox} or {@code wiremock}
   * @param operationId the operation reached
   */
  public static void append(Path dir, String kind, String operationId) {
    if (!WRITTEN.add(dir + "\0" + kind + "\0" + operationId)) {
      return;
    }
    synchronized (OperationJournal.class) {
      try {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(kind + "-" + ProcessHandle.current().pid() + ".txt"), operationId + "\n",
            StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        System.err.println("Cannot write the operation journal in " + dir + ": " + e);
      }
    }
  }
}
