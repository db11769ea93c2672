package io.logpipe.bench.redactor;

import io.logpipe.redactor.policy.Policy;
import io.logpipe.redactor.policy.Redactor;
import io.logpipe.redactor.scan.PiiScanner;
import io.logpipe.redactor.scan.ScanConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.function.Consumer;

/**
 * MB per CPU-second of the same three implementations as {@link ScannerBench}, measured with the thread's CPU time
 * rather than wall time: on a machine shared with other work, wall-clock throughput measures the neighbours, CPU time
 * measures the code ("per core"). Run: {@code java -cp … io.logpipe.bench.redactor.CpuTimeRun [seconds]}.
 */
public final class CpuTimeRun {
  private CpuTimeRun() {
  }

  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
    List<String> lines = RealisticLines.generate(ScannerBench.LINES, 42);
    long bytes = RealisticLines.utf8Bytes(lines);
    PiiScanner scanner = new PiiScanner(ScanConfig.defaults());
    Redactor redactor = new Redactor(null);
    Policy policy = Policy.defaults();
    NaiveRegexScanner naive = new NaiveRegexScanner();
    long[] sink = new long[1];
    Consumer<List<String>> scan = ls -> ls.forEach(l -> sink[0] += scanner.scan(l).size());
    Consumer<List<String>> redact = ls -> ls.forEach(l -> sink[0] += redactor.redact(l, policy).text().length());
    Consumer<List<String>> regex = ls -> ls.forEach(l -> sink[0] += naive.scan(l).size());
    double s = run("scanner", scan, lines, bytes, seconds);
    run("redactor", redact, lines, bytes, seconds);
    double n = run("naiveRegexPerRule", regex, lines, bytes, seconds);
    System.out.printf("scanner / naive = %.1fx (checksum %d)%n", s / n, sink[0]);
  }

  private static double run(String name, Consumer<List<String>> body, List<String> lines, long bytes, double seconds) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long warmEnd = threads.getCurrentThreadCpuTime() + (long) (seconds * 0.5e9);
    while (threads.getCurrentThreadCpuTime() < warmEnd) {
      body.accept(lines);
    }
    long start = threads.getCurrentThreadCpuTime();
    long end = start + (long) (seconds * 1e9);
    long batches = 0;
    long now;
    do {
      body.accept(lines);
      batches++;
      now = threads.getCurrentThreadCpuTime();
    } while (now < end);
    double mbPerCpuSecond = batches * bytes / 1e6 / ((now - start) / 1e9);
    System.out.printf("%-18s %8.1f MB per CPU-second (%d batches of %.2f MB)%n", name, mbPerCpuSecond, batches, bytes / 1e6);
    return mbPerCpuSecond;
  }
}
