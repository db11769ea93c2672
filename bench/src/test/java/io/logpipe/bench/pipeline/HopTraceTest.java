package io.logpipe.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HopTraceTest {

  private static final long MS = 1_000_000L;
  private static final long S = 1000 * MS;

  /** Events written every 100 ms for 20 s; those of the first {@code backlogSeconds} wait {@code backlog} in the stage. */
  private static HopTrace trace(int backlogSeconds, long backlog, long warmup) {
    int n = 200;
    long[] written = new long[n];
    long[] visible = new long[n];
    long[] keys = new long[n];
    Map<Long, RawProbe.Seen> raw = new HashMap<>();
    FileOffsets offsets = new FileOffsets();
    for (int i = 0; i < n; i++) {
      long w = i * 100 * MS;
      long rawVisible = w + 10 * MS + 2 * MS + 150 * MS; // read after 10, sent after 2, visible after 150 ms
      written[i] = w;
      visible[i] = rawVisible + 100 * MS + (w < backlogSeconds * S ? backlog : 0);
      keys[i] = offsets.of("pod-" + i % 3, i * 200L);
      raw.put(keys[i], new RawProbe.Seen(w + 10 * MS, w + 12 * MS, rawVisible));
    }
    return HopTrace.of(new LatencyProbe.Events(n, written, visible, keys), raw, warmup);
  }

  @Test
  void splitsEachEventIntoItsHopsAndShowsTheStageHopAsTheTail() {
    List<String> lines = trace(5, 3 * S, 0).lines();
    assertThat(lines.get(0)).contains("200 events matched to their raw line, 0 not");
    assertThat(lines).anySatisfy(l -> assertThat(l.split(" +")).containsSubsequence("write→read", "10", "10", "10"));
    assertThat(lines).anySatisfy(l -> assertThat(l.split(" +")).containsSubsequence("read→send", "2", "2", "2"));
    // a quarter of the events waited 3 s more in the stage: its p99 and max, and the whole slowest 1 %
    assertThat(lines).anySatisfy(l -> assertThat(l.split(" +"))
        .containsSubsequence("visible→sink", "100", "3100", "3100", "|", "3100", "3100", "3100"));
  }

  @Test
  void tellsTheColdStartBacklogFromTheSteadyState() {
    assertThat(trace(5, 3 * S, 0).lines()).anySatisfy(l -> assertThat(l)
        .contains("steady state: caught up 5 s after the first line written")
        .contains("p50 262 ms, p99 262 ms, max 262 ms over 150 events"));
    assertThat(trace(20, 3 * S, 0).lines()).anySatisfy(l -> assertThat(l).contains("steady state: never reached"));
  }

  @Test
  void leavesTheWarmUpOutOfTheHopTableButNotOutOfTheTimeline() {
    List<String> lines = trace(5, 3 * S, 10 * S).lines();
    assertThat(lines.get(0)).contains("100 events matched");
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("    w  0 "));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("      19 "));
  }

  @Test
  void countsEventsWhoseRawLineWasNotSeen() {
    LatencyProbe.Events events = new LatencyProbe.Events(1, new long[] {0}, new long[] {S}, new long[] {42});
    assertThat(HopTrace.of(events, Map.of(), 0).lines()).containsExactly(
        "  per hop: no event matched a raw line (1 unmatched)");
  }
}
