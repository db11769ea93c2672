package io.logpipe.enricher.streams;

import io.logpipe.enricher.EnricherMetrics;
import io.logpipe.enricher.Enrichment;
import io.logpipe.enricher.cache.MetadataSource;
import io.logpipe.enricher.cache.PodView;
import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.StreamKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Enriches each event from the metadata source; an event whose pod is not known yet is held in a changelogged
 * store and retried by a wall-clock punctuator, then passed on with {@code metadata_missing} once it has waited
 * {@link HoldSettings#maxWait()} (issue 5, "Misses"). While a stream has held events, its later events queue behind
 * them, so a container's order is kept. Nothing expires before the source is ready (informers synced).
 */
final class EnrichProcessor implements Processor<String, LogEvent, String, LogEvent> {

  /** What is held per stream, rebuilt from the store on init so that it always mirrors the store. */
  private record Held(long firstArrivalMillis, int count) {}

  private static final StringSerializer KEYS = new StringSerializer();

  private final String storeName;
  private final MetadataSource source;
  private final Enrichment enrichment;
  private final HoldSettings hold;
  private final EnricherMetrics metrics;
  private final Map<String, Held> heldStreams = new HashMap<>();
  private ProcessorContext<String, LogEvent> context;
  private KeyValueStore<String, LogEvent> store;
  private int heldTotal;
  private long sequence;

  EnrichProcessor(String storeName, MetadataSource source, Enrichment enrichment, HoldSettings hold,
      EnricherMetrics metrics) {
    this.storeName = storeName;
    this.source = source;
    this.enrichment = enrichment;
    this.hold = hold;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, LogEvent> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
    try (KeyValueIterator<String, LogEvent> all = store.all()) {
      all.forEachRemaining(kv -> remember(HeldKey.decode(kv.key)));
    }
    context.schedule(hold.retryEvery(), PunctuationType.WALL_CLOCK_TIME, this::retry);
  }

  @Override
  public void process(Record<String, LogEvent> record) {
    StreamKey keyed = Enrichment.streamOfKey(record.key());
    Optional<StreamKey> stream = keyed != null ? Optional.of(keyed) : Enrichment.streamOfPath(record.value());
    if (stream.isEmpty()) {
      forward(record, null, null);
      return;
    }
    // A stream key's wire form is the key it was parsed from (its parts hold no slash): no need to build it again.
    String streamKey = keyed != null ? record.key() : stream.get().toString();
    Optional<PodView> view = source.lookup(stream.get());
    // Only records keyed by their stream are held: a released record is re-keyed by its stream, and a record placed
    // by its path alone must keep the key it came with.
    boolean holdable = source.live() && keyed != null;
    if (holdable && heldStreams.containsKey(streamKey)) {
      if (view.isPresent()) {
        release(streamKey, stream.get(), view.get());
        forward(record, stream.get(), view.get());
      } else {
        holdOrPass(streamKey, stream.get(), record);
      }
    } else if (view.isPresent() || !holdable) {
      forward(record, stream.get(), view.orElse(null));
    } else {
      holdOrPass(streamKey, stream.get(), record);
    }
  }

  private void holdOrPass(String streamKey, StreamKey stream, Record<String, LogEvent> record) {
    if (heldTotal >= hold.maxHeld()) {
      metrics.holdFull();
      release(streamKey, stream, null);
      forward(record, stream, null);
      return;
    }
    HeldKey key = new HeldKey(streamKey, context.currentSystemTimeMs(), sequence++, record.timestamp());
    store.put(key.encode(), record.value());
    remember(key);
    metrics.held();
  }

  /** Punctuator: releases every stream whose pod is now known, or that has waited long enough. */
  private void retry(long nowMillis) {
    for (Map.Entry<String, Held> e : List.copyOf(heldStreams.entrySet())) {
      StreamKey stream = StreamKey.parse(e.getKey());
      Optional<PodView> view = source.lookup(stream);
      if (view.isPresent()) {
        release(e.getKey(), stream, view.get());
      } else if (source.ready() && nowMillis - e.getValue().firstArrivalMillis() >= hold.maxWait().toMillis()) {
        release(e.getKey(), stream, null);
      }
    }
  }

  /** Forwards a stream's held events in order (with {@code view}, or as metadata_missing when null). */
  private void release(String streamKey, StreamKey stream, PodView view) {
    List<KeyValue<String, LogEvent>> held = new ArrayList<>();
    try (KeyValueIterator<String, LogEvent> it = store.prefixScan(HeldKey.prefix(streamKey), KEYS)) {
      it.forEachRemaining(held::add);
    }
    for (KeyValue<String, LogEvent> kv : held) {
      store.delete(kv.key);
      HeldKey key = HeldKey.decode(kv.key);
      forward(new Record<>(streamKey, kv.value, key.timestamp()), stream, view);
    }
    Held gone = heldStreams.remove(streamKey);
    heldTotal -= gone == null ? 0 : gone.count();
  }

  private void forward(Record<String, LogEvent> record, StreamKey stream, PodView view) {
    if (Enrichment.excluded(view)) {
      metrics.excluded();
      return;
    }
    boolean missing = view == null && (source.knowsPods() || stream == null);
    LogEvent event = enrichment.complete(stream, record.value(), view, missing);
    if (view != null) {
      metrics.enriched();
    } else if (missing) {
      metrics.metadataMissing();
    } else {
      metrics.pathOnly();
    }
    event.getFlags().forEach(metrics::bodyFlag);
    context.forward(record.withValue(event));
  }

  private void remember(HeldKey key) {
    heldStreams.merge(key.stream(), new Held(key.arrivalMillis(), 1),
        (a, b) -> new Held(Math.min(a.firstArrivalMillis(), b.firstArrivalMillis()), a.count() + b.count()));
    heldTotal++;
  }
}
