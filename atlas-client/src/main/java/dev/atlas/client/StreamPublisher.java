package dev.atlas.client;

import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A cold {@link Flow.Publisher} of stream events: each subscription opens its own stream. Reads
 * happen on the given executor only while the subscriber has demand, so backpressure is honoured
 * without holding a thread while the subscriber waits; {@code cancel()} closes the HTTP call.
 * Signals to one subscriber are serialized. If the executor rejects a task, the subscriber gets
 * {@code onError} with the {@link RejectedExecutionException} and the stream is closed.
 */
public final class StreamPublisher implements Flow.Publisher<StreamEvent> {
  private final Supplier<AtlasStream> opener;
  private final Executor executor;

  /**
   * @param opener opens the stream when a subscriber first requests (may throw an {@code AtlasException})
   * @param executor runs the reads
   */
  StreamPublisher(Supplier<AtlasStream> opener, Executor executor) {
    this.opener = Objects.requireNonNull(opener, "opener");
    this.executor = Objects.requireNonNull(executor, "executor");
  }

  @Override
  public void subscribe(Flow.Subscriber<? super StreamEvent> subscriber) {
    Objects.requireNonNull(subscriber, "subscriber");
    Sub s = new Sub(subscriber);
    subscriber.onSubscribe(s);
  }

  private final class Sub implements Flow.Subscription, Runnable {
    private final Flow.Subscriber<? super StreamEvent> subscriber;
    private final AtomicLong demand = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile boolean cancelled;
    private volatile AtlasStream stream;
    private Iterator<StreamEvent> events;
    private Throwable badRequest;

    Sub(Flow.Subscriber<? super StreamEvent> subscriber) {
      this.subscriber = subscriber;
    }

    @Override
    public void request(long n) {
      if (n <= 0) {
        badRequest = new IllegalArgumentException("request(" + n + "): demand must be positive (rule 3.9)");
      } else {
        demand.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
      }
      schedule();
    }

    @Override
    public void cancel() {
      cancelled = true;
      AtlasStream s = stream;
      if (s != null) {
        s.close();
      }
      schedule(); // lets a parked drain release the stream
    }

    private void schedule() {
      if (wip.getAndIncrement() == 0) {
        try {
          executor.execute(this);
        } catch (RejectedExecutionException e) {
          fail(e);
        }
      }
    }

    @Override
    public void run() {
      int missed = 1;
      do {
        drain();
        missed = wip.addAndGet(-missed);
      } while (missed != 0);
    }

    private void drain() {
      if (done.get()) {
        return;
      }
      if (cancelled) {
        closeQuietly();
        done.set(true);
        return;
      }
      if (badRequest != null) {
        fail(badRequest);
        return;
      }
      try {
        if (events == null) {
          if (demand.get() == 0) {
            return;
          }
          stream = opener.get();
          events = stream.iterator();
          if (cancelled) {
            closeQuietly();
            return;
          }
        }
        while (demand.get() > 0 && !cancelled) {
          if (!events.hasNext()) {
            if (done.compareAndSet(false, true)) {
              closeQuietly();
              if (!cancelled) {
                subscriber.onComplete();
              }
            }
            return;
          }
          StreamEvent e = events.next();
          demand.decrementAndGet();
          subscriber.onNext(e);
        }
      } catch (RuntimeException e) {
        if (!cancelled) {
          fail(e);
        } else {
          closeQuietly();
        }
      }
    }

    private void fail(Throwable t) {
      if (done.compareAndSet(false, true)) {
        closeQuietly();
        subscriber.onError(t);
      }
    }

    private void closeQuietly() {
      AtlasStream s = stream;
      if (s != null) {
        s.close();
      }
    }
  }
}
