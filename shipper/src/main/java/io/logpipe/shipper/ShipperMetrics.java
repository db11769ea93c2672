package io.logpipe.shipper;

import io.logpipe.runtime.health.DropReason;
import io.logpipe.runtime.health.ServiceMetrics;
import io.logpipe.shipper.tail.ResumeCheck;
import io.logpipe.shipper.tail.ShipProgress;
import io.logpipe.shipper.tail.TailEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * The shipper's meters (issue 3, "Observability"), by intent: lines and bytes read and shipped, bytes behind (size
 * minus committed position, summed over files), files tracked, rotations, truncations, long lines split, saved
 * positions rejected on resume (by reason), transactions and delivery failures. Drops go through the shared
 * {@code logpipe_records_dropped_total{stage="shipper"}}: the shipper drops nothing by design, so it stays 0.
 */
public final class ShipperMetrics implements TailEvents {

  static final String STAGE = "shipper";

  private final Counter linesRead;
  private final Counter bytesRead;
  private final Counter linesShipped;
  private final Counter batches;
  private final Counter deliveryFailures;
  private final Counter splits;
  private final Counter rotations;
  private final Counter truncations;
  private final Counter released;
  private final Map<ResumeCheck.Outcome, Counter> rejected = new EnumMap<>(ResumeCheck.Outcome.class);

  public ShipperMetrics(ServiceMetrics metrics, ShipProgress progress) {
    MeterRegistry r = metrics.registry();
    linesRead = Counter.builder("logpipe.shipper.lines.read").register(r);
    bytesRead = Counter.builder("logpipe.shipper.bytes.read").baseUnit("bytes").register(r);
    linesShipped = Counter.builder("logpipe.shipper.lines.shipped")
        .description("Lines in committed batches").register(r);
    batches = Counter.builder("logpipe.shipper.batches").description("Committed batches (transactions)").register(r);
    deliveryFailures = Counter.builder("logpipe.shipper.delivery.failures")
        .description("Batches not delivered: reconnected and re-read from the committed positions").register(r);
    splits = Counter.builder("logpipe.shipper.lines.split").description("Over-long lines cut into chunks").register(r);
    rotations = Counter.builder("logpipe.shipper.rotations").register(r);
    truncations = Counter.builder("logpipe.shipper.truncations").register(r);
    released = Counter.builder("logpipe.shipper.files.released").register(r);
    for (ResumeCheck.Outcome o : ResumeCheck.Outcome.values()) {
      if (!o.resumes()) {
        rejected.put(o, Counter.builder("logpipe.shipper.resume.rejected").tag("reason", o.name().toLowerCase(java.util.Locale.ROOT))
            .register(r));
      }
    }
    Gauge.builder("logpipe.shipper.bytes.behind", progress, ShipProgress::bytesBehind).baseUnit("bytes")
        .register(r);
    Gauge.builder("logpipe.shipper.files.tracked", progress, ShipProgress::filesTracked).register(r);
    metrics.recordsDropped(STAGE, DropReason.EXCLUDED, 0);
  }

  @Override
  public void linesRead(int lines, long bytes) {
    linesRead.increment(lines);
    bytesRead.increment(bytes);
  }

  @Override
  public void lineSplit() {
    splits.increment();
  }

  @Override
  public void rotated() {
    rotations.increment();
  }

  @Override
  public void truncated() {
    truncations.increment();
  }

  @Override
  public void resumeRejected(ResumeCheck.Outcome why) {
    Counter c = rejected.get(why);
    if (c != null) {
      c.increment();
    }
  }

  @Override
  public void fileReleased() {
    released.increment();
  }

  void batchShipped(int lines) {
    batches.increment();
    linesShipped.increment(lines);
  }

  void deliveryFailed() {
    deliveryFailures.increment();
  }

  double linesShipped() {
    return linesShipped.count();
  }
}
