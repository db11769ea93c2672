package io.logpipe.shipper;

import io.logpipe.runtime.health.HealthState;
import io.logpipe.runtime.health.ServiceMetrics;
import io.logpipe.runtime.service.Service;
import io.logpipe.shipper.deliver.AtLeastOnceDelivery;
import io.logpipe.shipper.deliver.Delivery;
import io.logpipe.shipper.deliver.TransactionalDelivery;
import io.logpipe.shipper.discovery.ChangeWatcher;
import io.logpipe.shipper.discovery.Discovery;
import io.logpipe.shipper.discovery.LogFileFilter;
import io.logpipe.shipper.tail.Committed;
import io.logpipe.shipper.tail.FileSlice;
import io.logpipe.shipper.tail.ReaderLoop;
import io.logpipe.shipper.tail.ShipProgress;
import io.logpipe.shipper.tail.SliceQueue;
import io.logpipe.shipper.tail.Tailer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shipper service: a reader thread tails the files into the bounded queue, and this loop delivers batches from
 * it, each with the files' new positions (issue 3). Any delivery failure closes the connection, reconnects with
 * back-off, reads the committed positions back and rewinds the reader to them: the files are the buffer, so nothing
 * is dropped and, in exactly-once mode, nothing repeated. Being fenced by a newer shipper of the same node, or
 * refused by the broker's ACLs, is fatal.
 *
 * <p>Run it with {@code ServiceRunner} ({@link ShipperCommand}), or in-process with {@link #start}, which returns
 * the running shipper as an {@link AutoCloseable} handle with {@link #awaitDrained}.
 */
public final class Shipper implements Service, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Shipper.class);
  private static final Duration DRAIN_POLL = Duration.ofMillis(100);

  private final ShipperConfig config;
  private final Clock clock;
  private final ShipperMetrics metrics;
  private final ShipProgress progress = new ShipProgress();
  private final SliceQueue queue;
  private final Supplier<Delivery> deliveries;
  private final Tailer.Scan scan;
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile Tailer tailer;
  private volatile Throwable failure;

  public Shipper(ShipperConfig config, ServiceMetrics serviceMetrics, Clock clock) {
    this(config, serviceMetrics, clock, podLogs(config), config.mode() == ShipperConfig.Mode.EXACTLY_ONCE
        ? () -> TransactionalDelivery.podLogs(config, clock, serviceMetrics::bind)
        : () -> new AtLeastOnceDelivery(config, serviceMetrics::bind));
  }

  /**
   * A shipper of other files (issue 9: extra node files, sidecar mode): the same reading, identity, rotation and
   * transactional positions as pod logs, with its own candidates ({@code scan}) and its own records and positions
   * ({@code deliveries}). {@code config} supplies the tail, queue, batch and interval settings.
   */
  public Shipper(ShipperConfig config, ServiceMetrics serviceMetrics, Clock clock, Tailer.Scan scan,
      Supplier<Delivery> deliveries) {
    this.config = config;
    this.clock = clock;
    this.metrics = new ShipperMetrics(serviceMetrics, progress);
    this.queue = new SliceQueue(config.queueBytes());
    this.deliveries = deliveries;
    this.scan = scan;
  }

  private static Tailer.Scan podLogs(ShipperConfig config) {
    LogFileFilter filter = new LogFileFilter(config.logRoot().getFileSystem(), config.includeGlobs(),
        config.excludeGlobs(), config.excludeNamespaces());
    return new Discovery(config.logRoot(), filter)::scan;
  }

  /**
   * Starts a shipper on its own thread, for {@code local}, {@code demo} and tests. Close the handle to stop it (the
   * open batch is finished first). {@code health} turns ready once positions are loaded and Kafka answers.
   */
  public static Shipper start(ShipperConfig config, ServiceMetrics metrics, HealthState health) {
    return start(new Shipper(config, metrics, Clock.systemUTC()), health);
  }

  /** As {@link #start(ShipperConfig, ServiceMetrics, HealthState)}, for a shipper built with its own sources. */
  public static Shipper start(Shipper shipper, HealthState health) {
    Thread thread = new Thread(() -> {
      try {
        shipper.run(health);
      } catch (Throwable e) {
        shipper.failure = e;
        health.markFailed("shipper failed: " + e);
        LOG.error("shipper failed", e);
      }
    }, "shipper");
    thread.start();
    return shipper;
  }

  @Override
  public void run(HealthState health) throws Exception {
    Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10));
    try (Tailer t = new Tailer(scan, config.tail(), clock, metrics, progress);
        ChangeWatcher watcher = new ChangeWatcher(config.logRoot())) {
      tailer = t;
      while (!stopping()) {
        try (Delivery delivery = deliveries.get()) {
          health.markNotReady("connecting to Kafka and loading positions");
          Committed committed = delivery.open();
          session(delivery, committed, t, watcher, health);
          backoff.reset();
        } catch (ProducerFencedException | InvalidProducerEpochException | AuthenticationException
            | AuthorizationException fatal) {
          throw fatal;
        } catch (ReaderFailed e) {
          throw e;
        } catch (Exception e) {
          if (stopping()) {
            break;
          }
          metrics.deliveryFailed();
          health.markNotReady("Kafka unavailable: " + e.getClass().getSimpleName());
          LOG.warn("delivery failed, reconnecting and rewinding to the committed positions: {}", e.toString());
          stopRequested.await(backoff.next().toMillis(), TimeUnit.MILLISECONDS);
        }
      }
    } finally {
      finished.countDown();
    }
  }

  /** One connection: rewind to what is committed, then deliver batches until stopped or failed. */
  private void session(Delivery delivery, Committed committed, Tailer t, ChangeWatcher watcher, HealthState health)
      throws Exception {
    queue.clear();
    t.resetTo(committed);
    ReaderLoop loop = new ReaderLoop(t, watcher, queue, clock, config.rescanInterval(), config.pollInterval());
    Thread reader = new Thread(loop, "shipper-reader");
    reader.start();
    health.markReady();
    OpenBatch batch = new OpenBatch(config.batchBytes(), config.commitInterval(), clock);
    try {
      while (!stopping()) {
        if (loop.failure() != null) {
          throw new ReaderFailed(loop.failure());
        }
        // Slices go out as they come (the producer sends in the background); the batch commits when full or due.
        take(delivery, batch, queue.drain(batch.room(), batch.isEmpty() ? DRAIN_POLL : batch.untilDue()));
        if (batch.shouldCommit()) {
          commit(delivery, batch);
        }
      }
      // Stopping: finish the open batch and what the reader already handed over: a clean stop leaves nothing behind.
      stopReader(loop, reader);
      for (List<FileSlice> more = queue.drain(batch.room(), Duration.ZERO); !more.isEmpty();
          more = queue.drain(batch.room(), Duration.ZERO)) {
        take(delivery, batch, more);
        if (batch.isFull()) {
          commit(delivery, batch);
        }
      }
      commit(delivery, batch);
    } finally {
      stopReader(loop, reader);
    }
  }

  private static void take(Delivery delivery, OpenBatch batch, List<FileSlice> slices) throws Exception {
    if (!slices.isEmpty()) {
      delivery.send(slices);
      batch.add(slices);
    }
  }

  private void commit(Delivery delivery, OpenBatch batch) throws Exception {
    if (batch.isEmpty()) {
      return;
    }
    delivery.commit(batch.slices());
    tailer.committed(batch.slices());
    metrics.batchShipped(batch.lines());
    batch.clear();
  }

  private static void stopReader(ReaderLoop loop, Thread reader) throws InterruptedException {
    loop.stop();
    reader.join();
  }

  private boolean stopping() {
    return stopRequested.getCount() == 0;
  }

  @Override
  public void stop() {
    stopRequested.countDown();
  }

  /** Stops and waits for the shipper to finish its open batch (bounded by the producer's timeouts). */
  @Override
  public void close() {
    stop();
    try {
      finished.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Bytes written to followed files but not yet committed (issue 3, "bytes behind"). */
  public long bytesBehind() {
    return progress.bytesBehind();
  }

  /** Files currently followed. */
  public int filesTracked() {
    return progress.filesTracked();
  }

  /** Lines committed so far. */
  public long linesShipped() {
    return (long) metrics.linesShipped();
  }

  /** Why the in-process shipper stopped on its own, if it did. */
  public Throwable failure() {
    return failure;
  }

  /**
   * Waits until every file under the log root, as found by a scan that started after this call, is committed to its
   * end (bytes behind = 0). False on timeout or failure. A file whose last line has no newline yet never drains.
   */
  public boolean awaitDrained(Duration timeout) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    long scansAtStart = progress.scans();
    while (Instant.now().isBefore(deadline) && failure == null && finished.getCount() > 0) {
      Tailer t = tailer;
      if (t != null) {
        t.wantRescan();
      }
      if (progress.scans() >= scansAtStart + 2 && progress.bytesBehind() == 0 && queue.isEmpty()) {
        return true;
      }
      stopRequested.await(DRAIN_POLL.toMillis(), TimeUnit.MILLISECONDS);
    }
    return false;
  }

  /** The reader thread failed (an I/O error other than a vanished file): fatal, the process exits non-zero. */
  static final class ReaderFailed extends IOException {
    ReaderFailed(Throwable cause) {
      super("reading the log files failed: " + cause, cause);
    }
  }
}
