package io.logpipe.bench.shipper;

import io.logpipe.schemas.PodLogPath;
import io.logpipe.shipper.deliver.ProducerSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The benchmark's reference (issue 3): a minimal Java {@code KafkaProducer} that reads the same files line by line
 * and sends each line's raw bytes, keyed by stream, with the shipper's producer settings (idempotent, acks=all, lz4,
 * the shipper's default {@code batch.size}, {@code buffer.memory} and {@code linger.ms}). No positions, no identity, no
 * transactions: the floor a shipper pays on top of.
 *
 * <p>{@code ReferenceProducer <log-root> <bootstrap> <topic>}; prints the lines sent.
 */
public final class ReferenceProducer {

  private ReferenceProducer() {}

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args[0]);
    Map<String, Object> props = new HashMap<>();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, args[1]);
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, ProducerSettings.BATCH_SIZE); // the shipper's defaults
    props.put(ProducerConfig.LINGER_MS_CONFIG, ProducerSettings.LINGER_MS);
    props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, ProducerSettings.BUFFER_MEMORY);
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 << 20);
    long lines = 0;
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".log")).sorted().toList();
    }
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (Path file : files) {
        byte[] key = PodLogPath.parse(root.relativize(file).toString()).orElseThrow().stream().toString()
            .getBytes(StandardCharsets.UTF_8);
        try (InputStream in = Files.newInputStream(file)) {
          lines += eachLine(in, line -> producer.send(new ProducerRecord<>(args[2], key, line)));
        }
      }
      producer.flush();
    }
    System.out.println("reference sent " + lines + " lines");
    // Its own CPU as it ends: the bench's last look at /proc may be one poll old.
    System.out.println("reference cpu-ms "
        + ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(0L));
  }

  /**
   * The reference's reading: 1 MiB at a time, each complete line handed on as a copy of its bytes (also what
   * {@code ReadEncodeBench} measures the shipper's reading against). Returns the lines handed on.
   */
  static long eachLine(InputStream in, Consumer<byte[]> line) throws IOException {
    byte[] buffer = new byte[1 << 20];
    int filled = 0;
    long lines = 0;
    for (int n = in.read(buffer, filled, buffer.length - filled); n > 0;
        n = in.read(buffer, filled, buffer.length - filled)) {
      filled += n;
      int start = 0;
      for (int i = 0; i < filled; i++) {
        if (buffer[i] == '\n') {
          line.accept(Arrays.copyOfRange(buffer, start, i));
          lines++;
          start = i + 1;
        }
      }
      System.arraycopy(buffer, start, buffer, 0, filled - start);
      filled -= start;
    }
    return lines;
  }
}
