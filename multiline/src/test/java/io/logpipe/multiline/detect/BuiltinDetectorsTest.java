package io.logpipe.multiline.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.multiline.assemble.AssembledEvent;
import io.logpipe.multiline.assemble.AssemblyLimits;
import io.logpipe.multiline.assemble.AssemblyMetrics;
import io.logpipe.multiline.assemble.ContainerAssembler;
import io.logpipe.multiline.assemble.Origin;
import io.logpipe.multiline.assemble.RawInput;
import io.logpipe.multiline.format.LineFormat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each row: input lines (joined by {@code \n} for readability) and the expected events, separated by {@code ⏎}
 * (an event boundary). Valid traces in every language, and the look-alikes that must stay apart.
 */
class BuiltinDetectorsTest {

  static Stream<Arguments> cases() {
    return Stream.of(
        row("java with Caused by, Suppressed and more",
            "java.lang.IllegalStateException: boom\n\tat a.B.c(B.java:1)\n\tSuppressed: java.io.IOException: x\n"
                + "\t\tat a.B.d(B.java:2)\nCaused by: java.lang.RuntimeException: root\n\tat a.B.e(B.java:3)\n"
                + "\t... 3 more⏎next line"),
        row("kotlin exception",
            "Exception in thread \"main\" kotlin.KotlinNullPointerException: npe\n\tat MainKt.main(Main.kt:3)"),
        row("back-to-back java traces are two events",
            "java.lang.Error: one\n\tat a.B.c(B.java:1)⏎java.lang.Error: two\n\tat a.B.c(B.java:1)"),
        row("line before a trace is its own event",
            "2024-01-01 ERROR failed to serve⏎java.lang.RuntimeException: x\n  at a.b(C.java:1)"),
        row("node error with cause and properties",
            "Error: outer\n    at f (/app/x.js:1:1)\n    at g (/app/x.js:2:2) {\n  [cause]: Error: inner\n"
                + "      at h (/app/x.js:3:3),\n  code: 'E_OUTER'\n}⏎after"),
        row(".NET inner exception",
            "System.Exception: outer ---> System.ArgumentException: inner\n   at A.B()\n"
                + "   --- End of inner exception stack trace ---\n   at A.C()⏎done"),
        row(".NET Core inner exception on its own line",
            "System.InvalidOperationException: outer\n ---> System.TimeoutException: inner\n"
                + "   at A.B() in /x.cs:line 1\n   --- End of inner exception stack trace ---\n   at A.C()⏎done"),
        row("python chained traceback",
            "Traceback (most recent call last):\n  File \"a.py\", line 1, in <module>\n    f()\n"
                + "ZeroDivisionError: division by zero\n\n"
                + "During handling of the above exception, another exception occurred:\n\n"
                + "Traceback (most recent call last):\n  File \"a.py\", line 3, in <module>\n    g()\n"
                + "ValueError: NOK⏎next"),
        row("blank line after a python traceback is its own event",
            "Traceback (most recent call last):\n  File \"a.py\", line 1, in <module>\n    f()\nKeyError: 'x'⏎⏎plain"),
        row("go panic with goroutines",
            "panic: boom\n\ngoroutine 1 [running]:\nmain.main()\n\t/app/main.go:5 +0x1d\n\n"
                + "goroutine 2 [chan receive]:\nmain.worker()\n\t/app/main.go:9 +0x2⏎exit status 2"),
        row("go look-alike is not a panic",
            "It sounds tympanic: a word which means like a drum.⏎goroutine 5 started processing batch"),
        row("ruby native from frames",
            "app.rb:6:in `/': divided by 0 (ZeroDivisionError)\n\tfrom app.rb:6:in `bar'\n\tfrom app.rb:9:in `<main>'"
                + "⏎hello"),
        row("php stack trace",
            "PHP Fatal error:  Uncaught Exception: boom in /app/a.php:3\nStack trace:\n#0 {main}\n"
                + "  thrown in /app/a.php on line 3⏎next"),
        row("json line quoting a trace is never glued",
            "{\"msg\":\"java.lang.Error: x\",\"level\":\"error\"}⏎\tat a.B.c(B.java:1)"),
        row("rust panic with backtrace",
            "thread 'main' panicked at src/main.rs:4:5:\nindex out of bounds\n"
                + "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\nstack backtrace:\n"
                + "   0: rust_begin_unwind\n             at /rustc/abc/library/std/src/panicking.rs:597:5⏎after"),
        row("goroutine dump without a panic line",
            "goroutine 7 [select]:\nmain.loop()\n\t/app/main.go:20 +0x1⏎after"),
        row("uncaught JVM exception header", "Exception in thread \"main\" java.lang.NullPointerException\n"
            + "\tat Main.main(Main.java:3)"),
        row("blank lines after a trace are held only so far",
            "java.lang.Error: x⏎⏎⏎⏎⏎⏎⏎⏎⏎⏎⏎next"),
        row("plain lines stay apart", "one⏎two⏎⏎three"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void groupsLinesIntoEvents(String name, List<String> lines, List<String> expected) {
    assertThat(assemble(lines, Detectors.builtinsOnly())).containsExactlyElementsOf(expected);
  }

  static Arguments row(String name, String events) {
    List<String> expected = Arrays.asList(events.split("⏎", -1));
    List<String> lines = new ArrayList<>();
    for (String e : expected) {
      lines.addAll(Arrays.asList(e.split("\n", -1)));
    }
    return Arguments.of(name, lines, expected);
  }

  static List<String> assemble(List<String> lines, Detectors detectors) {
    ContainerAssembler a = new ContainerAssembler(LineFormat.PLAIN, AssemblyLimits.DEFAULT,
        () -> detectors.forStream("ns", "pod", "c"), AssemblyMetrics.NONE);
    List<AssembledEvent> out = new ArrayList<>();
    long offset = 0;
    for (String l : lines) {
      byte[] b = l.getBytes(StandardCharsets.UTF_8);
      assertThat(a.accept(new RawInput(Origin.ofPath("f"), offset, b, false, 0), 0, out::add)).isNull();
      offset += b.length + 1;
    }
    a.flushAll(0, out::add);
    return out.stream().map(AssembledEvent::message).toList();
  }
}
