package io.logpipe.multiline.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.multiline.detect.Detectors;
import io.logpipe.multiline.format.LineFormat;
import io.logpipe.schemas.FileIdentity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a restarted instance reads back from the store must continue exactly where the old one stopped. */
class AssemblerStateCodecTest {

  private final Detectors detectors = Detectors.builtinsOnly();
  private final Origin origin = new Origin("node-1", "/var/log/pods/a_b_c/app/0.log", new FileIdentity(1L, 2L, 3L));

  private ContainerAssembler fresh() {
    return new ContainerAssembler(LineFormat.AUTO, AssemblyLimits.DEFAULT, () -> detectors.forStream("a", "b", "app"),
        AssemblyMetrics.NONE);
  }

  private static List<String> feed(ContainerAssembler a, long offset, boolean continued, String... lines) {
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      byte[] b = l.getBytes(StandardCharsets.UTF_8);
      a.accept(new RawInput(null, offset, b, continued, 0), 0, e -> out.add(e.message() + "|" + e.flags()));
      offset += b.length + 1;
    }
    return out;
  }

  @Test
  void resumesPartialsOpenTracesHeldLinesAndChunksAfterADecode() {
    ContainerAssembler before = fresh();
    before.accept(new RawInput(origin, 0, "2024-01-01T00:00:00.5Z stdout P half "
        .getBytes(StandardCharsets.UTF_8), false, 0), 7, e -> { });
    feed(before, 100, false, "2024-01-01T00:00:01Z stderr F Traceback (most recent call last):",
        "2024-01-01T00:00:01Z stderr F   File \"x.py\", line 1, in <module>", "2024-01-01T00:00:01Z stderr F     f()",
        "2024-01-01T00:00:01Z stderr F ValueError: x", "2024-01-01T00:00:01Z stderr F ");
    feed(before, 900, true, "2024-01-01T00:00:02Z stdout F chunk one ");

    ContainerAssembler after = AssemblerStateCodec.decode(AssemblerStateCodec.encode(before), fresh());
    assertThat(AssemblerStateCodec.encode(after)).isEqualTo(AssemblerStateCodec.encode(before));

    List<String> out = feed(after, 1000, false, "chunk two",
        "2024-01-01T00:00:03Z stderr F During handling of the above exception, another exception occurred:",
        "2024-01-01T00:00:03Z stderr F ", "2024-01-01T00:00:03Z stderr F Traceback (most recent call last):",
        "2024-01-01T00:00:03Z stderr F   File \"y.py\", line 2, in <module>", "2024-01-01T00:00:03Z stderr F     g()",
        "2024-01-01T00:00:03Z stderr F KeyError: 'k'", "2024-01-01T00:00:04Z stdout F line",
        "2024-01-01T00:00:04Z stderr F done");
    assertThat(out).containsExactly("half chunk one chunk two|[]", "line|[]",
        "Traceback (most recent call last):\n  File \"x.py\", line 1, in <module>\n    f()\nValueError: x\n\n"
            + "During handling of the above exception, another exception occurred:\n\n"
            + "Traceback (most recent call last):\n  File \"y.py\", line 2, in <module>\n    g()\nKeyError: 'k'|[]",
        "done|[]");
  }

  @Test
  void emptyAssemblerEncodesToAlmostNothing() {
    ContainerAssembler a = fresh();
    assertThat(a.isEmpty()).isTrue();
    assertThat(AssemblerStateCodec.encode(a)).hasSizeLessThan(8);
  }
}
