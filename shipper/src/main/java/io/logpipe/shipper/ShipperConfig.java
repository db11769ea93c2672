package io.logpipe.shipper;

import io.logpipe.runtime.config.ConfigReader;
import io.logpipe.runtime.config.HttpSettings;
import io.logpipe.runtime.config.KafkaSettings;
import io.logpipe.shipper.tail.TailSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The shipper's configuration, read once from flags, {@code SHIPPER_*} variables (plain {@code NODE_NAME} from the
 * downward API too) and the optional YAML file; every problem reported at once. See the module README for the table.
 */
public record ShipperConfig(
    Path logRoot,
    String nodeName,
    KafkaSettings kafka,
    Mode mode,
    Set<String> excludeNamespaces,
    List<String> includeGlobs,
    List<String> excludeGlobs,
    TailSettings tail,
    Duration rescanInterval,
    Duration pollInterval,
    long queueBytes,
    long batchBytes,
    Duration commitInterval,
    Compression compression,
    Path positionsFile,
    HttpSettings http,
    String transactionalIdPrefix) {

  /** Delivery guarantee (issue 3, "Exactly once"). */
  public enum Mode { EXACTLY_ONCE, AT_LEAST_ONCE }

  /** Producer compression codecs offered (issue 3: lz4 by default, zstd selectable). */
  public enum Compression { LZ4, ZSTD, SNAPPY, GZIP, NONE }

  public static final Path DEFAULT_LOG_ROOT = Path.of("/var/log/pods");
  public static final int DEFAULT_MAX_LINE = 1 << 20;

  public static ShipperConfig read(ConfigReader r) {
    r.withAlias("NODE_NAME", "NODE_NAME");
    Path root = r.path("LOG_ROOT", DEFAULT_LOG_ROOT);
    String node = r.requiredString("NODE_NAME");
    r.check(node.indexOf('/') < 0, "NODE_NAME", "must not contain '/' (it prefixes position keys)");
    KafkaSettings kafka = KafkaSettings.read(r);
    Mode mode = r.enumValue("MODE", Mode.class, Mode.EXACTLY_ONCE);
    Set<String> namespaces = Set.copyOf(r.list("EXCLUDE_NAMESPACES", List.of("kube-system")));
    List<String> includes = r.list("INCLUDE_GLOBS", List.of("**/*.log"));
    r.check(!includes.isEmpty(), "INCLUDE_GLOBS", "must name at least one glob");
    List<String> excludes = r.list("EXCLUDE_GLOBS", List.of());
    long maxLine = r.bytes("MAX_LINE_BYTES", DEFAULT_MAX_LINE);
    long readCap = r.bytes("READ_CAP_BYTES", 256 * 1024);
    r.check(maxLine >= 1 && maxLine <= 64 << 20, "MAX_LINE_BYTES", "must be within [1, 64MiB]");
    r.check(readCap >= 1 && readCap <= 64 << 20, "READ_CAP_BYTES", "must be within [1, 64MiB]");
    Duration rotateWait = r.duration("ROTATE_WAIT", Duration.ofSeconds(5));
    Duration rescan = r.duration("RESCAN_INTERVAL", Duration.ofSeconds(5));
    Duration poll = r.duration("POLL_INTERVAL", Duration.ofMillis(200));
    r.check(!rescan.isZero() && !poll.isZero(), "RESCAN_INTERVAL", "and POLL_INTERVAL must be positive");
    long queue = r.bytes("QUEUE_BYTES", 1L << 20);
    long batch = r.bytes("BATCH_BYTES", 16L << 20);
    r.check(queue > 0 && batch > 0, "QUEUE_BYTES", "and BATCH_BYTES must be positive");
    Duration commitInterval = r.duration("COMMIT_INTERVAL", Duration.ofMillis(200));
    Compression compression = r.enumValue("COMPRESSION", Compression.class, Compression.LZ4);
    Path positions = r.path("POSITIONS_FILE", Path.of("/var/lib/logpipe/shipper-positions"));
    HttpSettings http = HttpSettings.read(r);
    // Two releases sharing one Kafka must not fence each other's shippers: the chart sets the release name here.
    String idPrefix = r.string("TRANSACTIONAL_ID_PREFIX", "logpipe");
    r.check(!idPrefix.isBlank() && idPrefix.chars().noneMatch(Character::isWhitespace), "TRANSACTIONAL_ID_PREFIX",
        "must be a non-empty word");
    TailSettings tail = maxLine >= 1 && readCap >= 1 && maxLine <= 64 << 20 && readCap <= 64 << 20
        ? new TailSettings((int) maxLine, (int) readCap, rotateWait)
        : new TailSettings(DEFAULT_MAX_LINE, 256 * 1024, rotateWait);
    return new ShipperConfig(root, node, kafka, mode, namespaces, includes, excludes, tail, rescan, poll, queue,
        batch, commitInterval, compression, positions, http, idPrefix);
  }

  /** The same settings with other bounds for the reader queue and the batch (a sidecar, the extra node files). */
  public ShipperConfig withBuffers(long queue, long batch) {
    return new ShipperConfig(logRoot, nodeName, kafka, mode, excludeNamespaces, includeGlobs, excludeGlobs, tail,
        rescanInterval, pollInterval, queue, batch, commitInterval, compression, positionsFile, http,
        transactionalIdPrefix);
  }

  /**
   * The producer's {@code transactional.id}, {@code <prefix>-shipper-<node>}: from the node name, so a restarted
   * shipper fences its predecessor; the prefix (the release name) keeps two releases on one Kafka apart.
   */
  public String transactionalId() {
    return transactionalIdPrefix + "-shipper-" + nodeName;
  }
}
