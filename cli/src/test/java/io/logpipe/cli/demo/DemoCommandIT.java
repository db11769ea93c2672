package io.logpipe.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.cli.Logpipe;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code logpipe demo} as users run it: embedded broker, every stage fused, until drained; exit 0 and a report. */
class DemoCommandIT {

  @TempDir Path dir;

  @Test
  void deliversEveryGeneratedEventAndExitsZero() throws Exception {
    Path demo = dir.resolve("demo");
    CommandLine cli = Logpipe.commandLine();
    StringWriter err = new StringWriter();
    cli.setErr(new PrintWriter(err));

    int exit = cli.execute("demo", "--dir", demo.toString(), "--calls", "60", "--timeout", "PT2M");

    assertThat(exit).as(err::toString).isZero();
    List<Path> objects;
    try (Stream<Path> files = Files.walk(demo.resolve("sink"))) {
      objects = files.filter(p -> p.toString().endsWith(".ndjson.gz")).toList();
    }
    assertThat(objects).isNotEmpty().allSatisfy(p -> assertThat(demo.resolve("sink").relativize(p).toString())
        .matches("namespace=(shop|data|web)/dt=\\d{4}-\\d{2}-\\d{2}/hour=\\d{2}/logs\\.sink\\.s3\\.v1\\+\\d+\\+\\d+\\.ndjson\\.gz"));
    DeliveryReport report = DeliveryReport.read(demo.resolve("sink"), DemoLogTree.write(
        Files.createDirectories(dir.resolve("again")), 60, 20261121));
    assertThat(report.problems()).isEmpty();
    assertThat(report.delivered()).isEqualTo(6 * 60);
  }

  @Test
  void refusesToReplaceADirectoryItDidNotWrite() throws Exception {
    Path mine = Files.createDirectories(dir.resolve("precious"));
    Files.writeString(mine.resolve("notes.txt"), "keep me");

    int exit = Logpipe.commandLine().execute("demo", "--dir", mine.toString());

    assertThat(exit).isNotZero();
    assertThat(Files.readString(mine.resolve("notes.txt"))).isEqualTo("keep me");
  }
}
