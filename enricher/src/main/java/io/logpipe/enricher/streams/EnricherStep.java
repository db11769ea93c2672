package io.logpipe.enricher.streams;

import io.logpipe.enricher.EnricherMetrics;
import io.logpipe.enricher.EnricherSettings;
import io.logpipe.enricher.Enrichment;
import io.logpipe.enricher.body.BodyLimits;
import io.logpipe.enricher.body.BodyParser;
import io.logpipe.enricher.cache.MetadataSource;
import io.logpipe.runtime.streams.Step;
import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.Topics;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The enricher as a composable step (DESIGN.md, "Split or fused"): {@code LogEvent}s in, the same events out with
 * {@code kubernetes} and {@code parsed} filled, keyed as they came. One processor ({@value #PROCESSOR}) with its own
 * changelogged hold store ({@value #HOLD_STORE}) for events whose pod is not known yet.
 *
 * <p>Without a Kubernetes API ({@link MetadataSource#none()}, e.g. {@code bin/logpipe local}) it still fills
 * namespace, pod, UID and container from the stream key and parses bodies, holding nothing.
 */
public final class EnricherStep implements Step<LogEvent, LogEvent> {

  public static final String PROCESSOR = "enricher-enrich";
  public static final String HOLD_STORE = "enricher-held";

  private final MetadataSource source;
  private final HoldSettings hold;
  private final BodyLimits bodyLimits;
  private final EnricherMetrics metrics;

  public EnricherStep(MetadataSource source, HoldSettings hold, BodyLimits bodyLimits, EnricherMetrics metrics) {
    this.source = source;
    this.hold = hold;
    this.bodyLimits = bodyLimits;
    this.metrics = metrics;
  }

  /** The step over {@code source} with the configured hold and body limits. */
  public static EnricherStep of(EnricherSettings settings, MetadataSource source, EnricherMetrics metrics) {
    return new EnricherStep(source, settings.hold(), settings.bodyLimits(), metrics);
  }

  /** The step with no Kubernetes API: path metadata and parsed bodies, default limits, its own metrics registry. */
  public static EnricherStep withoutApi() {
    return withoutApi(EnricherMetrics.standalone());
  }

  /** As {@link #withoutApi()}, counting into {@code metrics} (e.g. {@code new EnricherMetrics(serviceMetrics)}). */
  public static EnricherStep withoutApi(EnricherMetrics metrics) {
    return new EnricherStep(MetadataSource.none(), HoldSettings.DEFAULTS, BodyLimits.DEFAULTS, metrics);
  }

  @Override
  public KStream<String, LogEvent> apply(KStream<String, LogEvent> input) {
    return input.process(new Supplier(), Named.as(PROCESSOR));
  }

  private final class Supplier implements ProcessorSupplier<String, LogEvent, String, LogEvent> {

    @Override
    public Processor<String, LogEvent, String, LogEvent> get() {
      return new EnrichProcessor(HOLD_STORE, source, new Enrichment(new BodyParser(bodyLimits)), hold, metrics);
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
      StoreBuilder<KeyValueStore<String, LogEvent>> held = Stores.keyValueStoreBuilder(
          Stores.inMemoryKeyValueStore(HOLD_STORE), Serdes.String(), Topics.LOG_EVENT);
      return Set.of(held);
    }
  }
}
