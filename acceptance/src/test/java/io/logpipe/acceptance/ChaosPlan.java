package io.logpipe.acceptance;

import io.logpipe.acceptance.Pipeline.Stage;
import io.logpipe.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionFactory;

/**
 * The kills of the chaos run, each chosen by progress: kill -9 of the shipper at 40 % of the tree's lines committed
 * to logs.raw.v1, of the multiline stage at 50 % consumed from it, of the shipper again at 80 %, each restarted with
 * the same command. The writer holds back the lines from {@link Kill#writeFrom} per cent on until the kill before
 * them happened, so every kill lands while lines flow. In the calm run there are none.
 */
final class ChaosPlan {

  /** A kill -9 of {@code stage} at {@code atPercent} progress; the writer waits for it before {@code writeFrom} %. */
  record Kill(Stage stage, int atPercent, int writeFrom) {}

  private static final List<Kill> KILLS = List.of(new Kill(Stage.SHIPPER, 40, 60),
      new Kill(Stage.MULTILINE, 50, 76), new Kill(Stage.SHIPPER, 80, 96));

  private final List<Kill> kills;
  private final Map<Kill, CountDownLatch> done;

  private ChaosPlan(List<Kill> kills) {
    this.kills = kills;
    this.done = kills.stream().collect(Collectors.toMap(k -> k, k -> new CountDownLatch(1)));
  }

  static ChaosPlan none() {
    return new ChaosPlan(List.of());
  }

  static ChaosPlan killNine() {
    return new ChaosPlan(KILLS);
  }

  /** Called by the writer before it writes up to {@code percent}: waits (bounded) for the kills gating it. */
  void awaitKillsGating(int percent) throws InterruptedException {
    for (Kill kill : kills) {
      if (kill.writeFrom() == percent && !done.get(kill).await(3, TimeUnit.MINUTES)) {
        throw new AssertionError("the kill of " + kill.stage() + " at " + kill.atPercent() + " % did not happen");
      }
    }
  }

  /** Carries out the kills in order, each once its stage's progress reaches its mark; notes each. */
  void run(Pipeline pipeline, PodLogTree tree, KafkaProgress progress,
      Function<Duration, ConditionFactory> await, Consumer<String> note) throws Exception {
    String raw = Topics.RAW.name();
    for (Kill kill : kills) {
      long mark = (long) tree.totalLines() * kill.atPercent() / 100;
      await.apply(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() ->
          (kill.stage() == Stage.SHIPPER ? progress.committedEnd(raw) : progress.consumed(kill.stage().group, raw))
              >= mark);
      pipeline.killAndRestart(kill.stage());
      done.get(kill).countDown();
      note.accept(kill.stage().logName() + " killed (-9) and restarted"
          + (kill.stage() == Stage.SHIPPER ? "" : " on a fresh state directory") + ": "
          + progress.committedEnd(raw) + " raw offsets committed, " + progress.consumed(Stage.MULTILINE.group, raw)
          + " consumed, " + tree.linesWritten() + " lines written of " + tree.totalLines());
    }
  }

  /** How many times each stage must have been started by the end of the run. */
  Map<Stage, Long> expectedStarts() {
    Map<Stage, Long> starts = kills.stream().collect(Collectors.groupingBy(Kill::stage, Collectors.counting()));
    starts.replaceAll((stage, killed) -> killed + 1);
    return starts;
  }
}
