package io.logpipe.shipper.run;

import io.logpipe.runtime.health.ServiceMetrics;
import io.logpipe.runtime.service.Service;
import io.logpipe.shipper.Shipper;
import io.logpipe.shipper.ShipperConfig;
import io.logpipe.shipper.deliver.ProducerSettings;
import io.logpipe.shipper.deliver.SourceIdentity;
import io.logpipe.shipper.deliver.TransactionalDelivery;
import io.logpipe.shipper.files.FileSources;
import io.logpipe.shipper.journal.JournalShipper;
import io.logpipe.shipper.sidecar.SidecarConfig;
import io.logpipe.shipper.sidecar.SidecarRecords;
import io.logpipe.shipper.source.GlobScan;
import java.nio.file.FileSystems;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * What {@code logpipe shipper} runs for a configuration (issue 9): pod logs, plus the extra node files and the
 * journal when switched on, as one {@link ServiceGroup}; or, in sidecar mode, only the pod's own files. Each source
 * has its own {@code transactional.id} and position keys, so none fences or forgets another's:
 *
 * <table>
 *   <caption>identities</caption>
 *   <tr><th>source</th><th>transactional.id</th><th>position keys</th></tr>
 *   <tr><td>pod logs</td><td>{@code <prefix>-shipper-<node>}</td><td>{@code <node>/<dev>:<ino>:<fp>}</td></tr>
 *   <tr><td>files</td><td>{@code …-<node>-files}</td><td>{@code <node>/files/<dev>:<ino>:<fp>}</td></tr>
 *   <tr><td>journal</td><td>{@code …-<node>-journal}</td><td>{@code <node>/journal}</td></tr>
 *   <tr><td>sidecar</td><td>{@code <prefix>-shipper-sidecar-<pod uid>}</td>
 *       <td>{@code sidecar/<pod uid>/<dev>:<ino>:<fp>}</td></tr>
 * </table>
 */
public final class ShipperServices {

  /** Producer buffers of a sidecar: one pod's lines, in a JVM of 32 MiB heap. */
  static final Map<String, Object> SIDECAR_PRODUCER = Map.of(
      ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024,
      ProducerConfig.BUFFER_MEMORY_CONFIG, 8L << 20,
      ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 << 20);
  /**
   * Producer buffers of the extra-files shipper: less traffic than pod logs, in the same heap as their producer
   * (a quarter of the pod's memory limit), so half its {@code buffer.memory}; still {@code max.request.size}.
   */
  static final Map<String, Object> FILES_PRODUCER = Map.of(
      ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024,
      ProducerConfig.BUFFER_MEMORY_CONFIG, 8L << 20);

  private ShipperServices() {}

  public static Service of(ShipperConfig config, SourcesConfig sources, ServiceMetrics metrics, Clock clock) {
    if (sources.sidecar().isPresent()) {
      return sidecar(config, sources.sidecar().get(), sources.sidecarQueueBytes(), metrics, clock);
    }
    Map<String, Service> members = new LinkedHashMap<>();
    members.put("pods", new Shipper(config, metrics, clock));
    if (!sources.files().isEmpty()) {
      members.put("files", files(config, sources, metrics, clock));
    }
    sources.journal().ifPresent(j -> members.put("journal", new JournalShipper(config, j, metrics, clock)));
    return members.size() == 1 ? members.get("pods") : new ServiceGroup(members);
  }

  /** The extra node files, one shipper for every source. */
  public static Shipper files(ShipperConfig config, SourcesConfig sources, ServiceMetrics metrics, Clock clock) {
    ShipperConfig small = config.withBuffers(sources.filesQueueBytes(),
        Math.min(config.batchBytes(), sources.filesQueueBytes()));
    FileSources files = new FileSources(FileSystems.getDefault(), config.nodeName(), sources.files());
    SourceIdentity id = new SourceIdentity(config.transactionalId() + "-files", config.nodeName() + "/files",
        config.nodeName());
    return new Shipper(small, metrics, clock, files,
        () -> new TransactionalDelivery(small, id, files, producer(small, id, FILES_PRODUCER), clock, metrics::bind));
  }

  /** Sidecar mode: the pod's own files, as that pod's container log. */
  public static Shipper sidecar(ShipperConfig config, SidecarConfig sidecar, long queueBytes, ServiceMetrics metrics,
      Clock clock) {
    ShipperConfig small = config.withBuffers(queueBytes, Math.min(config.batchBytes(), Math.max(1, queueBytes / 4)));
    String uid = sidecar.pod().podUid();
    SourceIdentity id = new SourceIdentity(config.transactionalIdPrefix() + "-shipper-sidecar-" + uid,
        "sidecar/" + uid, config.nodeName());
    SidecarRecords records = new SidecarRecords(config.nodeName(), sidecar.pod(), sidecar.stream());
    return new Shipper(small, metrics, clock, new GlobScan(FileSystems.getDefault(), sidecar.globs(), sidecar.pod()),
        () -> new TransactionalDelivery(small, id, records, producer(small, id, SIDECAR_PRODUCER), clock,
            metrics::bind));
  }

  private static Map<String, Object> producer(ShipperConfig config, SourceIdentity id, Map<String, Object> defaults) {
    return ProducerSettings.byteKeys(ProducerSettings.forSource(config, id.transactionalId(), defaults));
  }
}
