package io.logpipe.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every schema stays readable both ways against its released version: new readers read old data (backward) and
 * old readers read new data (forward). When a schema is released, copy it to {@code src/main/resources/io/logpipe/schemas/released/vN}.
 */
class SchemaCompatibilityTest {

  static Stream<Class<?>> currentSchemas() {
    return Stream.of(RawLine.class, FilePosition.class, LogEvent.class, FileIdentity.class);
  }

  @ParameterizedTest
  @MethodSource("currentSchemas")
  void newReadersReadEveryReleasedVersion(Class<?> type) {
    Schema current = SpecificData.get().getSchema(type);
    var released = AvroSerde.ReleasedSchemas.of(current.getName());
    assertThat(released).as("released versions of %s", current.getName()).isNotEmpty();
    for (Schema old : released) {
      var result = SchemaCompatibility.checkReaderWriterCompatibility(current, old);
      assertThat(result.getType()).as(result.getDescription()).isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }
  }

  @ParameterizedTest
  @MethodSource("currentSchemas")
  void everyReleasedReaderReadsTheCurrentVersion(Class<?> type) {
    Schema current = SpecificData.get().getSchema(type);
    for (Schema old : AvroSerde.ReleasedSchemas.of(current.getName())) {
      var result = SchemaCompatibility.checkReaderWriterCompatibility(old, current);
      assertThat(result.getType()).as(result.getDescription()).isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }
  }

  @org.junit.jupiter.api.Test
  void releasedVersionsShipInTheJarNotOnlyInTheTests() {
    // A deployed component decodes older records only if the released schemas are on its class path: main output.
    var resource = AvroSerde.class.getResource("released/v1/LogEvent.avsc");
    assertThat(resource).isNotNull();
    assertThat(resource.getPath()).contains("/target/classes/").doesNotContain("test-classes");
  }

  @org.junit.jupiter.api.Test
  void detectsAnIncompatibleChange() {
    // Guards the test itself: a required field added without a default must be caught.
    Schema old = AvroSerde.ReleasedSchemas.read(1, "FileIdentity");
    Schema broken = new Schema.Parser().parse(old.toString().replace(
        "\"fields\":[", "\"fields\":[{\"name\":\"added\",\"type\":\"long\"},"));
    var result = SchemaCompatibility.checkReaderWriterCompatibility(broken, old);
    assertThat(result.getType()).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
  }
}
