package io.logpipe.sinks.opensearch;

/** Where documents go: a plain index per namespace and UTC day, or a data stream per namespace. */
public enum IndexMode {
  /** {@code <prefix>-<namespace>-YYYY.MM.DD}, written with {@code index} (a retry overwrites). */
  INDEX_PER_DAY,
  /** {@code <prefix>-<namespace>}, written with {@code create} (a retry answers 409, counted as delivered). */
  DATA_STREAM
}
