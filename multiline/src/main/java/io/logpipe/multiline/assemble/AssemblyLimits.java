package io.logpipe.multiline.assemble;

/**
 * Bounds on one event: {@code maxLines} logical lines and {@code maxBytes} UTF-8 bytes of message. A single line is
 * bounded by {@code maxBytes} too (partial pieces and shipper chunks beyond it are dropped and the line flagged).
 */
public record AssemblyLimits(int maxLines, int maxBytes, OverflowAction overflow) {

  public static final AssemblyLimits DEFAULT = new AssemblyLimits(1000, 512 * 1024, OverflowAction.TRUNCATE);

  public AssemblyLimits {
    if (maxLines < 1 || maxBytes < 1 || overflow == null) {
      throw new IllegalArgumentException("limits must be positive, overflow set");
    }
  }
}
