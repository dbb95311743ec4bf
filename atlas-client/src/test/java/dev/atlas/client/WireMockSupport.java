package dev.atlas.client;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A WireMock server on 127.0.0.1 and a client pointed at it, per test class. */
abstract class WireMockSupport {
  static final String API_KEY = "sk-test-5f2c9e1a7b3d";

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
      .build();

  private AtlasClient client;

  /** @return a client with an API key as Bearer, created lazily and closed after the test */
  AtlasClient client() {
    if (client == null) {
      client = builder().apiKey(API_KEY).build();
    }
    return client;
  }

  /** Delays the client asked for between retries, in order; nothing in the suite really sleeps. */
  static final List<java.time.Duration> SLEPT = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Records the delay and returns at once. */
  static final dev.atlas.client.retry.Sleeper NO_SLEEP = new dev.atlas.client.retry.Sleeper() {
    @Override
    public void sleep(java.time.Duration delay) {
      SLEPT.add(delay);
    }

    @Override
    public java.util.concurrent.CompletableFuture<Void> after(java.time.Duration delay) {
      SLEPT.add(delay);
      return java.util.concurrent.CompletableFuture.completedFuture(null);
    }
  };

  /** @return a builder pointed at the WireMock server, without credentials set, that never really sleeps */
  static AtlasClientBuilder builder() {
    return AtlasClient.builder().baseUrl(wm.baseUrl()).sleeper(NO_SLEEP);
  }

  /** @return a builder for another server, that never really sleeps */
  static AtlasClientBuilder builderFor(String baseUrl) {
    return AtlasClient.builder().baseUrl(baseUrl).sleeper(NO_SLEEP);
  }

  @org.junit.jupiter.api.BeforeEach
  void clearSleeps() {
    SLEPT.clear();
  }

  /** @return every request WireMock received in this test */
  static List<LoggedRequest> received() {
    List<LoggedRequest> all = new java.util.ArrayList<>(wm.getAllServeEvents().stream().map(e -> e.getRequest()).toList());
    java.util.Collections.reverse(all);
    return all;
  }

  /** @return the one request WireMock received */
  static LoggedRequest onlyRequest() {
    List<LoggedRequest> all = received();
    if (all.size() != 1) {
      throw new AssertionError("expected exactly one request, got " + all.size());
    }
    return all.get(0);
  }

  @AfterEach
  void recordOperations() {
    OperationJournal.record(wm.getAllServeEvents());
  }

  @AfterEach
  void closeClient() {
    if (client != null) {
      client.close();
      client = null;
    }
  }
}
