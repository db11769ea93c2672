package io.logpipe.runtime.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.runtime.health.HealthState;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A service JVM stopped by SIGTERM exits with the code its runner decided, not the JVM's 143. */
class ExitWithRunnerCodeTest {

  @Test
  void aCleanStopAfterSigtermExitsZero() throws Exception {
    assertThat(sigtermExitCode("clean")).isEqualTo(ExitCodes.OK);
  }

  @Test
  void aStopThatOutlastsTheCloseTimeoutExitsWithTheTimeoutCode() throws Exception {
    assertThat(sigtermExitCode("stuck")).isEqualTo(ExitCodes.STOP_TIMEOUT);
  }

  private static int sigtermExitCode(String behaviour) throws Exception {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-Xmx32m", "-cp", System.getProperty("java.class.path"),
        ServiceMain.class.getName(), behaviour).redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && !line.equals("running")) {
        // the child's logging, until the service runs
      }
      assertThat(line).as("the child reached its service").isEqualTo("running");
      child.destroy(); // SIGTERM
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the child exited").isTrue();
      return child.exitValue();
    } finally {
      child.destroyForcibly();
    }
  }

  /** A service main run as the commands run theirs: the runner's default path, its code returned by main. */
  public static final class ServiceMain {
    public static void main(String[] args) {
      boolean stuck = args[0].equals("stuck");
      CountDownLatch stopped = new CountDownLatch(1);
      Service service = new Service() {
        @Override
        public void run(HealthState health) throws InterruptedException {
          System.out.println("running");
          System.out.flush();
          stopped.await();
          if (stuck) {
            new CountDownLatch(1).await(); // never returns: the close timeout decides
          }
        }

        @Override
        public void stop() {
          stopped.countDown();
        }
      };
      System.exit(ServiceRunner.runUntilShutdown("test", service, new HealthState(), Duration.ofSeconds(1)));
    }
  }
}
