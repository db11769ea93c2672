package io.logpipe.multiline.streams;

import io.logpipe.multiline.MultilineSettings;
import io.logpipe.multiline.assemble.AssemblyLimits;
import io.logpipe.multiline.assemble.AssemblyMetrics;
import io.logpipe.multiline.detect.Detectors;
import io.logpipe.multiline.format.LineFormat;
import io.logpipe.runtime.streams.StageTopology;
import io.logpipe.schemas.Topic;
import io.logpipe.schemas.Topics;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The multiline stage in a JVM of its own, so that {@link MultilineCrashIT} can kill it with SIGKILL. Reads a
 * properties file (Streams config plus {@code it.input} / {@code it.output}); halts by itself after two minutes so
 * that it never outlives the test.
 */
public final class StageProcess {

  private StageProcess() {
  }

  public static void main(String[] args) throws Exception {
    Properties props = new Properties();
    try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
      props.load(in);
    }
    // Never outlive the test that started us, whatever happens to it.
    ScheduledExecutorService guard = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "self-stop");
      thread.setDaemon(true);
      return thread;
    });
    guard.schedule(() -> Runtime.getRuntime().halt(3), Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS);
    Topic<String, io.logpipe.schemas.RawLine> input = new Topic<>(props.getProperty("it.input"),
        Topics.RAW.keySerde(), Topics.RAW.valueSerde());
    Topic<String, io.logpipe.schemas.LogEvent> output = new Topic<>(props.getProperty("it.output"),
        Topics.EVENTS.keySerde(), Topics.EVENTS.valueSerde());
    // A long quiet time: the open trace must survive the kill in the store, not be flushed before it.
    MultilineSettings settings = new MultilineSettings(LineFormat.AUTO, Detectors.builtinsOnly(),
        AssemblyLimits.DEFAULT, Duration.ofMinutes(5), Duration.ofSeconds(1));
    KafkaStreams streams = new KafkaStreams(StageTopology.between(input,
        new MultilineStep(settings, AssemblyMetrics.NONE, Clock.systemUTC()), output), props);
    streams.start();
    System.out.println("started");
    Thread.currentThread().join();
  }
}
