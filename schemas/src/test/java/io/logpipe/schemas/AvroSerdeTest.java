package io.logpipe.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

  static LogEvent sampleEvent() {
    return LogEvent.newBuilder()
        .setTimeUnixNano(1_732_000_000_123_456_789L)
        .setTimeText("2024-11-19T07:06:40.123456789Z")
        .setStream("stderr")
        .setMessage("java.lang.IllegalStateException: boom\n\tat a.B.c(B.java:1)")
        .setSource(Source.newBuilder()
            .setNode("node-1")
            .setPath("/var/log/pods/shop_web-1_uid-1/app/0.log")
            .setFileId(new FileIdentity(2049L, 1234L, 42L))
            .setFirstOffset(100)
            .setLastOffset(180)
            .setLineCount(2)
            .build())
        .setFlags(List.of("partial"))
        .setParsed(ParsedBody.newBuilder().setSeverity("ERROR").setAttributes(Map.of("user", "u1")).build())
        .build();
  }

  @Test
  void roundTripsALogEventWithNanosecondsAndOptionalGroups() {
    LogEvent event = sampleEvent();
    byte[] bytes = Topics.LOG_EVENT.serializer().serialize("t", event);
    assertThat(Topics.LOG_EVENT.deserializer().deserialize("t", bytes)).isEqualTo(event);
  }

  @Test
  void theGeneratedCodersWriteTheBytesTheGenericWriterWritesAndReadThemBack() throws Exception {
    // The serde encodes with Avro's generated customEncode; the wire format must stay what the schema defines.
    LogEvent full = LogEvent.newBuilder(sampleEvent())
        .setKubernetes(KubernetesMetadata.newBuilder().setNamespace("shop").setPod("web-1").setPodUid("uid-1")
            .setContainer("app").setOwnerKind("Deployment").setOwnerName("web")
            .setPodLabels(Map.of("app", "web", "tier", "fr\u00f6nt")).build())
        .setRedaction(RedactionSummary.newBuilder().setCountsByRule(Map.of("email", 2)).build())
        .build();
    RawLine raw = new RawLine("n", "/p", new FileIdentity(1L, 2L, 3L), 7L, ByteBuffer.wrap(new byte[] {1, 2}), true,
        Instant.ofEpochMilli(1_700_000_000_000L));
    FilePosition position = new FilePosition("n", "/p", new FileIdentity(1L, 2L, 3L), 9L, -5L,
        Instant.ofEpochMilli(1_700_000_000_001L));

    for (var record : List.of(sampleEvent(), full, raw, position)) {
      byte[] generic = genericSingleObject(record);
      assertThat(encode(record)).as(record.getSchema().getName()).containsExactly(generic);
      assertThat(decode(record, generic)).isEqualTo(record);
    }
  }

  private static byte[] genericSingleObject(org.apache.avro.specific.SpecificRecord record) throws Exception {
    var model = org.apache.avro.specific.SpecificData.getForClass(record.getClass());
    assertThat(model.useCustomCoders()).as("the shared model keeps the generic path").isFalse();
    return new org.apache.avro.message.BinaryMessageEncoder<org.apache.avro.specific.SpecificRecord>(model,
        record.getSchema()).encode(record).array();
  }

  @SuppressWarnings("unchecked")
  private static byte[] encode(org.apache.avro.specific.SpecificRecord record) {
    return AvroSerde.of((Class<org.apache.avro.specific.SpecificRecord>) record.getClass()).encode(record);
  }

  @SuppressWarnings("unchecked")
  private static Object decode(org.apache.avro.specific.SpecificRecord record, byte[] bytes) {
    return AvroSerde.of((Class<org.apache.avro.specific.SpecificRecord>) record.getClass()).decode(bytes);
  }

  @Test
  void writesSingleObjectEncodingWithTheSchemaFingerprint() {
    byte[] bytes = Topics.LOG_EVENT.encode(sampleEvent());
    assertThat(bytes[0]).isEqualTo((byte) 0xC3);
    assertThat(bytes[1]).isEqualTo((byte) 0x01);
    long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
    assertThat(fingerprint).isEqualTo(org.apache.avro.SchemaNormalization.parsingFingerprint64(LogEvent.getClassSchema()));
  }

  @Test
  void roundTripsARawLineKeepingItsBytesExactly() {
    byte[] line = {'a', (byte) 0xff, 0, '\r', 'z'};
    RawLine raw = new RawLine("n", "/p", new FileIdentity(1L, 2L, 3L), 7L, ByteBuffer.wrap(line), false,
        Instant.ofEpochMilli(1_700_000_000_000L));
    RawLine back = Topics.RAW_LINE.decode(Topics.RAW_LINE.encode(raw));
    byte[] got = new byte[back.getLine().remaining()];
    back.getLine().get(got);
    assertThat(got).containsExactly(line);
    assertThat(back.getReadTime()).isEqualTo(raw.getReadTime());
  }

  @Test
  void rejectsBytesThatAreNotSingleObjectEncodedWithASerializationException() {
    byte[] garbage = "{\"log\":\"not avro\"}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Topics.LOG_EVENT.decode(garbage))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("LogEvent");
  }

  @Test
  void rejectsAnUnknownWriterSchema() {
    byte[] bytes = Topics.LOG_EVENT.encode(sampleEvent());
    bytes[5] ^= 0x5a; // corrupt the fingerprint
    assertThatThrownBy(() -> Topics.LOG_EVENT.decode(bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("unknown writer schema");
  }

  @Test
  void rejectsATruncatedBody() {
    byte[] bytes = Topics.LOG_EVENT.encode(sampleEvent());
    byte[] cut = java.util.Arrays.copyOf(bytes, 14);
    assertThatThrownBy(() -> Topics.LOG_EVENT.decode(cut)).isInstanceOf(SerializationException.class);
  }

  @Test
  void passesNullsThroughForTombstones() {
    assertThat(Topics.FILE_POSITION.serializer().serialize("t", null)).isNull();
    assertThat(Topics.FILE_POSITION.deserializer().deserialize("t", null)).isNull();
  }
}
