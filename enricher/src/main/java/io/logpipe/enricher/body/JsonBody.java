package io.logpipe.enricher.body;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads a JSON object body with Jackson's streaming parser (no tree for the common flat case), flattening nested
 * objects into dotted keys down to {@link BodyLimits#maxDepth()}; deeper objects and all arrays are kept as their
 * compact JSON text. A body that is not exactly one JSON object (trailing text included) is not JSON.
 */
final class JsonBody {

  private final ObjectMapper mapper = new ObjectMapper();
  private final BodyLimits limits;

  JsonBody(BodyLimits limits) {
    this.limits = limits;
  }

  /** Cheap pre-check so plain text never reaches the parser. */
  static boolean looksLikeObject(String message) {
    int first = 0;
    int last = message.length() - 1;
    while (first <= last && Character.isWhitespace(message.charAt(first))) {
      first++;
    }
    while (last > first && Character.isWhitespace(message.charAt(last))) {
      last--;
    }
    return first < last && message.charAt(first) == '{' && message.charAt(last) == '}';
  }

  /** The collected fields, or empty when the body is not a JSON object. */
  Optional<FieldCollector> parse(String message) {
    FieldCollector fields = new FieldCollector(limits);
    try (JsonParser p = mapper.createParser(message)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      readObject(p, "", 1, fields);
      if (p.nextToken() != null) {
        return Optional.empty();
      }
      return Optional.of(fields);
    } catch (JsonProcessingException notJson) {
      return Optional.empty();
    } catch (IOException impossible) {
      // Reading from a String cannot fail with I/O; treat it as not JSON rather than crash the stage.
      return Optional.empty();
    }
  }

  private void readObject(JsonParser p, String prefix, int depth, FieldCollector fields) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = prefix.isEmpty() ? p.currentName() : prefix + p.currentName();
      JsonToken value = p.nextToken();
      switch (value) {
        case START_OBJECT -> {
          if (depth < limits.maxDepth()) {
            readObject(p, key + '.', depth + 1, fields);
          } else {
            fields.markTruncated();
            fields.attribute(key, mapper.writeValueAsString(p.readValueAsTree()));
          }
        }
        case START_ARRAY -> fields.attribute(key, mapper.writeValueAsString(p.readValueAsTree()));
        case VALUE_STRING -> fields.accept(key, p.getText(), false);
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> fields.accept(key, p.getText(), true);
        case VALUE_TRUE, VALUE_FALSE -> fields.attribute(key, p.getText());
        default -> {
          // VALUE_NULL: a key without a value carries nothing worth an attribute.
        }
      }
    }
  }
}
