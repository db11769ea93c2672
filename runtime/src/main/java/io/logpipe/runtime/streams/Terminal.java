package io.logpipe.runtime.streams;

import org.apache.kafka.streams.kstream.KStream;

/**
 * A last step that writes its own outputs (the router fans out to the sink topics), so it returns nothing.
 *
 * @param <I> the input value type
 */
@FunctionalInterface
public interface Terminal<I> {

  void apply(KStream<String, I> input);
}
