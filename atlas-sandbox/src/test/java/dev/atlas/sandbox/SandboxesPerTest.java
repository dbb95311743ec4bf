package dev.atlas.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * Sandboxes and clients a test starts for itself, each configured its own way: closed after the
 * test, whose every exchange through {@link #spec} must have matched the spec.
 */
abstract class SandboxesPerTest {
  /** The spec validator the test's clients add as a network interceptor. */
  final SpecValidatingInterceptor spec = new SpecValidatingInterceptor();
  private final List<AutoCloseable> open = new ArrayList<>();

  /** @return the started sandbox, closed after the test */
  AtlasSandbox start(AtlasSandbox.Builder builder) {
    return closeAfter(builder.start());
  }

  /** @return the value, closed after the test (in the order given) */
  <T extends AutoCloseable> T closeAfter(T value) {
    open.add(value);
    return value;
  }

  @AfterEach
  void closeAndCheckTheSpec() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
    assertThat(spec.problems).isEmpty();
  }
}
