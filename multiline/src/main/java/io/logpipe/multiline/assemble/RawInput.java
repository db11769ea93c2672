package io.logpipe.multiline.assemble;

/**
 * One line (or chunk of a line) as the shipper read it.
 *
 * @param continued      true when the shipper cut an over-long line and the next chunk continues it
 * @param readTimeMillis when it was read: the event time of plain lines, which carry none
 */
public record RawInput(Origin origin, long offset, byte[] line, boolean continued, long readTimeMillis) {
}
