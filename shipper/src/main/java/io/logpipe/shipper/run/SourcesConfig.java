package io.logpipe.shipper.run;

import io.logpipe.runtime.config.ConfigReader;
import io.logpipe.shipper.files.FileSource;
import io.logpipe.shipper.journal.JournalConfig;
import io.logpipe.shipper.sidecar.SidecarConfig;
import java.util.List;
import java.util.Optional;

/**
 * What the shipper reads besides pod logs (issue 9), each off by default: extra node files, the journal, or (instead
 * of pod logs) sidecar mode. Read from the same {@code SHIPPER_*} settings as {@code ShipperConfig}.
 *
 * @param filesQueueBytes  reader queue of the extra-files shipper ({@code SHIPPER_FILES_QUEUE_BYTES}, 4 MiB)
 * @param sidecarQueueBytes reader queue in sidecar mode ({@code SHIPPER_SIDECAR_QUEUE_BYTES}, 1 MiB)
 */
public record SourcesConfig(List<FileSource> files, Optional<JournalConfig> journal, Optional<SidecarConfig> sidecar,
    long filesQueueBytes, long sidecarQueueBytes) {

  public SourcesConfig {
    files = List.copyOf(files);
  }

  public static final SourcesConfig NONE = new SourcesConfig(List.of(), Optional.empty(), Optional.empty(), 4 << 20,
      1 << 20);

  public static SourcesConfig read(ConfigReader r) {
    List<FileSource> files = FileSource.readAll(r);
    Optional<JournalConfig> journal = JournalConfig.read(r);
    Optional<SidecarConfig> sidecar = SidecarConfig.read(r);
    r.check(sidecar.isEmpty() || (files.isEmpty() && journal.isEmpty()), "SIDECAR_GLOBS",
        "sidecar mode reads only the pod's own files: leave SHIPPER_FILES and SHIPPER_JOURNAL_ENABLED unset");
    long filesQueue = r.bytes("FILES_QUEUE_BYTES", 4L << 20);
    long sidecarQueue = r.bytes("SIDECAR_QUEUE_BYTES", 1L << 20);
    r.check(filesQueue > 0 && sidecarQueue > 0, "FILES_QUEUE_BYTES", "and SIDECAR_QUEUE_BYTES must be positive");
    return new SourcesConfig(files, journal, sidecar, filesQueue, sidecarQueue);
  }
}
