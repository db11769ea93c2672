package io.logpipe.bench.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunWindowTest {

  private static RunWindow.Sample at(double seconds, long input, long output, double shipperCpu, double stageCpu) {
    return new RunWindow.Sample(seconds, input, output, Map.of("shipper", shipperCpu, "fused", stageCpu));
  }

  @Test
  void startsAtTheLastSampleBeforeAnyInputAndEndsAtTheFirstSampleWithTheFinalOutput() {
    RunWindow window = RunWindow.of(List.of(
        at(0, 0, 0, 1.0, 5.0),
        at(1, 0, 0, 1.5, 5.1),       // shipper JVM starting: not yet shipping, left out
        at(2, 500, 0, 2.0, 5.5),
        at(3, 1000, 400, 2.5, 6.5),
        at(4, 1000, 1000, 2.6, 7.1),
        at(5, 1000, 1000, 2.6, 7.2))); // quiet tail, left out
    assertThat(window.seconds()).isEqualTo(3.0);
    assertThat(window.output()).isEqualTo(1000);
    assertThat(window.cpuSeconds()).containsEntry("shipper", 1.1).containsEntry("fused", 2.0);
    assertThat(window.perSecond(1.0)).isCloseTo(333.3, within(0.1));
    assertThat(window.cpuPerMillion("fused", 1.0)).isCloseTo(2000.0, within(1e-9));
    assertThat(window.totalCpuPerMillion(1.0)).isCloseTo(3100.0, within(1e-9));
    assertThat(window.cores()).isCloseTo(3.1 / 3, within(1e-9));
  }

  @Test
  void countsOnlyRecordsWhenOffsetsAlsoHoldTransactionMarkers() {
    RunWindow window = RunWindow.of(List.of(at(0, 0, 0, 0, 0), at(2, 100, 1000, 0, 1.0)));
    assertThat(window.perSecond(0.9)).isCloseTo(450.0, within(1e-9));
    assertThat(window.cpuPerMillion("fused", 0.9)).isCloseTo(1.0 / 900 * 1e6, within(1e-6));
  }

  @Test
  void aProcessThatDidNotRunHasNoCpuFigure() {
    RunWindow window = RunWindow.of(List.of(at(0, 0, 0, 0, 0), at(1, 10, 10, 0, 1)));
    assertThat(window.cpuPerMillion("multiline", 1.0)).isNaN();
  }

  @Test
  void refusesARunWithNothingOut() {
    assertThatThrownBy(() -> RunWindow.of(List.of(at(0, 0, 0, 0, 0), at(1, 10, 0, 0, 0))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nothing came out");
    assertThatThrownBy(() -> RunWindow.of(List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
