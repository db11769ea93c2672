package io.logpipe.shipper;

import io.logpipe.runtime.service.ShutdownSignal;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JVM's shutdown hook as the runner's stop signal, ending the process with the runner's exit code. On SIGTERM
 * the JVM would otherwise exit 143 whatever the service did; issue 3 asks the shipper to finish its open transaction
 * and exit 0. Once the service has stopped (bounded by the runner's close timeout) and the runner has decided the
 * code, the hook halts with it.
 */
final class ExitAfterShutdown implements ShutdownSignal {

  private static final long DECISION_WAIT_SECONDS = 5;

  private final AtomicInteger code = new AtomicInteger(-1);
  private final CountDownLatch decided = new CountDownLatch(1);

  @Override
  public void onShutdown(Runnable action) {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      action.run();
      try {
        decided.await(DECISION_WAIT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (code.get() >= 0) {
        Runtime.getRuntime().halt(code.get());
      }
    }, "shipper-shutdown"));
  }

  /** The runner's exit code, once it returned. */
  void decided(int exitCode) {
    code.set(exitCode);
    decided.countDown();
  }
}
