package dev.atlas.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atlas.client.errors.AtlasRateLimitException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** Many cancelled streams leave nothing behind; the Flow publisher honours demand and cancel. */
class StreamLifecycleTest extends WireMockSupport {

  static Set<Long> liveThreadIds() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getId)
        .collect(Collectors.toSet());
  }

  static List<String> newThreads(Set<Long> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && !before.contains(t.getId()))
        .map(Thread::getName)
        .filter(n -> !n.startsWith("raw-http-server") && !n.startsWith("test-"))
        .collect(Collectors.toList());
  }

  @Test
  void aThousandStreamsCancelledAtRandomPointsLeaveNoConnectionOrThreadBehind() throws Exception {
    try (RawHttpServer server = new RawHttpServer(x -> {
      x.startEventStream("x-run-id: r");
      for (int i = 0; i < 400; i++) {
        x.chunk("data: {\"type\":\"text-delta\",\"delta\":\"" + i + " \"}\n\n");
      }
      x.chunk("data: [DONE]\n\n");
      x.end();
    })) {
      OkHttpClient http = new OkHttpClient();
      Set<Long> before = liveThreadIds();
      AtomicInteger events = new AtomicInteger();
      AtomicInteger cancelledByOtherThread = new AtomicInteger();
      try (AtlasClient c = builderFor(server.baseUrl()).apiKey(API_KEY).httpClient(http).build()) {
        ExecutorService readers = Executors.newFixedThreadPool(8, r -> new Thread(r, "test-reader"));
        ExecutorService closers = Executors.newFixedThreadPool(2, r -> new Thread(r, "test-closer"));
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          int seed = t;
          work.add(readers.submit(() -> {
            Random r = new Random(seed);
            for (int i = 0; i < 125; i++) {
              int stopAfter = r.nextInt(60);
              boolean fromOtherThread = r.nextInt(3) == 0;
              // detached: this test is about connections; stopping runs on close is RunsTest's
              try (AtlasStream stream = c.streamQuery("q", StreamQueryParams.defaults().withDetached(true))) {
                int n = 0;
                for (StreamEvent e : stream) {
                  events.incrementAndGet();
                  if (++n == stopAfter) {
                    if (fromOtherThread) {
                      closers.submit(stream::close).get();
                      cancelledByOtherThread.incrementAndGet();
                    } else {
                      break;
                    }
                  }
                }
              }
            }
            return null;
          }));
        }
        for (Future<?> f : work) {
          f.get(120, TimeUnit.SECONDS);
        }
        readers.shutdown();
        closers.shutdown();
        assertThat(readers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(closers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
      }
      assertThat(events.get()).isPositive();
      assertThat(cancelledByOtherThread.get()).isPositive();
      assertThat(http.dispatcher().runningCallsCount()).isZero();
      assertThat(http.connectionPool().connectionCount() - http.connectionPool().idleConnectionCount())
          .as("connections in use").isZero();
      http.connectionPool().evictAll();
      assertThat(http.connectionPool().connectionCount()).isZero();
      // OkHttp's pool-cleanup threads idle out on their own; everything else must be gone
      List<String> left = newThreads(before);
      left.removeIf(n -> n.startsWith("OkHttp "));
      assertThat(left).as("threads started by the streams").isEmpty();
    }
  }

  static final String FRAMES = "data: {\"type\":\"text-delta\",\"delta\":\"a\"}\n\n"
      + "data: {\"type\":\"text-delta\",\"delta\":\"b\"}\n\n"
      + "data: {\"type\":\"text-delta\",\"delta\":\"c\"}\n\n"
      + "data: {\"type\":\"finish\",\"finishReason\":\"stop\"}\n\ndata: [DONE]\n\n";

  /** Records signals; requests only what the test asks for. */
  static final class Recorder implements Flow.Subscriber<StreamEvent> {
    final List<StreamEvent> items = new ArrayList<>();
    final CountDownLatch terminated = new CountDownLatch(1);
    final AtomicReference<Throwable> error = new AtomicReference<>();
    volatile boolean completed;
    Flow.Subscription subscription;
    final CountDownLatch[] received = {new CountDownLatch(1), new CountDownLatch(2), new CountDownLatch(3),
        new CountDownLatch(4)};

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
    }

    @Override
    public synchronized void onNext(StreamEvent item) {
      items.add(item);
      for (CountDownLatch l : received) {
        l.countDown();
      }
    }

    @Override
    public void onError(Throwable t) {
      error.set(t);
      terminated.countDown();
    }

    @Override
    public void onComplete() {
      completed = true;
      terminated.countDown();
    }

    synchronized int count() {
      return items.size();
    }
  }

  @Test
  void thePublisherDeliversOnlyWhatWasRequested() throws Exception {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(FRAMES)));
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      Recorder r = new Recorder();
      client().streamQueryPublisher("q", StreamQueryParams.defaults(), executor).subscribe(r);
      assertThat(received()).as("nothing is requested before demand").isEmpty();
      r.subscription.request(1);
      assertThat(r.received[0].await(10, TimeUnit.SECONDS)).isTrue();
      // the drain task returns when demand is spent: a task queued after it runs only then
      executor.submit(() -> null).get(10, TimeUnit.SECONDS);
      assertThat(r.count()).isEqualTo(1);
      r.subscription.request(2);
      assertThat(r.received[2].await(10, TimeUnit.SECONDS)).isTrue();
      executor.submit(() -> null).get(10, TimeUnit.SECONDS);
      assertThat(r.count()).isEqualTo(3);
      assertThat(r.completed).isFalse();
      r.subscription.request(Long.MAX_VALUE);
      assertThat(r.terminated.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(r.completed).isTrue();
      assertThat(r.items).hasSize(4).last().isEqualTo(new StreamEvent.Finish("stop"));
      assertThat(received()).hasSize(1);
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void cancellingTheSubscriptionClosesTheCall() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (RawHttpServer server = new RawHttpServer(x -> {
      x.startEventStream();
      x.chunk("data: {\"type\":\"text-delta\",\"delta\":\"a\"}\n\n");
      release.await(30, TimeUnit.SECONDS);
    })) {
      OkHttpClient http = new OkHttpClient();
      AtlasClient c = builderFor(server.baseUrl()).apiKey(API_KEY).httpClient(http).build();
      Recorder r = new Recorder();
      c.streamQueryPublisher("q", StreamQueryParams.defaults()).subscribe(r);
      r.subscription.request(10);
      assertThat(r.received[0].await(10, TimeUnit.SECONDS)).isTrue();
      var pool = http.connectionPool();
      assertThat(pool.connectionCount() - pool.idleConnectionCount()).as("in use while streaming").isEqualTo(1);
      r.subscription.cancel();
      // the reader blocked on the stalled server is released and the connection let go
      for (int i = 0; i < 1000 && pool.connectionCount() - pool.idleConnectionCount() > 0; i++) {
        Thread.sleep(10);
      }
      assertThat(pool.connectionCount() - pool.idleConnectionCount()).as("in use after cancel").isZero();
      c.close();
      assertThat(r.error.get()).isNull();
      assertThat(r.completed).isFalse();
      assertThat(r.count()).isEqualTo(1);
    } finally {
      release.countDown();
    }
  }

  @Test
  void errorsBeforeTheStreamAndRejectedTasksReachOnError() throws Exception {
    wm.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"rate_limited\",\"message\":\"slow\"}")));
    Recorder r = new Recorder();
    client().streamQueryPublisher("q", StreamQueryParams.defaults()).subscribe(r);
    r.subscription.request(1);
    assertThat(r.terminated.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(r.error.get()).isInstanceOf(AtlasRateLimitException.class);

    Recorder rejected = new Recorder();
    client().streamQueryPublisher("q", StreamQueryParams.defaults(), task -> {
      throw new RejectedExecutionException("full");
    }).subscribe(rejected);
    rejected.subscription.request(1);
    assertThat(rejected.terminated.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(rejected.error.get()).isInstanceOf(RejectedExecutionException.class);

    Recorder bad = new Recorder();
    client().streamQueryPublisher("q", StreamQueryParams.defaults()).subscribe(bad);
    bad.subscription.request(0);
    assertThat(bad.terminated.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(bad.error.get()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3.9");
  }
}
