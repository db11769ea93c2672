package io.logpipe.sinks.worker;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Where the worker sends records that can never be delivered, with their original bytes. {@link #flush} returns
 * once every record sent is durable: the worker calls it before committing the offsets that pass them.
 */
public interface DeadLetterChannel {

  void reject(ConsumerRecord<byte[], byte[]> record, Throwable reason);

  void flush();
}
