package io.logpipe.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.logpipe.acceptance.Backends.Backend;
import io.logpipe.acceptance.Pipeline.Stage;
import io.logpipe.acceptance.Workloads.PodSpec;
import io.logpipe.cli.Logpipe;
import io.logpipe.schemas.Topics;
import io.logpipe.sinks.InProcessS3;
import io.logpipe.testkit.DedicatedBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.awaitility.core.ConditionFactory;

/**
 * One acceptance run: a broker of its own (the test kit's), the mock API server, S3 and Loki of its own (OpenSearch
 * is the test class's), the pod-log tree, every stage as a child JVM; logs written while the pipeline runs, paced
 * by what the shipper committed ({@link PacedWriter}); in the chaos run, kills chosen by progress
 * ({@link ChaosPlan}); then, once every backend holds every event routed to it and every group has consumed
 * everything, the stages are stopped and each backend is checked ({@link BackendCheck}).
 */
final class AcceptanceRun {

  static final int PARTITIONS = 3;
  static final int CALLS_PER_CONTAINER = 240;
  static final long SEED = 8;
  private static final Duration DELIVERY = Duration.ofMinutes(4);

  private final Path dir;
  private final ChaosPlan chaos;
  private final Duration quietTime;
  private final List<String> log = new ArrayList<>();
  private final long started = System.nanoTime();
  /** What the last poll of the backends saw, for the failure message. */
  private volatile String lastSeen = "";

  AcceptanceRun(Path dir, ChaosPlan chaos, Duration quietTime) {
    this.dir = dir;
    this.chaos = chaos;
    this.quietTime = quietTime;
  }

