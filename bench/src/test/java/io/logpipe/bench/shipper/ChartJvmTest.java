package io.logpipe.bench.shipper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChartJvmTest {

  @TempDir
  Path dir;

  @ParameterizedTest
  @CsvSource({"256Mi, 268435456", "1Gi, 1073741824", "512Ki, 524288", "128M, 128000000", "1k, 1000", "1000, 1000",
      "0.5Gi, 536870912"})
  void readsKubernetesMemoryQuantitiesAsBytes(String quantity, long bytes) {
    assertThat(ChartJvm.memoryBytes(quantity)).isEqualTo(bytes);
  }

  @ParameterizedTest
  @CsvSource({"1, 1", "500m, 1", "1500m, 2", "2, 2", "0.1, 1", "1.5, 2"})
  void roundsACpuLimitUpToWholeProcessorsAsTheJvmDoesUnderAQuota(String quantity, int cpus) {
    assertThat(ChartJvm.cpus(quantity)).isEqualTo(cpus);
  }

  @Test
  void refusesAChartWithoutLimitsRatherThanMeasuringAnotherJvm() {
    assertThatThrownBy(() -> ChartJvm.memoryBytes("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChartJvm.cpus(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChartJvm.memoryBytes("lots")).isInstanceOf(NumberFormatException.class);
  }

  @Test
  void takesTheShippersFlagsEnvironmentAndLimitsAndGivesTheContainersLimitsToTheJvmFirst() throws IOException {
    Path values = write("""
        javaOptions: "-XX:MaxRAMPercentage=60"
        shipper:
          javaOptions: "-XX:+UseSerialGC  -XX:MinRAMPercentage=25"
          jvmEnv:
            MALLOC_ARENA_MAX: "2"
          resources:
            requests: {cpu: 200m, memory: 192Mi}
            limits: {cpu: "1", memory: 256Mi}
        """);

    ChartJvm jvm = ChartJvm.read(values);

    assertThat(jvm.env()).isEqualTo(Map.of("MALLOC_ARENA_MAX", "2"));
    assertThat(jvm.jvmArgs()).containsExactly("-XX:MaxRAM=268435456", "-XX:ActiveProcessorCount=1",
        "-XX:+UseSerialGC", "-XX:MinRAMPercentage=25");
    assertThat(jvm.jvmArgs("-Xmx32m")).containsExactly("-XX:MaxRAM=268435456", "-XX:ActiveProcessorCount=1",
        "-Xmx32m");
  }

  @Test
  void fallsBackToTheChartWideFlagsAsTheTemplateDoes() throws IOException {
    Path values = write("""
        javaOptions: "-XX:MaxRAMPercentage=60"
        shipper:
          javaOptions: ""
          resources:
            limits: {cpu: 2, memory: 1Gi}
        """);

    assertThat(ChartJvm.read(values).jvmArgs()).containsExactly("-XX:MaxRAM=1073741824",
        "-XX:ActiveProcessorCount=2", "-XX:MaxRAMPercentage=60");
  }

  @Test
  void readsTheChartThisRepositoryShips() throws IOException {
    ChartJvm shipped = ChartJvm.read(ChartJvm.VALUES);

    assertThat(shipped.memoryLimitBytes()).isPositive();
    assertThat(shipped.javaOptions()).isNotBlank();
  }

  private Path write(String yaml) throws IOException {
    return Files.writeString(dir.resolve("values.yaml"), yaml);
  }
}
