package io.logpipe.enricher.serde;

import io.logpipe.schemas.KubernetesMetadata;
import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Writes a {@link LogEvent} exactly as {@link Topics#LOG_EVENT} does (Avro single-object encoding: {@code C3 01},
 * the schema's 8-byte fingerprint, little-endian, then the binary body), only faster: the body is written by the
 * generated classes' own encoders ({@code customEncode}, Avro's code generated for this schema, instead of the
 * schema-walking record writer), and the {@code kubernetes} record is copied from {@link EncodedMetadata}, encoded
 * once per pod and container.
 *
 * <p>The top level mirrors {@code LogEvent.customEncode} field by field. It is written for one version of the
 * schema ({@link #WRITTEN_FOR}); with any other, every event goes through {@link Topics#LOG_EVENT} (a unit test fails
 * first, so this is seen before release). Thread-safe: each thread encodes into its own reused buffer.
 */
final class EnrichedEventWriter {

  /** The parsing fingerprint of the {@code LogEvent} schema the top level below was written for. */
  static final long WRITTEN_FOR = 0xE9E6E300E5849AEFL;

  private static final long FINGERPRINT = SchemaNormalization.parsingFingerprint64(LogEvent.getClassSchema());

  private static final class Scratch {
    final ByteSink sink = new ByteSink();
    final ByteSink metadataSink = new ByteSink();
    BinaryEncoder encoder;
    BinaryEncoder metadataEncoder;
  }

  private final EncodedMetadata metadata = new EncodedMetadata();
  private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

  /** True when this writer knows the current schema (else it hands every event to {@link Topics#LOG_EVENT}). */
  static boolean knowsSchema() {
    return FINGERPRINT == WRITTEN_FOR;
  }

  byte[] write(LogEvent event) {
    if (!knowsSchema()) {
      return Topics.LOG_EVENT.encode(event);
    }
    Scratch s = scratch.get();
    s.sink.reset();
    try {
      writeHeader(s.sink);
      s.encoder = EncoderFactory.get().directBinaryEncoder(s.sink, s.encoder);
      writeBody(event, s.encoder, s);
      return s.sink.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      throw new SerializationException("cannot encode LogEvent: " + e.getMessage(), e);
    }
  }

  // The order and the unions below are LogEvent.avsc's; see LogEvent.customEncode (generated).
  private void writeBody(LogEvent event, BinaryEncoder out, Scratch s) throws IOException {
    out.writeLong(event.getTimeUnixNano());
    if (event.getTimeText() == null) {
      out.writeIndex(0);
    } else {
      out.writeIndex(1);
      out.writeString(event.getTimeText());
    }
    out.writeString(event.getStream());
    out.writeString(event.getMessage());
    event.getSource().customEncode(out);
    List<String> flags = event.getFlags();
    out.writeArrayStart();
    out.setItemCount(flags.size());
    for (String flag : flags) {
      out.startItem();
      out.writeString(flag);
    }
    out.writeArrayEnd();
    if (event.getKubernetes() == null) {
      out.writeIndex(0);
    } else {
      out.writeIndex(1);
      byte[] bytes = metadataBytes(event.getKubernetes(), s);
      out.writeFixed(bytes);
    }
    if (event.getParsed() == null) {
      out.writeIndex(0);
    } else {
      out.writeIndex(1);
      event.getParsed().customEncode(out);
    }
    if (event.getRedaction() == null) {
      out.writeIndex(0);
    } else {
      out.writeIndex(1);
      event.getRedaction().customEncode(out);
    }
  }

  private byte[] metadataBytes(KubernetesMetadata kubernetes, Scratch s) throws IOException {
    byte[] kept = metadata.find(kubernetes);
    if (kept != null) {
      return kept;
    }
    s.metadataSink.reset();
    s.metadataEncoder = EncoderFactory.get().directBinaryEncoder(s.metadataSink, s.metadataEncoder);
    kubernetes.customEncode(s.metadataEncoder);
    byte[] bytes = s.metadataSink.toByteArray();
    metadata.keep(kubernetes, bytes);
    return bytes;
  }

  private static void writeHeader(ByteSink sink) {
    sink.write(0xC3);
    sink.write(0x01);
    for (int i = 0; i < 8; i++) {
      sink.write((int) (FINGERPRINT >>> (8 * i)));
    }
  }
}
