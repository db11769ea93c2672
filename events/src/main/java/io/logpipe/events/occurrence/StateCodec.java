package io.logpipe.events.occurrence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;

/**
 * The state topic's value: a small JSON object, {@code {"v":1,"count":3,"resourceVersion":"4711"}}. JSON rather than
 * Avro because the record is private to the collector (the schemas module holds only the pipeline's contracts) and
 * an operator can read it with any console consumer. {@code v} leaves room to change the shape.
 */
public final class StateCodec {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int VERSION = 1;

  private StateCodec() {}

  public static byte[] encode(EmittedState state) {
    ObjectNode node = JSON.createObjectNode();
    node.put("v", VERSION);
    node.put("count", state.count());
    node.put("resourceVersion", state.resourceVersion());
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode " + state, e);
    }
  }

  /** The state, or empty when the bytes are not a state of a version we know (the caller counts it). */
  public static Optional<EmittedState> decode(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(bytes);
      if (node == null || node.path("v").asInt() != VERSION || !node.path("count").canConvertToLong()
          || node.path("count").asLong() < 1) {
        return Optional.empty();
      }
      return Optional.of(new EmittedState(node.path("count").asLong(), node.path("resourceVersion").asText("")));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
