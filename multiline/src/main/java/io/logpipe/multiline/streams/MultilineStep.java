package io.logpipe.multiline.streams;

import io.logpipe.multiline.MultilineSettings;
import io.logpipe.multiline.assemble.AssemblyMetrics;
import io.logpipe.runtime.streams.Step;
import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.RawLine;
import java.time.Clock;
import java.util.Map;
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
 * The multiline stage as a {@link Step} from raw lines ({@code logs.raw.v1}) to events ({@code logs.events.v1}):
 * one processor, {@value #PROCESSOR}, with its own changelogged store, {@value #STORE}, keyed by container stream.
 * Input and output share the key, so no repartition is needed.
 */
public final class MultilineStep implements Step<RawLine, LogEvent> {

  public static final String PROCESSOR = "multiline-assemble";
  public static final String STORE = "multiline-pending";

  private final MultilineSettings settings;
  private final AssemblyMetrics metrics;
  private final Clock clock;

  public MultilineStep(MultilineSettings settings, AssemblyMetrics metrics, Clock clock) {
    this.settings = settings;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public KStream<String, LogEvent> apply(KStream<String, RawLine> input) {
    return input.process(new Supplier(), Named.as(PROCESSOR));
  }

  private final class Supplier implements ProcessorSupplier<String, RawLine, String, LogEvent> {

    @Override
    public Processor<String, RawLine, String, LogEvent> get() {
      return new MultilineProcessor(settings, metrics, clock);
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
      // Changelogged so a killed instance's pending events resume elsewhere. Cached: a trace rewrites its stream's
      // entry on every line, and the cache sends only the last value per commit to RocksDB and the changelog; it is
      // flushed before each transaction commits, so the changelog still matches the consumed offsets (EOS).
      StoreBuilder<KeyValueStore<String, byte[]>> store = Stores.keyValueStoreBuilder(
          Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray())
          .withLoggingEnabled(Map.of())
          .withCachingEnabled();
      return Set.of(store);
    }
  }
}
