package io.logpipe.shipper.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One entry of {@code journalctl -o json} (systemd's "Journal JSON Format": one object per line, every field a
 * string, except that a field holding non-UTF-8 or control bytes is an array of byte values, and a field too large
 * to show ({@code --all} not given) is {@code null}; a field present more than once is an array of such values).
 *
 * @param cursor          {@code __CURSOR}, where {@code --after-cursor} goes on from
 * @param realtimeMicros  {@code __REALTIME_TIMESTAMP}: microseconds since the epoch when the entry was received
 * @param unit            {@code _SYSTEMD_UNIT}, else {@code UNIT}, else {@code SYSLOG_IDENTIFIER}, else "unknown"
 * @param priority        {@code PRIORITY} 0–7 (syslog), or -1 when absent
 * @param hostname        {@code _HOSTNAME}, or null
 * @param message         {@code MESSAGE} as text (bytes decoded as UTF-8, invalid ones replaced), "" when absent
 * @param seqnumId        the {@code s=} part of the cursor: the sequence-number space of the journal file
 * @param seqnum          the {@code i=} part: the entry's number within that space
 */
public record JournalEntry(String cursor, long realtimeMicros, String unit, int priority, String hostname,
    String message, String seqnumId, long seqnum) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The entry, or empty when the line is not a journal entry (no cursor or timestamp): counted by the caller. */
  public static Optional<JournalEntry> parse(String line) {
    JsonNode entry;
    try {
      entry = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
    if (entry == null || !entry.isObject()) {
      return Optional.empty();
    }
    String cursor = text(entry.get("__CURSOR"));
    OptionalLong realtime = number(text(entry.get("__REALTIME_TIMESTAMP")));
    Optional<Cursor> parts = Cursor.parse(cursor);
    if (cursor == null || realtime.isEmpty() || parts.isEmpty()) {
      return Optional.empty();
    }
    String unit = firstOf(entry, "_SYSTEMD_UNIT", "UNIT", "SYSLOG_IDENTIFIER");
    String priority = text(entry.get("PRIORITY"));
    int level = priority != null && priority.length() == 1 && priority.charAt(0) >= '0' && priority.charAt(0) <= '7'
        ? priority.charAt(0) - '0' : -1;
    String message = text(entry.get("MESSAGE"));
    return Optional.of(new JournalEntry(cursor, realtime.getAsLong(), unit == null ? "unknown" : unit, level,
        text(entry.get("_HOSTNAME")), message == null ? "" : message, parts.get().seqnumId(), parts.get().seqnum()));
  }

  /** syslog priority → {@code ParsedBody.severity}: 0–2 FATAL, 3 ERROR, 4 WARN, 5–6 INFO, 7 DEBUG. */
  public String severity() {
    return switch (priority) {
      case 0, 1, 2 -> "FATAL";
      case 3 -> "ERROR";
      case 4 -> "WARN";
      case 5, 6 -> "INFO";
      case 7 -> "DEBUG";
      default -> null;
    };
  }

  /** The parts of a cursor we use: {@code s=<seqnum id>;i=<seqnum hex>;b=…;m=…;t=…;x=…}. */
  record Cursor(String seqnumId, long seqnum) {
    static Optional<Cursor> parse(String cursor) {
      if (cursor == null) {
        return Optional.empty();
      }
      String id = null;
      Long seqnum = null;
      for (String part : cursor.split(";")) {
        if (part.startsWith("s=")) {
          id = part.substring(2);
        } else if (part.startsWith("i=")) {
          try {
            seqnum = Long.parseUnsignedLong(part.substring(2), 16);
          } catch (NumberFormatException e) {
            return Optional.empty();
          }
        }
      }
      return id == null || id.isEmpty() || seqnum == null ? Optional.empty() : Optional.of(new Cursor(id, seqnum));
    }
  }

  private static String firstOf(JsonNode entry, String... names) {
    for (String name : names) {
      String value = text(entry.get(name));
      if (value != null && !value.isEmpty()) {
        return value;
      }
    }
    return null;
  }

  /** A field's text: a string, an array of byte values (decoded as UTF-8), or the first of repeated values. */
  static String text(JsonNode field) {
    if (field == null || field.isNull()) {
      return null;
    }
    if (field.isTextual()) {
      return field.asText();
    }
    if (field.isArray() && !field.isEmpty()) {
      if (field.get(0).isNumber()) {
        return bytes(field);
      }
      return text(field.get(0)); // a field repeated in one entry: the first value
    }
    return field.isValueNode() ? field.asText() : null;
  }

  private static String bytes(JsonNode array) {
    byte[] bytes = new byte[array.size()];
    for (int i = 0; i < bytes.length; i++) {
      JsonNode b = array.get(i);
      if (!b.canConvertToInt() || b.asInt() < 0 || b.asInt() > 255) {
        return null;
      }
      bytes[i] = (byte) b.asInt();
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null; // not with REPLACE
    }
  }

  private static OptionalLong number(String text) {
    if (text == null) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(text));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
