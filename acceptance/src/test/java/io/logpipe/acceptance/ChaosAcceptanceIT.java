package io.logpipe.acceptance;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, "Then again with chaos": the run of {@link AcceptanceIT}, during which the shipper is killed with SIGKILL
 * twice and the multiline stage (the stateful Streams stage: open traces and partial lines in its store) once, each
 * at a point chosen by progress, and restarted; the same assertions hold.
 */
class ChaosAcceptanceIT {

  // Kept when the run fails: the stages' output is under run/logs.
  @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir;

  @Test
  void killNineOfTheShipperTwiceAndOfTheMultilineStageOnceLosesAndRepeatsNothing() throws Exception {
    // Quiet time 20 s: longer than a shipper restart here, so a trace whose lines straddle a kill is still whole
    // (with the default 1 s, the part shipped before the kill is emitted alone: nothing can tell a trace paused by
    // a dead shipper from a finished one).
    new AcceptanceRun(dir.resolve("run"), ChaosPlan.killNine(), Duration.ofSeconds(20)).runAndCheck();
  }
}
