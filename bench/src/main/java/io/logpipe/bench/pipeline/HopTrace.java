package io.logpipe.bench.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the latency of each measured event went, hop by hop: the sink probe's events joined by file and offset with
 * what the raw probe saw of their first line. Printed for the measured events and their slowest 1 %, then second by
 * second of write time from the first line (warm-up included).
 */
final class HopTrace {

  /** The hops in order; each is the difference of two consecutive instants of {@link #instants}. */
  static final List<String> HOPS = List.of("write→read", "read→send", "send→raw visible", "raw visible→sink");

  private final List<long[]> hops = new ArrayList<>(); // per matched event: the HOPS, then the total, in nanos
  private final List<Long> writtenAt = new ArrayList<>();
  private final int unmatched;
  private final long fromNanos;

  private HopTrace(LatencyProbe.Events events, Map<Long, RawProbe.Seen> raw, long fromNanos) {
    this.fromNanos = fromNanos;
    int missing = 0;
    for (int i = 0; i < events.count(); i++) {
      RawProbe.Seen seen = raw.get(events.keys()[i]);
      if (seen == null) {
        missing++;
        continue;
      }
      long[] t = {events.written()[i], seen.read(), seen.sent(), seen.visible(), events.visible()[i]};
      long[] h = new long[HOPS.size() + 1];
      for (int k = 0; k < HOPS.size(); k++) {
        h[k] = t[k + 1] - t[k];
      }
      h[HOPS.size()] = t[t.length - 1] - t[0];
      hops.add(h);
      writtenAt.add(events.written()[i]);
    }
    this.unmatched = missing;
  }

  /** {@code fromNanos}: where the measured part starts; the tables cover it, the timeline every traced event. */
  static HopTrace of(LatencyProbe.Events events, Map<Long, RawProbe.Seen> raw, long fromNanos) {
    return new HopTrace(events, raw, fromNanos);
  }

  /** The table: p50 / p99 / max in ms of each hop, over all events and over those at or above the total's p99. */
  List<String> lines() {
    List<String> out = new ArrayList<>();
    if (hops.isEmpty()) {
      out.add("  per hop: no event matched a raw line (" + unmatched + " unmatched)");
      return out;
    }
    List<long[]> measured = new ArrayList<>();
    for (int i = 0; i < hops.size(); i++) {
      if (writtenAt.get(i) >= fromNanos) {
        measured.add(hops.get(i));
      }
    }
    if (measured.isEmpty()) {
      out.add("  per hop: no measured event matched a raw line");
      return out;
    }
    long p99 = quantile(column(measured, HOPS.size()), 0.99);
    List<long[]> slow = measured.stream().filter(h -> h[HOPS.size()] >= p99).toList();
    out.add(String.format("  per hop after the warm-up, ms (%,d events matched to their raw line, %,d not): p50 / p99"
        + " / max of all | p50 / p99 / max of the slowest 1 %% (%,d events, total ≥ %.0f ms)", measured.size(), unmatched,
        slow.size(), p99 / 1e6));
    for (int k = 0; k <= HOPS.size(); k++) {
      String name = k < HOPS.size() ? HOPS.get(k) : "total";
      long[] all = column(measured, k);
      long[] tail = column(slow, k);
      out.add(String.format("    %-18s %7.0f %7.0f %7.0f | %7.0f %7.0f %7.0f", name, q(all, 0.5), q(all, 0.99),
          q(all, 1.0), q(tail, 0.5), q(tail, 0.99), q(tail, 1.0)));
    }
    out.add(steadyState());
    out.addAll(timeline());
    return out;
  }

