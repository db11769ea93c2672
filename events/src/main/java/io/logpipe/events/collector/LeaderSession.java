package io.logpipe.events.collector;

import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.logpipe.events.EventsCollectorConfig;
import io.logpipe.events.convert.EventConverter;
import io.logpipe.events.convert.EventTime;
import io.logpipe.events.convert.Occurrences;
import io.logpipe.events.occurrence.Decision;
import io.logpipe.events.occurrence.EmittedLedger;
import io.logpipe.events.occurrence.Occurrence;
import io.logpipe.runtime.health.DropReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stretch of leadership: a fenced transactional producer, the state read back after fencing, and a fresh
 * cluster-wide informer whose initial list offers every Event again. Each step turns what the informer reported
 * into the occurrences not yet emitted and commits them with their state in one transaction. Any failure ends the
 * session; the collector opens a new one (re-fencing, re-reading, re-listing), so nothing in memory has to be
 * trusted across a failure.
 */
final class LeaderSession implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LeaderSession.class);

  private final EventsCollectorConfig config;
  private final EventsMetrics metrics;
  private final Clock clock;
  private final TransactionalEmitter emitter;
  private final EmittedLedger ledger;
  private final EventConverter converter;
  private final PendingEvents pending = new PendingEvents();
  private SharedIndexInformer<Event> informer;

  private LeaderSession(EventsCollectorConfig config, EventsMetrics metrics, Clock clock,
      TransactionalEmitter emitter, EmittedLedger ledger) {
    this.config = config;
    this.metrics = metrics;
    this.clock = clock;
    this.emitter = emitter;
    this.ledger = ledger;
    this.converter = new EventConverter(config.name());
  }

  static LeaderSession open(EventsCollectorConfig config, KubernetesClient client, EventsMetrics metrics,
      Clock clock) throws InterruptedException {
    Map<String, Object> kafka = config.kafka().clientProperties();
    try (Admin admin = Admin.create(kafka)) {
      StateTopic.ensure(admin, config.stateTopic(), config.stateRetention());
    }
    TransactionalEmitter emitter =
        TransactionalEmitter.open(kafka, config.transactionalId(), config.outputTopic(), config.stateTopic());
    LeaderSession session = null;
    try {
      StateLoader.Loaded loaded = StateLoader.load(kafka, config.stateTopic(), config.syncTimeout());
      metrics.unreadableState(loaded.unreadable());
      session = new LeaderSession(config, metrics, clock, emitter,
          new EmittedLedger(loaded.emitted(), config.maxEventAge()));
      session.inform(client);
      int gone = session.forgetUnlisted();
      LOG.info("leading: {} events remembered from {} ({} deleted meanwhile), informer synced",
          loaded.emitted().size(), config.stateTopic(), gone);
      return session;
    } catch (RuntimeException | InterruptedException e) {
      if (session != null) {
        session.close();
      } else {
        emitter.close();
      }
      throw e;
    }
  }

  private void inform(KubernetesClient client) throws InterruptedException {
    informer = client.events().v1().events().inAnyNamespace().runnableInformer(0);
    informer.addEventHandler(pending);
    try {
      informer.start().toCompletableFuture().get(config.syncTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the Events informer did not start", e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the Events informer did not list within " + config.syncTimeout(), e);
    }
  }

  /**
   * Queues tombstones for remembered Events the first list did not return: deleted while no leader watched (uids
   * are never reused, so they cannot come back). Keeps the state topic to the Events that exist.
   */
  private int forgetUnlisted() {
    Set<String> unlisted = ledger.uids();
    informer.getStore().list().forEach(event -> unlisted.remove(EventConverter.uidOf(event)));
    pending.gone(unlisted);
    return unlisted.size();
  }

  /** Handles what the informer reported, waiting up to {@code wait} for something; one transaction at most. */
  void step(Duration wait) throws InterruptedException {
    PendingEvents.Batch batch = pending.drain(config.batchSize(), wait);
    if (batch.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    Map<String, Emission> out = new LinkedHashMap<>();
    for (String key : batch.keys()) {
      Event event = informer.getStore().getByKey(key);
      if (event != null) {
        consider(event, now, out);
      }
    }
    List<String> forgotten = new ArrayList<>();
    for (Event event : batch.deleted()) {
      consider(event, now, out);
      String uid = EventConverter.uidOf(event);
      if (ledger.lastEmitted(uid) > 0 || out.containsKey(uid)) {
        forgotten.add(uid);
      }
    }
    for (String uid : batch.gone()) {
      if (ledger.lastEmitted(uid) > 0 && !out.containsKey(uid)) {
        forgotten.add(uid);
      }
    }
    if (out.isEmpty() && forgotten.isEmpty()) {
      return;
    }
    emitter.commit(out.values(), forgotten);
    long occurrences = 0;
    for (Emission e : out.values()) {
      ledger.emitted(e.occurrence());
      occurrences += e.occurrence().count();
    }
    forgotten.forEach(ledger::forget);
    metrics.committed(out.size(), occurrences);
    metrics.remembered(ledger.size());
  }

  private void consider(Event event, Instant now, Map<String, Emission> out) {
    String uid = EventConverter.uidOf(event);
    if (uid == null) {
      metrics.service().recordsDropped(EventsMetrics.STAGE, DropReason.UNPARSED);
      return;
    }
    EventTime time = EventTime.of(event, now);
    long count = Occurrences.countOf(event);
    Emission earlier = out.get(uid);
    if (earlier != null && earlier.occurrence().last() >= count) {
      return;
    }
    String resourceVersion = event.getMetadata().getResourceVersion();
    Decision decision = ledger.decide(uid, count, resourceVersion, time.instant(), now);
    switch (decision.outcome()) {
      case EMIT -> {
        Occurrence occurrence = decision.occurrence().orElseThrow();
        out.put(uid, new Emission(converter.convert(event, occurrence, time), occurrence));
      }
      case TOO_OLD -> metrics.tooOld();
      case ALREADY_EMITTED, ALREADY_SKIPPED -> { }
    }
  }

  /** Wakes a waiting step (stop, loss of leadership). */
  void wakeUp() {
    pending.wakeUp();
  }

  @Override
  public void close() {
    if (informer != null) {
      informer.stop();
    }
    emitter.close();
  }
}
