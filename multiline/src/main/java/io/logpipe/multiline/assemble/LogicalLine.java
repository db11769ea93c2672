package io.logpipe.multiline.assemble;

/** A whole line of one runtime stream (its partial pieces joined), ready for multi-line detection. */
record LogicalLine(String stream, String timeText, long timeUnixNano, String text, int bytes, Origin origin,
                   long firstOffset, long lastOffset, int physicalLines, int flags) {
}
