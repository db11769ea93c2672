package io.logpipe.multiline.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.multiline.detect.Detectors;
import io.logpipe.multiline.format.LineFormat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerAssemblerTest {

  private final List<AssembledEvent> out = new ArrayList<>();
  private final List<String> counted = new ArrayList<>();
  private final AssemblyMetrics metrics = new AssemblyMetrics() {
    @Override
    public void overflow(OverflowAction action) {
      counted.add("overflow:" + action);
    }

    @Override
    public void rejected(String reason) {
      counted.add("rejected:" + reason);
    }

    @Override
    public void quietFlush() {
      counted.add("quiet");
    }
  };
  private long offset;

  private ContainerAssembler assembler(AssemblyLimits limits) {
    Detectors d = Detectors.builtinsOnly();
    return new ContainerAssembler(LineFormat.AUTO, limits, () -> d.forStream("ns", "p", "c"), metrics);
  }

  private String feed(ContainerAssembler a, String line, long now) {
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    String r = a.accept(new RawInput(Origin.ofPath("/var/log/pods/x/0.log"), offset, b, false, 0), now, out::add);
    offset += b.length + 1;
    return r;
  }

  @Test
  void joinsCriPartialLinesPerStreamWithTheFirstPiecesTimeAndCoordinates() {
    ContainerAssembler a = assembler(AssemblyLimits.DEFAULT);
    feed(a, "2019-05-07T18:57:50.904275087+00:00 stdout P 1a. some ", 0);
    feed(a, "2019-05-07T18:57:50.904275087+00:00 stderr P 1b. some ", 0);
    feed(a, "2019-05-07T18:57:51.904275088+00:00 stdout F log", 0);
    feed(a, "2019-05-07T18:57:52.904275089+00:00 stderr F log", 0);
    assertThat(out).extracting(AssembledEvent::stream, AssembledEvent::message, AssembledEvent::timeText)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("stdout", "1a. some log", "2019-05-07T18:57:50.904275087+00:00"),
            org.assertj.core.groups.Tuple.tuple("stderr", "1b. some log", "2019-05-07T18:57:50.904275087+00:00"));
    AssembledEvent first = out.get(0);
    assertThat(first.timeUnixNano()).isEqualTo(1557255470904275087L);
    assertThat(first.firstOffset()).isZero();
    assertThat(first.lastOffset()).isEqualTo(110);
    assertThat(first.lineCount()).isEqualTo(2);
    assertThat(a.isEmpty()).isTrue();
  }

  @Test
  void rejectedLineIsCountedAndLeavesThePendingPartialUntouched() {
    ContainerAssembler a = assembler(AssemblyLimits.DEFAULT);
    feed(a, "{\"log\":\"dd\",\"stream\":\"stderr\",\"time\":\"2019-01-01T00:00:00Z\"}", 0);
    assertThat(feed(a, "not a container line", 0)).isEqualTo("cri_bad_timestamp");
    feed(a, "{\"log\":\"ee\\n\",\"stream\":\"stderr\",\"time\":\"2019-01-01T00:00:01Z\"}", 0);
    assertThat(out).extracting(AssembledEvent::message).containsExactly("ddee");
    assertThat(counted).containsExactly("rejected:cri_bad_timestamp");
  }

  @Test
  void flushesAnOpenTraceAfterTheQuietTimeOnly() {
    ContainerAssembler a = assembler(AssemblyLimits.DEFAULT);
    feed(a, "2024-01-01T00:00:00Z stderr F java.lang.Error: boom", 1_000);
    feed(a, "2024-01-01T00:00:00Z stderr F \tat a.B.c(B.java:1)", 1_100);
    assertThat(a.flushIdle(2_099, 1_000, out::add)).isFalse();
    assertThat(out).isEmpty();
    assertThat(a.flushIdle(2_100, 1_000, out::add)).isTrue();
    assertThat(out).extracting(AssembledEvent::message).containsExactly("java.lang.Error: boom\n\tat a.B.c(B.java:1)");
    assertThat(counted).containsExactly("quiet");
    assertThat(a.isEmpty()).isTrue();
  }

  @Test
  void pendingPartialFlushedAtQuietTimeIsFlaggedPartial() {
    ContainerAssembler a = assembler(AssemblyLimits.DEFAULT);
    feed(a, "2024-01-01T00:00:00Z stdout P half a line", 0);
    a.flushIdle(5_000, 1_000, out::add);
    assertThat(out).singleElement().satisfies(e -> {
      assertThat(e.message()).isEqualTo("half a line");
      assertThat(e.flags()).containsExactly("partial");
    });
  }

  @Test
  void truncatesAnOverlongTraceAndCountsItOnce() {
    ContainerAssembler a = assembler(new AssemblyLimits(3, 10_000, OverflowAction.TRUNCATE));
    feed(a, "2024-01-01T00:00:00Z stderr F java.lang.Error: boom", 0);
    for (int i = 0; i < 5; i++) {
      feed(a, "2024-01-01T00:00:00Z stderr F \tat a.B.c" + i + "(B.java:1)", 0);
    }
    a.flushAll(0, out::add);
    assertThat(out).singleElement().satisfies(e -> {
      assertThat(e.message()).isEqualTo("java.lang.Error: boom\n\tat a.B.c0(B.java:1)\n\tat a.B.c1(B.java:1)");
      assertThat(e.flags()).containsExactly("truncated");
      assertThat(e.lineCount()).isEqualTo(6);
    });
    assertThat(counted).containsExactly("overflow:TRUNCATE");
  }

  @Test
  void splitsAnOverlongTraceIntoFlaggedEvents() {
    ContainerAssembler a = assembler(new AssemblyLimits(2, 10_000, OverflowAction.SPLIT));
    feed(a, "2024-01-01T00:00:00Z stderr F java.lang.Error: boom", 0);
    for (int i = 0; i < 3; i++) {
      feed(a, "2024-01-01T00:00:00Z stderr F \tat f" + i + "(B.java:1)", 0);
    }
    a.flushAll(0, out::add);
    assertThat(out).extracting(AssembledEvent::message)
        .containsExactly("java.lang.Error: boom\n\tat f0(B.java:1)", "\tat f1(B.java:1)\n\tat f2(B.java:1)");
    assertThat(out).allSatisfy(e -> assertThat(e.flags()).containsExactly("split"));
    assertThat(counted).containsExactly("overflow:SPLIT");
  }

  @Test
  void boundsTheBytesOfAPartialLine() {
    ContainerAssembler a = assembler(new AssemblyLimits(10, 8, OverflowAction.TRUNCATE));
    feed(a, "2024-01-01T00:00:00Z stdout P 12345", 0);
    feed(a, "2024-01-01T00:00:00Z stdout P 6789", 0);
    feed(a, "2024-01-01T00:00:00Z stdout F 0", 0);
    assertThat(out).singleElement().satisfies(e -> {
      assertThat(e.message()).isEqualTo("12345");
      assertThat(e.flags()).containsExactly("truncated");
      assertThat(e.lineCount()).isEqualTo(3);
    });
  }

  @Test
  void joinsShipperChunksOfAnOverlongLineBeforeParsing() {
    ContainerAssembler a = assembler(AssemblyLimits.DEFAULT);
    byte[] first = "2024-01-01T00:00:00Z stdout F hello ".getBytes(StandardCharsets.UTF_8);
    a.accept(new RawInput(Origin.ofPath("p"), 100, first, true, 0), 0, out::add);
    assertThat(out).isEmpty();
    a.accept(new RawInput(Origin.ofPath("p"), 100 + first.length, "world".getBytes(StandardCharsets.UTF_8), false,
        0), 0, out::add);
    assertThat(out).singleElement().satisfies(e -> {
      assertThat(e.message()).isEqualTo("hello world");
      assertThat(e.firstOffset()).isEqualTo(100);
      assertThat(e.lineCount()).isEqualTo(2);
    });
  }
}
