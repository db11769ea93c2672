package io.logpipe.acceptance;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, "Acceptance run": the whole pipeline, every stage the real command in its own JVM, from a generated pod
 * log tree (six namespaces, JSON and plain logs, traces of seven languages cut into partial lines, stdout and stderr
 * interleaved, personal data and credentials, a rotation, a deleted pod) to Loki, OpenSearch and S3. See
 * {@link AcceptanceRun} for the run and {@link BackendCheck} for what is asserted per backend.
 */
class AcceptanceIT {

  // Kept when the run fails: the stages' output is under run/logs.
  @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir;

  @Test
  void deliversEveryEventOnceToEachRoutedBackendWholeInOrderWithMetadataAndNoSecret() throws Exception {
    // Quiet time 5 s instead of 1 s: a trace's lines must not wait longer than this between two shipper batches,
    // which a loaded 2-core machine running nine JVMs cannot promise at 1 s.
    new AcceptanceRun(dir.resolve("run"), ChaosPlan.none(), Duration.ofSeconds(5)).runAndCheck();
  }
}
