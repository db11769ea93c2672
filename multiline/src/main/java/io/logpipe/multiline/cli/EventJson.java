package io.logpipe.multiline.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.logpipe.multiline.assemble.AssembledEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/** Writes events as one JSON object per line, the {@code parse} tool's output. */
final class EventJson implements AutoCloseable {

  private final JsonGenerator json;

  EventJson(Writer out) {
    try {
      this.json = new JsonFactory().createGenerator(out);
      json.setRootValueSeparator(null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void write(AssembledEvent e) {
    try {
      json.writeStartObject();
      json.writeStringField("stream", e.stream());
      json.writeStringField("time", e.timeText());
      json.writeNumberField("timeUnixNano", e.timeUnixNano());
      json.writeStringField("message", e.message());
      json.writeObjectFieldStart("source");
      json.writeStringField("path", e.origin() == null ? null : e.origin().path());
      json.writeNumberField("firstOffset", e.firstOffset());
      json.writeNumberField("lastOffset", e.lastOffset());
      json.writeNumberField("lineCount", e.lineCount());
      json.writeEndObject();
      json.writeArrayFieldStart("flags");
      for (String f : e.flags()) {
        json.writeString(f);
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeRaw('\n');
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  @Override
  public void close() {
    try {
      json.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
