package io.logpipe.runtime.streams;

import io.logpipe.schemas.Topic;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Builds a {@link Topology} around a {@link Step}: a source node reading one topic and a sink node writing
 * another, serdes from the {@link Topic}s, node names derived from the topic names ({@code from-logs.raw.v1},
 * {@code to-logs.events.v1}) so that they never change when code is refactored.
 */
public final class StageTopology {

  /** One application between two topics: split mode, or several fused steps with {@link Step#andThen}. */
  public static <I, O> Topology between(Topic<String, I> in, Step<I, O> step, Topic<String, O> out) {
    StreamsBuilder builder = new StreamsBuilder();
    step.apply(source(builder, in)).to(out.name(),
        Produced.with(out.keySerde(), out.valueSerde()).withName(sinkName(out)));
    return builder.build();
  }

  /** One application that ends in a {@link Terminal}, which writes its own outputs. */
  public static <I> Topology ending(Topic<String, I> in, Terminal<I> terminal) {
    StreamsBuilder builder = new StreamsBuilder();
    terminal.apply(source(builder, in));
    return builder.build();
  }

  /** The name of the source node reading {@code topic}. */
  public static String sourceName(Topic<?, ?> topic) {
    return "from-" + topic.name();
  }

  /** The name of the sink node writing {@code topic}. */
  public static String sinkName(Topic<?, ?> topic) {
    return "to-" + topic.name();
  }

  private static <I> KStream<String, I> source(StreamsBuilder builder, Topic<String, I> in) {
    return builder.stream(in.name(), Consumed.with(in.keySerde(), in.valueSerde()).withName(sourceName(in)));
  }

  private StageTopology() {}
}
