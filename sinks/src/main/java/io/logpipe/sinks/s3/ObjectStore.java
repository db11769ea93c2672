package io.logpipe.sinks.s3;

/**
 * The transport under the S3 layout: put one whole object, overwriting any object of the same key. Returns only
 * once the store has confirmed the object is durable. Throws {@link io.logpipe.sinks.worker.TransientSinkException}
 * for failures worth retrying.
 */
public interface ObjectStore extends AutoCloseable {

  void put(String key, byte[] body);

  /** Where objects go, e.g. {@code file:///var/lib/logpipe/out} or {@code s3://bucket}. */
  String target();

  @Override
  void close();
}