  /**
   * Cold start apart from steady state: the first second (of write time, from the first line) from which every
   * later second's slowest event took less than the goal, and the percentiles of the events written from then on.
   */
  private String steadyState() {
    long first = writtenAt.stream().mapToLong(Long::longValue).min().orElse(0);
    int total = HOPS.size();
    Map<Long, Long> worst = new TreeMap<>();
    for (int i = 0; i < hops.size(); i++) {
      worst.merge((writtenAt.get(i) - first) / 1_000_000_000L, hops.get(i)[total], Math::max);
    }
    long goal = LatencyRun.GOAL_P99.toNanos();
    long caughtUp = -1;
    for (Map.Entry<Long, Long> e : worst.entrySet()) {
      if (e.getValue() >= goal) {
        caughtUp = -1;
      } else if (caughtUp < 0) {
        caughtUp = e.getKey();
      }
    }
    if (caughtUp < 0) {
      return "  steady state: never reached (the last second's slowest event took longer than the goal)";
    }
    List<long[]> steady = new ArrayList<>();
    for (int i = 0; i < hops.size(); i++) {
      if ((writtenAt.get(i) - first) / 1_000_000_000L >= caughtUp) {
        steady.add(hops.get(i));
      }
    }
    long[] t = column(steady, total);
    return String.format("  steady state: caught up %d s after the first line written (every later second's slowest"
        + " event under %d s); events written from then on: p50 %.0f ms, p99 %.0f ms, max %.0f ms over %,d events",
        caughtUp, LatencyRun.GOAL_P99.toSeconds(), q(t, 0.5), q(t, 0.99), q(t, 1.0), t.length);
  }

  /**
   * Second by second of write time from the first line written (warm-up marked {@code w}): events, the p50 of the
   * total and of the stage hop, and the slowest event with its hops. A backlog drains as a falling line; a stall
   * shows as a peak; a periodic cause as peaks at a period.
   */
  private List<String> timeline() {
    List<String> out = new ArrayList<>();
    long first = writtenAt.stream().mapToLong(Long::longValue).min().orElse(0);
    Map<Long, List<long[]>> bySecond = new TreeMap<>();
    Map<Long, Integer> rawBySecond = new TreeMap<>();
    Map<Long, Integer> sinkBySecond = new TreeMap<>();
    int total = HOPS.size();
    for (int i = 0; i < hops.size(); i++) {
      long[] h = hops.get(i);
      long w = writtenAt.get(i) - first;
      bySecond.computeIfAbsent(w / 1_000_000_000L, s -> new ArrayList<>()).add(h);
      rawBySecond.merge((w + h[0] + h[1] + h[2]) / 1_000_000_000L, 1, Integer::sum);
      sinkBySecond.merge((w + h[total]) / 1_000_000_000L, 1, Integer::sum);
    }
    out.add(String.format("  by second from the first line written (w: warm-up): events written, made visible on the"
        + " raw topic, on the sink topic in that second; of those written: p50 total, p50 %s, then the slowest event:"
        + " total = its hops (%s), ms", HOPS.get(total - 1), String.join(", ", HOPS)));
    bySecond.forEach((second, rows) -> {
      long[] worst = rows.stream().max(Comparator.comparingLong(h -> h[total])).orElseThrow();
      StringBuilder row = new StringBuilder(String.format("    %s%3d %,7d %,7d %,7d %6.0f %6.0f | %6.0f =", first
          + (second + 1) * 1_000_000_000L <= fromNanos ? "w" : " ", second, rows.size(),
          rawBySecond.getOrDefault(second, 0), sinkBySecond.getOrDefault(second, 0), q(column(rows, total), 0.5),
          q(column(rows, total - 1), 0.5), worst[total] / 1e6));
      for (int k = 0; k < total; k++) {
        row.append(String.format(" %5.0f", worst[k] / 1e6));
      }
      out.add(row.toString());
    });
    return out;
  }

  private static long[] column(List<long[]> rows, int k) {
    long[] c = new long[rows.size()];
    for (int i = 0; i < c.length; i++) {
      c[i] = rows.get(i)[k];
    }
    Arrays.sort(c);
    return c;
  }

  private static double q(long[] sorted, double quantile) {
    return sorted.length == 0 ? Double.NaN : quantile(sorted, quantile) / 1e6;
  }

  private static long quantile(long[] sorted, double quantile) {
    return sorted[(int) Math.max(0, Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1))];
  }
}
