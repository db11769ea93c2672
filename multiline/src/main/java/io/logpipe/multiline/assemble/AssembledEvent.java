package io.logpipe.multiline.assemble;

import java.util.List;

/**
 * One output event: the first line's runtime time and stream, the joined message, and where its bytes are.
 *
 * @param timeText     the first line's timestamp as written (null for plain input)
 * @param lineCount    how many file lines (runtime pieces) make up the event
 * @param flags        {@code partial}, {@code truncated}, {@code split}
 */
public record AssembledEvent(String stream, String timeText, long timeUnixNano, String message, Origin origin,
                             long firstOffset, long lastOffset, int lineCount, List<String> flags) {
}
