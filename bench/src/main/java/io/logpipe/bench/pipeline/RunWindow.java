package io.logpipe.bench.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of a throughput run in which the pipeline worked: from the last sample before any input was shipped to
 * the first sample holding the final output. Rate and CPU are taken over all of it, every process included, with
 * the shipper running beside the stages as it would on a node. Not a window over the sink's output alone: the
 * shipper reads the pre-written tree faster than the stages consume it, so a window late in the run would see the
 * stages with the shipper idle and overstate what the whole pipeline sustains.
 */
record RunWindow(double seconds, long output, Map<String, Double> cpuSeconds) {

  /** One poll: seconds since the start, input and output so far, CPU seconds so far of each process. */
  record Sample(double seconds, long input, long output, Map<String, Double> cpu) {}

  RunWindow {
    cpuSeconds = Map.copyOf(cpuSeconds);
  }

  static RunWindow of(List<Sample> samples) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("no samples");
    }
    long last = samples.get(samples.size() - 1).output();
    Sample start = samples.stream().takeWhile(s -> s.input() == 0).reduce((a, b) -> b).orElse(samples.get(0));
    Sample end = samples.stream().filter(s -> s.output() == last).findFirst().orElseThrow();
    if (end.seconds() <= start.seconds() || end.output() <= start.output()) {
      throw new IllegalArgumentException("nothing came out between " + start + " and " + end);
    }
    Map<String, Double> cpu = new LinkedHashMap<>();
    end.cpu().forEach((name, seconds) -> cpu.put(name, seconds - start.cpu().getOrDefault(name, 0.0)));
    return new RunWindow(end.seconds() - start.seconds(), end.output() - start.output(), cpu);
  }

  /** Output records per second over the window, scaled by {@code recordsPerOffset} (markers left out). */
  double perSecond(double recordsPerOffset) {
    return output * recordsPerOffset / seconds;
  }

  /** CPU seconds of {@code process} per million output records; NaN if it did not run. */
  double cpuPerMillion(String process, double recordsPerOffset) {
    return cpuSeconds.getOrDefault(process, Double.NaN) / (output * recordsPerOffset / 1e6);
  }

  /** CPU seconds of every process per million output records. */
  double totalCpuPerMillion(double recordsPerOffset) {
    return cpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum() / (output * recordsPerOffset / 1e6);
  }

  /** Cores used on average over the window, all processes together. */
  double cores() {
    return cpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum() / seconds;
  }
}
