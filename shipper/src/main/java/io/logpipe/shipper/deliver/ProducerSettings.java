package io.logpipe.shipper.deliver;

import io.logpipe.shipper.ShipperConfig;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The producer's settings (issue 3, "Producer"): idempotent, {@code acks=all}, compression lz4 by default, batching
 * tuned for throughput (large batches, a short linger: the reader hands over whole slices). Every setting can be
 * overridden with {@code SHIPPER_KAFKA_*}; only the serializers and, in exactly-once mode, the transactional id are
 * ours to keep.
 */
public final class ProducerSettings {

  /**
   * The default {@code batch.size}: every batch takes a buffer this large from the pool, however little the linger
   * puts in it (a partition's share of ~100 MB/s, lz4-compressed, is tens of KiB), and the pool keeps freed buffers of
   * exactly this size. 256 KiB: the live heap after full collections was ~4 MiB smaller than with 512 KiB in the
   * bench, at no measurable cost in lines/s or sender CPU (shipper/README.md, "Memory").
   */
  public static final int BATCH_SIZE = 256 * 1024;
  /**
   * The default {@code buffer.memory}: batches waiting for or in flight to the broker. Files are the buffer (the
   * reader waits when the producer blocks), so this only needs to keep the sender busy: 16 MiB is 64 batches, more
   * than 6 partitions x 5 requests in flight, and at least {@code max.request.size} (a record must fit). It stays on
   * the heap for good once used, so 64 MiB (the old default) was as large as the shipper's heap.
   */
  public static final long BUFFER_MEMORY = 16L << 20;
  /**
   * The default {@code linger.ms}: 20, not the client's 5. The reader hands over one file's slice at a time, so the
   * six partitions fill side by side and a 5 ms linger closed each batch at a fraction of {@code batch.size}: about
   * 2.6 times the reference's compression buffers allocated, and more, smaller produce requests, which a
   * transactional produce pays for most. Measured (10 M lines, same runs, idle): exactly once 541 k -> 673 k lines/s,
   * 2.04 -> 1.74 CPU-s per million lines (steady state 1.50 -> 1.29); at-least-once within the runs' noise; 50 ms was
   * worse than 20 (shipper/README.md, "Producer"; the 5 ms runs came first, and run-to-run spread is near this gain,
   * so the allocation profile is the firmer evidence). A line waits at most 20 ms more before it is sent, well inside the
   * 200 ms commit interval that decides when it becomes visible.
   */
  public static final int LINGER_MS = 20;

  private ProducerSettings() {}

  public static Map<String, Object> of(ShipperConfig config, boolean transactional) {
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, config.compression().name().toLowerCase(Locale.ROOT));
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, BATCH_SIZE);
    props.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
    props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, BUFFER_MEMORY);
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 << 20);
    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    // Bounded waits when Kafka is away: the shipper then reconnects, rewinds, and meanwhile stops reading.
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "logpipe-shipper-" + config.nodeName());
    props.putAll(config.kafka().clientProperties());
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    if (transactional) {
      props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.transactionalId());
    } else {
      props.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    }
    return props;
  }

  /**
   * {@code props} with the keys given as UTF-8 bytes: the file deliveries make each stream key's bytes once per slice
   * instead of a {@code StringSerializer} encoding the same key for every line (the bytes on the wire are the same).
   */
  public static Map<String, Object> byteKeys(Map<String, Object> props) {
    Map<String, Object> withBytes = new HashMap<>(props);
    withBytes.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return withBytes;
  }

  /**
   * The settings of a source other than pod logs (issue 9), transactional under its own id: {@link #of}, the
   * source's {@code defaults} (smaller buffers for a sidecar) where the user set nothing in {@code SHIPPER_KAFKA_*},
   * and the source's {@code transactional.id}, also its client id.
   */
  public static Map<String, Object> forSource(ShipperConfig config, String transactionalId,
      Map<String, Object> defaults) {
    Map<String, Object> props = of(config, true);
    defaults.forEach((key, value) -> {
      if (!config.kafka().clientProperties().containsKey(key)) {
        props.put(key, value);
      }
    });
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, transactionalId);
    return props;
  }
}
