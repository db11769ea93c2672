package io.logpipe.enricher.body;

/**
 * Bounds on body parsing (issue 5: "bounded depth and size").
 *
 * @param maxChars bodies longer than this are not parsed (plain severity is still looked for)
 * @param maxDepth objects nested deeper than this are kept as their JSON text under the dotted key at this depth
 * @param maxAttributes attributes beyond this many are dropped (the event is flagged {@code body_truncated})
 * @param maxValueChars attribute values longer than this are cut (flagged likewise)
 */
public record BodyLimits(int maxChars, int maxDepth, int maxAttributes, int maxValueChars) {

  public static final BodyLimits DEFAULTS = new BodyLimits(64 * 1024, 4, 128, 4096);

  public BodyLimits {
    if (maxChars < 1 || maxDepth < 1 || maxAttributes < 0 || maxValueChars < 1) {
      throw new IllegalArgumentException("body limits must be positive: " + maxChars + ", " + maxDepth + ", "
          + maxAttributes + ", " + maxValueChars);
    }
  }
}
