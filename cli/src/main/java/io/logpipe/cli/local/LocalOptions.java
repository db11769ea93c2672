package io.logpipe.cli.local;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code logpipe local} runs: the log root to tail, the directory the S3-layout sink writes to, an external
 * broker or none (then an embedded one under {@code workDir}), and whether the Streams stages run fused in one
 * topology (no intermediate topics: the default for one process) or split, one application per stage through the
 * real topics, as they run on Kubernetes.
 */
public record LocalOptions(Path logRoot, Path outDir, Path workDir, Optional<String> bootstrapServers,
    int partitions, boolean fused, String nodeName) {

  public LocalOptions {
    if (partitions < 1) {
      throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
    }
  }
}