  /** Runs it and asserts; prints a timeline of the run on stdout. */
  void runAndCheck() throws Exception {
    // The backends first: a second OpenSearch node in this JVM, started after the mock API server, failed setting
    // Netty's processor count ("availableProcessors is already set"); started first, it starts every time.
    try (Backends backends = Backends.start(dir.resolve("opensearch"));
        DedicatedBroker broker = DedicatedBroker.start();
        MockCluster cluster = MockCluster.start()) {
      String bootstrap = broker.bootstrapServers();
      assertThat(Logpipe.commandLine().execute("topics", "create", "--bootstrap-servers", bootstrap,
          "--partitions", String.valueOf(PARTITIONS), "--replication-factor", "1")).isZero();
      List<PodSpec> pods = Workloads.pods();
      Map<String, String> uids = cluster.create(pods);
      PodLogTree tree = PodLogTree.generate(dir.resolve("pods"), pods, uids, CALLS_PER_CONTAINER, SEED);
      tree.writeAll(0.3);
      tree.write(Workloads.DELETED, 1.0);
      note("tree: " + tree.logs().size() + " containers, " + tree.expected().size() + " events in "
          + tree.totalLines() + " lines");

      KafkaProgress progress = new KafkaProgress(broker.broker().admin());
      Pipeline.Setup setup = new Pipeline.Setup(bootstrap, cluster.url(), backends.lokiUrl(),
          backends.openSearchUrl(), backends.s3Endpoint(), backends.s3Target(), InProcessS3.ACCESS_KEY,
          InProcessS3.SECRET_KEY, dir.resolve("pods"), dir, quietTime);
      Pipeline pipeline = Pipeline.startStages(setup);
      try (pipeline) {
        awaitStage(pipeline, Duration.ofMinutes(2)).until(() -> hasMembers(broker, Stage.ENRICHER.group));
        note("stages up, enricher synced");
        // Deleted before any of its lines is read: the enricher must answer from the pod it remembers.
        cluster.deletePod("batch", Workloads.DELETED);
        pipeline.startShipper();
        PacedWriter writing = new PacedWriter(tree, new RawTopic(bootstrap), progress, chaos, this::note);
        Thread writer = new Thread(writing, "pod-log-writer");
        writer.setDaemon(true);
        writer.start();
        chaos.run(pipeline, tree, progress, atMost -> awaitStage(pipeline, atMost), this::note);
        writer.join(Duration.ofMinutes(5).toMillis());
        assertThat(writing.failure()).as("the log writer").isNull();
        assertThat(writer.isAlive()).as("the log writer still writing after 5 minutes").isFalse();
        note("every line written");

        Map<Backend, BackendCheck> checks = Expectations.perBackend(tree);
        awaitStage(pipeline, DELIVERY).pollInterval(Duration.ofSeconds(2)).until(() -> delivered(backends, checks));
        note("every backend holds every event routed to it");
        awaitStage(pipeline, Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
            .until(() -> behind(progress).isEmpty());
        note("every group consumed everything");
        Map<String, Integer> exits = pipeline.stop();
        note("stopped: " + exits);
        // Every service exits with its runner's code after SIGTERM (runtime's ExitWithRunnerCode): 0 for a clean
        // stop; 3 would be a stop timeout, 1 a crash, 97 an orphaned stage, 143 the JVM's status if the code is lost.
        assertThat(exits).as("exit codes after SIGTERM").allSatisfy((stage, code) -> assertThat(code).isZero());
        chaos.expectedStarts().forEach((stage, starts) ->
            assertThat(pipeline.incarnations().get(stage)).as("starts of " + stage).isEqualTo(starts.intValue()));
      } catch (Throwable t) {
        note("FAILED (" + t + "); " + lastSeen + "\n" + pipeline.tails(20));
        throw t;
      } finally {
        System.out.println(String.join("\n", log));
      }

      Map<String, Integer> raw = new RawTopic(bootstrap).linesByIdentity();
      assertThat(raw.values().stream().mapToInt(Integer::intValue).sum()).as("lines in logs.raw.v1")
          .isEqualTo(tree.totalLines());
      assertThat(raw).as("lines shipped more than once").allSatisfy((line, copies) -> assertThat(copies).isOne());
      assertThat(progress.committedEnd(Topics.DLQ.name())).as("records in logs.dlq.v1").isZero();
      List<String> problems = new ArrayList<>();
      Expectations.perBackend(tree).forEach((backend, check) -> problems.addAll(check.problems(backends.read(backend))));
      System.out.println("acceptance: Loki received " + backends.lokiRepeats() + " entries more than once");
      assertThat(problems).as("what the backends hold").isEmpty();
    }
  }

  private boolean delivered(Backends backends, Map<Backend, BackendCheck> checks) {
    StringBuilder seen = new StringBuilder("delivered so far:");
    boolean all = true;
    for (var check : checks.entrySet()) {
      long arrived = check.getValue().arrived(backends.read(check.getKey()));
      seen.append(' ').append(check.getKey()).append(' ').append(arrived).append('/')
          .append(check.getValue().expectedCount());
      all &= arrived == check.getValue().expectedCount();
    }
    lastSeen = seen.toString();
    return all;
  }

  /** Groups still behind on their input, by name. */
  private static Map<String, Long> behind(KafkaProgress progress) {
    Map<String, Long> behind = new TreeMap<>();
    for (Stage stage : Stage.values()) {
      if (stage.group != null) {
        long lag = progress.lag(stage.group, stage.input);
        if (lag > 0) {
          behind.put(stage.group, lag);
        }
      }
    }
    return behind;
  }

  private static boolean hasMembers(DedicatedBroker broker, String group) throws Exception {
    try {
      return !broker.broker().admin().describeConsumerGroups(List.of(group)).all().get().get(group).members()
          .isEmpty();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof GroupIdNotFoundException) {
        return false; // not joined yet
      }
      throw e;
    }
  }

  /** Awaitility that gives up at once when a stage died on its own, and says where the run was. */
  private ConditionFactory awaitStage(Pipeline pipeline, Duration atMost) {
    return await().atMost(atMost).pollInterval(Duration.ofMillis(500))
        .failFast(() -> assertThat(pipeline.exited()).as("stages that exited on their own").isEmpty());
  }

  private void note(String what) {
    String line = String.format("acceptance %s +%5.1fs: %s", chaos.expectedStarts().isEmpty() ? "calm" : "chaos",
        (System.nanoTime() - started) / 1e9, what);
    synchronized (log) {
      log.add(line);
    }
    System.out.println(line);
  }
}
