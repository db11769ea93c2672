package io.logpipe.shipper.sidecar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.logpipe.runtime.config.ConfigException;
import io.logpipe.runtime.config.ConfigReader;
import io.logpipe.schemas.PodLogPath;
import io.logpipe.schemas.RawLine;
import io.logpipe.schemas.StreamKey;
import io.logpipe.schemas.Topics;
import io.logpipe.shipper.tail.FileId;
import io.logpipe.shipper.tail.FileSlice;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SidecarTest {

  private static final StreamKey POD = new StreamKey("shop", "web-7d9f8-abcde",
      "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", "app-files");

  private static Optional<SidecarConfig> read(Map<String, String> env) {
    ConfigReader r = ConfigReader.of("SHIPPER", env, Optional.empty());
    Optional<SidecarConfig> config = SidecarConfig.read(r);
    r.done();
    return config;
  }

  private static Map<String, String> downwardApi() {
    Map<String, String> env = new HashMap<>(Map.of("POD_NAMESPACE", POD.namespace(), "POD_NAME", POD.pod(),
        "POD_UID", POD.podUid(), "SHIPPER_SIDECAR_CONTAINER", POD.container()));
    env.put("SHIPPER_SIDECAR_GLOBS", "/var/log/app/*.log");
    return env;
  }

  @Test
  void isOffWithoutGlobs() {
    assertThat(read(Map.of("POD_NAME", "x"))).isEmpty();
  }

  @Test
  void takesThePodIdentityFromTheDownwardApi() {
    SidecarConfig c = read(downwardApi()).orElseThrow();

    assertThat(c.pod()).isEqualTo(POD);
    assertThat(c.globs()).containsExactly("/var/log/app/*.log");
    assertThat(c.stream()).isEqualTo("stdout");
  }

  @Test
  void reportsAMissingIdentityAndAnIdentityThatCannotFormAKubeletPath() {
    assertThatThrownBy(() -> read(Map.of("SHIPPER_SIDECAR_GLOBS", "/var/log/app/*.log")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("SHIPPER_SIDECAR_NAMESPACE")
        .hasMessageContaining("SHIPPER_SIDECAR_POD").hasMessageContaining("SHIPPER_SIDECAR_CONTAINER");
    Map<String, String> env = downwardApi();
    env.put("POD_NAME", "web_1");
    env.put("SHIPPER_SIDECAR_STREAM", "stdin");
    env.put("SHIPPER_SIDECAR_GLOBS", "app/*.log");
    assertThatThrownBy(() -> read(env)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("kubelet log path").hasMessageContaining("SHIPPER_SIDECAR_STREAM")
        .hasMessageContaining("not absolute");
  }

  @Test
  void framesEachLineAsTheRuntimeWouldUnderTheContainersKubeletPath() {
    byte[] data = "first line\nsecond\n".getBytes(StandardCharsets.UTF_8);
    Instant read = Instant.parse("2026-11-21T02:15:28.123Z");
    FileSlice slice = new FileSlice(new FileId(5, 77, 0x1234), "/var/log/app/app.log", POD, 100, data,
        new int[] {0, 11}, new int[] {10, 6}, new boolean[] {false, false}, 2, 118, 9, false, read);
    List<String> keys = new ArrayList<>();
    List<RawLine> lines = new ArrayList<>();

    new SidecarRecords("worker-1", POD, "stdout").lines(slice, (topic, key, value) -> {
      assertThat(topic).isEqualTo(Topics.RAW.name());
      keys.add(new String(key, StandardCharsets.UTF_8));
      lines.add(Topics.RAW_LINE.decode(value));
    });

    assertThat(keys).containsOnly(POD.toString());
    assertThat(lines).extracting(l -> StandardCharsets.UTF_8.decode(l.getLine()).toString()).containsExactly(
        "2026-11-21T02:15:28.123000000Z stdout F first line", "2026-11-21T02:15:28.123000000Z stdout F second");
    assertThat(lines).extracting(RawLine::getOffset).containsExactly(100L, 111L);
    RawLine first = lines.get(0);
    assertThat(first.getPath()).isEqualTo("/var/log/pods/shop_web-7d9f8-abcde_0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"
        + "/app-files/0.log");
    assertThat(PodLogPath.parse(first.getPath()).orElseThrow().stream()).isEqualTo(POD);
    assertThat(first.getNode()).isEqualTo("worker-1");
    assertThat(first.getFileId().getInode()).isEqualTo(77L);
    assertThat(first.getContinued()).isFalse();
  }

  @Test
  void turnsTheChunksOfACutLineIntoCriPartialLines() {
    byte[] data = "aaaabbbbcc\n".getBytes(StandardCharsets.UTF_8);
    FileSlice slice = new FileSlice(new FileId(5, 77, 0x1234), "/var/log/app/app.log", POD, 0, data,
        new int[] {0, 4, 8}, new int[] {4, 4, 2}, new boolean[] {true, true, false}, 3, 11, 9, false,
        Instant.parse("2026-11-21T02:15:28Z"));
    List<String> lines = new ArrayList<>();

    new SidecarRecords("worker-1", POD, "stderr").lines(slice,
        (topic, key, value) -> lines.add(StandardCharsets.UTF_8.decode(Topics.RAW_LINE.decode(value).getLine())
            .toString()));

    assertThat(lines).containsExactly("2026-11-21T02:15:28.000000000Z stderr P aaaa",
        "2026-11-21T02:15:28.000000000Z stderr P bbbb", "2026-11-21T02:15:28.000000000Z stderr F cc");
  }
}
