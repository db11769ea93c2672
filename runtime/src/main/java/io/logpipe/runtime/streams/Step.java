package io.logpipe.runtime.streams;

import java.util.Objects;
import org.apache.kafka.streams.kstream.KStream;

/**
 * One stage of the pipeline as a function of streams: it adds its processors (and their stores) to the input's
 * builder and returns its output. Because a step never names its input or output topic, the same step runs split
 * (one application between two topics, see {@link StageTopology}) or fused with others through {@link #andThen}
 * (DESIGN.md, "Split or fused"). Every processor and store a step adds must have an explicit name.
 *
 * @param <I> the input value type
 * @param <O> the output value type
 */
@FunctionalInterface
public interface Step<I, O> {

  KStream<String, O> apply(KStream<String, I> input);

  /** This step, then {@code next}, with no topic in between. */
  default <P> Step<I, P> andThen(Step<O, P> next) {
    Objects.requireNonNull(next, "next");
    return input -> next.apply(apply(input));
  }

  /** This step, then a terminal (the router, which ends in the sink topics). */
  default Terminal<I> thenEnd(Terminal<O> terminal) {
    Objects.requireNonNull(terminal, "terminal");
    return input -> terminal.apply(apply(input));
  }

  /** The step that passes its input through. */
  static <T> Step<T, T> identity() {
    return input -> input;
  }
}
