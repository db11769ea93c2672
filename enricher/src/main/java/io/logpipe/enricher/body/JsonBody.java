package io.logpipe.enricher.body;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * Reads a JSON object body (RFC 8259, strictly: no comments, single quotes, trailing commas, leading zeros or
 * unescaped control characters, as Jackson's defaults) in one pass over the string straight into the
 * {@link FieldCollector}, flattening nested objects into dotted keys down to {@link BodyLimits#maxDepth()}. Deeper
 * objects and all arrays are kept as their compact JSON text, written by Jackson from their validated span (rare,
 * so Jackson's exact formatting is kept where it costs nothing). A body that is not exactly one JSON object
 * (trailing text included) is not JSON.
 *
 * <p>Hand-written rather than Jackson's streaming parser: every JSON line of every pod passes here, and a parser's
 * set-up, buffer recycling and token objects cost more than reading the line (issue 5 benchmark).
 */
final class JsonBody {

  /** Jackson's default nesting and number-length limits (StreamReadConstraints), so both reject the same bodies. */
  private static final int MAX_NESTING = 1000;
  private static final int MAX_NUMBER_CHARS = 1000;

  /** Thrown (without a stack trace) to abandon a body that is not JSON; never leaves this class. */
  private static final class NotJson extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final NotJson INSTANCE = new NotJson();

    private NotJson() {
      super("not JSON", null, false, false);
    }
  }

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
    try {
      Reader r = new Reader(message);
      r.skipSpace();
      r.expect('{');
      readObject(r, "", 1, fields);
      r.skipSpace();
      return r.pos == message.length() ? Optional.of(fields) : Optional.empty();
    } catch (NotJson notJson) {
      return Optional.empty();
    }
  }

  /** Reads the members of an object whose {@code {} was just consumed, through its closing brace. */
  private void readObject(Reader r, String prefix, int depth, FieldCollector fields) {
    r.skipSpace();
    if (r.peek() == '}') {
      r.pos++;
      return;
    }
    while (true) {
      r.skipSpace();
      r.expect('"');
      String name = r.string();
      String key = prefix.isEmpty() ? name : prefix + name;
      r.skipSpace();
      r.expect(':');
      r.skipSpace();
      char c = r.peek();
      int start = r.pos;
      switch (c) {
        case '"' -> {
          r.pos++;
          fields.accept(key, r.string(), false);
        }
        case '{' -> {
          r.pos++;
          if (depth < limits.maxDepth()) {
            readObject(r, key + '.', depth + 1, fields);
          } else {
            r.skipContainer('}', depth);
            fields.markTruncated();
            fields.attribute(key, compact(r.text.substring(start, r.pos)));
          }
        }
        case '[' -> {
          r.pos++;
          r.skipContainer(']', depth);
          fields.attribute(key, compact(r.text.substring(start, r.pos)));
        }
        case 't' -> fields.attribute(key, r.literal("true"));
        case 'f' -> fields.attribute(key, r.literal("false"));
        case 'n' -> r.literal("null"); // a key without a value carries nothing worth an attribute
        default -> fields.accept(key, r.number(), true);
      }
      r.skipSpace();
      char next = r.next();
      if (next == '}') {
        return;
      }
      if (next != ',') {
        throw NotJson.INSTANCE;
      }
    }
  }

  /** Jackson's compact text of an already validated array or object. */
  private String compact(String json) {
    try {
      return mapper.writeValueAsString(mapper.readTree(json));
    } catch (JsonProcessingException rejected) {
      throw NotJson.INSTANCE;
    }
  }

  /** A cursor over the body; every method throws {@link NotJson} at the first character that does not fit. */
  private static final class Reader {
    final String text;
    int pos;

    Reader(String text) {
      this.text = text;
    }

    char peek() {
      if (pos >= text.length()) {
        throw NotJson.INSTANCE;
      }
      return text.charAt(pos);
    }

    char next() {
      char c = peek();
      pos++;
      return c;
    }

    void expect(char c) {
      if (next() != c) {
        throw NotJson.INSTANCE;
      }
    }

    /** JSON's whitespace only: space, tab, line feed, carriage return. */
    void skipSpace() {
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
          return;
        }
        pos++;
      }
    }

    /** The rest of a string whose opening quote was consumed, unescaped; a copy only when it has escapes. */
    String string() {
      int start = pos;
      int n = text.length();
      while (pos < n) {
        char c = text.charAt(pos);
        if (c == '"') {
          return text.substring(start, pos++);
        }
        if (c == '\\') {
          return escaped(start);
        }
        if (c < 0x20) {
          throw NotJson.INSTANCE;
        }
        pos++;
      }
      throw NotJson.INSTANCE;
    }

    private String escaped(int start) {
      StringBuilder out = new StringBuilder(pos - start + 16).append(text, start, pos);
      while (true) {
        char c = next();
        if (c == '"') {
          return out.toString();
        }
        if (c < 0x20) {
          throw NotJson.INSTANCE;
        }
        if (c != '\\') {
          out.append(c);
          continue;
        }
        char e = next();
        switch (e) {
          case '"', '\\', '/' -> out.append(e);
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'u' -> out.append(hex4());
          default -> throw NotJson.INSTANCE;
        }
      }
    }

    private char hex4() {
      if (pos + 4 > text.length()) {
        throw NotJson.INSTANCE;
      }
      int v = 0;
      for (int i = 0; i < 4; i++) {
        int d = Character.digit(text.charAt(pos++), 16);
        if (d < 0) {
          throw NotJson.INSTANCE;
        }
        v = v << 4 | d;
      }
      return (char) v;
    }

    /** {@code word} ({@code true}, {@code false}, {@code null}) at the cursor. */
    String literal(String word) {
      if (!text.startsWith(word, pos)) {
        throw NotJson.INSTANCE;
      }
      pos += word.length();
      endOfValue();
      return word;
    }

    /** A number's text as written: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}. */
    String number() {
      int start = pos;
      if (pos < text.length() && text.charAt(pos) == '-') {
        pos++;
      }
      if (pos < text.length() && text.charAt(pos) == '0') {
        pos++;
      } else if (digits() == 0) {
        throw NotJson.INSTANCE;
      }
      if (pos < text.length() && text.charAt(pos) == '.') {
        pos++;
        if (digits() == 0) {
          throw NotJson.INSTANCE;
        }
      }
      if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
        pos++;
        if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
          pos++;
        }
        if (digits() == 0) {
          throw NotJson.INSTANCE;
        }
      }
      if (pos - start > MAX_NUMBER_CHARS) {
        throw NotJson.INSTANCE;
      }
      endOfValue();
      return text.substring(start, pos);
    }

    private int digits() {
      int start = pos;
      while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
        pos++;
      }
      return pos - start;
    }

    /** A scalar ends at whitespace, a comma or a closing bracket ({@code 1x}, {@code truex} are not JSON). */
    private void endOfValue() {
      char c = peek();
      if (c != ',' && c != '}' && c != ']' && c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        throw NotJson.INSTANCE;
      }
    }

    /** Validates and passes over a container whose opening bracket was consumed, through {@code close}. */
    void skipContainer(char close, int depth) {
      if (depth >= MAX_NESTING) {
        throw NotJson.INSTANCE;
      }
      skipSpace();
      if (peek() == close) {
        pos++;
        return;
      }
      while (true) {
        skipSpace();
        if (close == '}') {
          expect('"');
          string();
          skipSpace();
          expect(':');
          skipSpace();
        }
        skipValue(depth + 1);
        skipSpace();
        char c = next();
        if (c == close) {
          return;
        }
        if (c != ',') {
          throw NotJson.INSTANCE;
        }
      }
    }

    private void skipValue(int depth) {
      switch (next()) {
        case '"' -> string();
        case '{' -> skipContainer('}', depth);
        case '[' -> skipContainer(']', depth);
        case 't' -> {
          pos--;
          literal("true");
        }
        case 'f' -> {
          pos--;
          literal("false");
        }
        case 'n' -> {
          pos--;
          literal("null");
        }
        default -> {
          pos--;
          number();
        }
      }
    }
  }
}
