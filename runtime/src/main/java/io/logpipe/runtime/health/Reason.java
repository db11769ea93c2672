package io.logpipe.runtime.health;

/**
 * A bounded label value for an outcome counter. {@link DropReason} covers the common cases; a stage that needs its
 * own reasons declares an enum implementing this, so the label set stays bounded by code, never by data.
 */
public interface Reason {

  /** The label value, lower snake case ({@code oversized}). */
  String label();
}
