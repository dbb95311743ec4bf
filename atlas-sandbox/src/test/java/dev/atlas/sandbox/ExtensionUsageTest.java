package dev.atlas.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atlas.client.AtlasClient;
import dev.atlas.client.errors.AtlasRateLimitException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The testing kit as a user writes it: one annotation, then inject what you need. */
@WithAtlasSandbox
class ExtensionUsageTest {
  private final AtlasSandbox sandbox;

  ExtensionUsageTest(AtlasSandbox sandbox) {
    this.sandbox = sandbox;
  }

  @AfterEach
  void clearFaults() {
    sandbox.injectFault(null);
  }

  @Test
  void myReportCodeGetsRealRows(AtlasClient atlas) {
    var answer = atlas.query("What is the average order value?");
    assertThat(answer.getData().get(0).getRows().get(0).get("average_order_value")).isInstanceOf(String.class);
    assertThat(sandbox.requestCount()).isPositive();
  }

  @Test
  void myCodeCopesWithRateLimits(AtlasClient atlas, AtlasSandbox injected) {
    assertThat(injected).isSameAs(sandbox);
    sandbox.injectFault(Fault.RATE_LIMIT);
    AtlasClient noRetries = atlas.withOptions(b -> b.maxRetries(0));
    assertThatThrownBy(() -> noRetries.conversations().list()).isInstanceOf(AtlasRateLimitException.class);
  }

  @Test
  void theSameSandboxAndClientServeTheWholeClass(AtlasClient atlas, AtlasClient again) {
    assertThat(atlas).isSameAs(again);
    assertThat(atlas.baseUrl()).isEqualTo(sandbox.baseUrl());
  }
}
