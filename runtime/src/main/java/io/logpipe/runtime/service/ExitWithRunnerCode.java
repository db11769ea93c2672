package io.logpipe.runtime.service;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JVM's shutdown hook as a runner's stop signal, ending the process with the runner's exit code.
 *
 * <p>On SIGTERM the JVM exits 143 whatever the service did once its hooks return, so a clean stop (0) could not be
 * told from a stop timeout (3) or a failure (1). This hook stops the service, waits (briefly, the stop itself being
 * bounded by the runner's close timeout) for the runner to {@link #decided decide} the code, and halts with it. A
 * service that ended on its own before the hook ran is left alone: whoever calls {@code System.exit} decides then.
 */
public final class ExitWithRunnerCode implements ShutdownSignal {

  private static final long DECISION_WAIT_SECONDS = 5;

  private final AtomicInteger code = new AtomicInteger(-1);
  private final CountDownLatch decided = new CountDownLatch(1);

  @Override
  public void onShutdown(Runnable action) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (decided.getCount() == 0) {
        return;
      }
      action.run();
      try {
        decided.await(DECISION_WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (code.get() >= 0) {
        Runtime.getRuntime().halt(code.get());
      }
    }, "shutdown"));
  }

  /** Records the runner's exit code once it returned, and returns it. */
  public int decided(int exitCode) {
    code.set(exitCode);
    decided.countDown();
    return exitCode;
  }
}
