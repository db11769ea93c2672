package io.logpipe.shipper.journal;

import io.logpipe.runtime.health.HealthState;
import io.logpipe.runtime.health.ServiceMetrics;
import io.logpipe.runtime.service.Service;
import io.logpipe.schemas.Topics;
import io.logpipe.shipper.Backoff;
import io.logpipe.shipper.ShipperConfig;
import io.logpipe.shipper.deliver.FirstFailure;
import io.logpipe.shipper.deliver.ProducerSettings;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the node's journal (issue 9): {@code journalctl -o json --follow} for the configured units, from the cursor
 * committed last, each entry a {@code LogEvent} on {@code logs.enriched.v1} ({@link JournalEvents}), and the cursor of
 * a batch's last entry in the same transaction ({@link JournalCursorStore}). So a read_committed reader sees every
 * entry once: after a crash the new producer ({@code transactional.id <prefix>-shipper-<node>-journal}) aborts what
 * was open, and journalctl starts again after the committed cursor.
 *
 * <p>Failures are never a silent stop: journalctl missing, or exiting, and Kafka failing, each close the session,
 * count a restart by reason, mark the service not ready with the reason, and start over from the committed cursor
 * after a jittered back-off (0.2 s doubling to {@code SHIPPER_JOURNAL_MAX_BACKOFF}). Fenced or refused by ACLs: fatal.
 */
public final class JournalShipper implements Service {

  private static final Logger LOG = LoggerFactory.getLogger(JournalShipper.class);
  private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration POLL = Duration.ofMillis(100);

  private final ShipperConfig shipper;
  private final JournalConfig config;
  private final ServiceMetrics serviceMetrics;
  private final JournalMetrics metrics;
  private final Clock clock;
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private volatile long committedEntries;

  public JournalShipper(ShipperConfig shipper, JournalConfig config, ServiceMetrics metrics, Clock clock) {
    this.shipper = shipper;
    this.config = config;
    this.serviceMetrics = metrics;
    this.metrics = new JournalMetrics(metrics);
    this.clock = clock;
  }

  /** {@code <prefix>-shipper-<node>-journal}: fences only a predecessor of this node's journal source. */
  public String transactionalId() {
    return shipper.transactionalId() + "-journal";
  }

  @Override
  public void run(HealthState health) throws Exception {
    Backoff backoff = new Backoff(Duration.ofMillis(200), config.maxBackoff());
    while (!stopping()) {
      Producer<String, byte[]> producer = new KafkaProducer<>(producerSettings());
      try {
        serviceMetrics.bind(producer);
        health.markNotReady("journal: connecting to Kafka and loading the cursor");
        producer.initTransactions();
        Optional<String> cursor = JournalCursorStore.load(shipper.kafka().clientProperties(), shipper.nodeName(),
            LOAD_TIMEOUT);
        List<String> command = config.command(cursor);
        LOG.info("following the journal: {}", String.join(" ", command));
        try (JournalProcess journal = JournalProcess.start(command, config.maxEntryBytes(),
            () -> metrics.dropped(JournalMetrics.Drop.TOO_LARGE))) {
          health.markReady();
          follow(producer, journal, backoff);
        }
      } catch (ProducerFencedException | InvalidProducerEpochException | AuthenticationException
          | AuthorizationException fatal) {
        throw fatal;
      } catch (JournalProcess.Exited e) {
        retry(health, JournalMetrics.Restart.JOURNALCTL_EXITED, e.getMessage(), backoff);
      } catch (IOException e) {
        retry(health, JournalMetrics.Restart.JOURNALCTL_MISSING, "cannot run " + config.journalctl() + ": "
            + e.getMessage(), backoff);
      } catch (Exception e) {
        if (stopping()) {
          break;
        }
        retry(health, JournalMetrics.Restart.KAFKA, e.toString(), backoff);
      } finally {
        producer.close(CLOSE_TIMEOUT); // bounded: with Kafka away, pending sends are abandoned (the transaction too)
      }
    }
  }

  private void retry(HealthState health, JournalMetrics.Restart why, String message, Backoff backoff)
      throws InterruptedException {
    if (stopping()) {
      return;
    }
    metrics.restarted(why);
    health.markNotReady("journal: " + message);
    LOG.warn("journal source restarting from the committed cursor ({}): {}", why, message);
    stopRequested.await(backoff.next().toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Batches entries into transactions until stopped (then commits what it holds) or journalctl ends (throws). */
  private void follow(Producer<String, byte[]> producer, JournalProcess journal, Backoff backoff) throws Exception {
    List<JournalEntry> batch = new ArrayList<>();
    Instant openedAt = null;
    while (!stopping()) {
      Duration wait = openedAt == null ? POLL
          : config.commitInterval().minus(Duration.between(openedAt, clock.instant()));
      String line;
      try {
        line = journal.poll(wait.isNegative() ? Duration.ZERO : wait);
      } catch (JournalProcess.Exited exited) {
        commit(producer, batch); // what came before the exit is good
        throw exited;
      }
      if (line != null) {
        Optional<JournalEntry> entry = JournalEntry.parse(line);
        if (entry.isEmpty()) {
          metrics.dropped(JournalMetrics.Drop.NOT_AN_ENTRY);
        } else {
          if (batch.isEmpty()) {
            openedAt = clock.instant();
          }
          batch.add(entry.get());
        }
      }
      boolean due = openedAt != null && !Duration.between(openedAt, clock.instant()).minus(config.commitInterval())
          .isNegative();
      if (!batch.isEmpty() && (batch.size() >= config.batchEntries() || due)) {
        commit(producer, batch);
        openedAt = null;
        backoff.reset();
      }
    }
    commit(producer, batch);
  }

  private void commit(Producer<String, byte[]> producer, List<JournalEntry> batch) {
    if (batch.isEmpty()) {
      return;
    }
    String node = shipper.nodeName();
    FirstFailure failure = new FirstFailure();
    producer.beginTransaction();
    for (JournalEntry entry : batch) {
      failure.check();
      producer.send(new ProducerRecord<>(Topics.ENRICHED.name(), JournalEvents.key(node, entry).toString(),
          Topics.LOG_EVENT.encode(JournalEvents.event(node, entry))), failure);
    }
    JournalEntry last = batch.get(batch.size() - 1);
    producer.send(new ProducerRecord<>(Topics.POSITIONS.name(), JournalCursorStore.key(node),
        JournalCursorStore.value(node, last, clock.instant())), failure);
    producer.commitTransaction(); // throws if a send failed: the session ends and the next one aborts it
    failure.check();
    committedEntries += batch.size();
    metrics.committed(batch.size());
    batch.clear();
  }

  private Map<String, Object> producerSettings() {
    return ProducerSettings.forSource(shipper, transactionalId(), Map.of());
  }

  /** Entries committed by this instance so far. */
  public long committedEntries() {
    return committedEntries;
  }

  /** journalctl restarts so far for {@code reason} (tests and the README's failure table). */
  double restarts(JournalMetrics.Restart reason) {
    return metrics.restarts(reason);
  }

  private boolean stopping() {
    return stopRequested.getCount() == 0;
  }

  @Override
  public void stop() {
    stopRequested.countDown();
  }
}
