package io.logpipe.multiline.assemble;

/** What the assembler counts; the stage maps these to its metrics. */
public interface AssemblyMetrics {

  AssemblyMetrics NONE = new AssemblyMetrics() { };

  /** An event reached a limit and the action was applied. */
  default void overflow(OverflowAction action) {
  }

  /** A line was in neither runtime format. */
  default void rejected(String reason) {
  }

  /** An open event or pending partial was emitted because its stream went quiet. */
  default void quietFlush() {
  }
}
