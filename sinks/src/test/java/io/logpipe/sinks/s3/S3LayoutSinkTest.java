package io.logpipe.sinks.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.sinks.TestEvents;
import io.logpipe.sinks.worker.SinkBatch;
import io.logpipe.sinks.worker.SinkRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S3LayoutSinkTest {

  @TempDir
  Path dir;

  private static SinkBatch batch(long first, int count) {
    List<SinkRecord> records = new java.util.ArrayList<>();
    for (long offset = first; offset < first + count; offset++) {
      records.add(new SinkRecord("logs.sink.s3.v1", 0, offset, TestEvents.key("shop"),
          TestEvents.event("shop", TestEvents.TIME, offset, "line " + offset), 100));
    }
    return new SinkBatch("logs.sink.s3.v1", 0, records);
  }

  static String gunzip(Path file) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }

  @Test
  void writesGzippedNdjsonUnderTheLayoutInADirectory() throws IOException {
    try (S3LayoutSink sink = new S3LayoutSink(new ObjectLayout(""), new FileObjectStore(dir))) {
      assertThat(sink.write(batch(10, 3))).isEmpty();
    }

    Path object = dir.resolve("namespace=shop/dt=2023-11-14/hour=22/logs.sink.s3.v1+0+10.ndjson.gz");
    assertThat(files()).containsExactly(object);
    assertThat(gunzip(object).lines()).hasSize(3)
        .allMatch(line -> line.startsWith("{\"time\":\"2023-11-14T22:13:20.123456789Z\""))
        .anyMatch(line -> line.contains("\"message\":\"line 12\""));
  }

  @Test
  void rewritesTheSameBatchAsTheSameBytes() throws IOException {
    try (S3LayoutSink sink = new S3LayoutSink(new ObjectLayout("x"), new FileObjectStore(dir))) {
      sink.write(batch(0, 50));
      Path object = files().get(0);
      byte[] first = Files.readAllBytes(object);
      sink.write(batch(0, 50));

      assertThat(files()).containsExactly(object);
      assertThat(Files.readAllBytes(object)).isEqualTo(first);
    }
  }

  @Test
  void reportsTheDirectoryAsAFileUri() {
    assertThat(new FileObjectStore(dir).target()).startsWith("file:///").endsWith("/");
  }
}
