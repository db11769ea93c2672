package io.logpipe.runtime.health;

import java.util.Locale;

/** Why a record was dropped on purpose: the {@code reason} label of {@code logpipe_records_dropped_total}. */
public enum DropReason implements Reason {
  /** Larger than the configured maximum line or event size, with overflow action DROP. */
  OVERSIZED,
  /** Matched an exclusion rule (namespace, glob, pod annotation). */
  EXCLUDED,
  /** Removed by a policy (a redaction policy's drop action, a routing rule). */
  POLICY,
  /** Could not be parsed, with error policy DROP. */
  UNPARSED,
  /** Could not be deserialised, with error policy DROP. */
  UNDESERIALIZABLE,
  /** Processing threw, with error policy DROP. */
  PROCESSING_ERROR,
  /** Could not be produced (too large, serialisation), with error policy DROP. */
  PRODUCTION_ERROR,
  /** Rejected by a sink backend as invalid (not retryable), with error policy DROP. */
  REJECTED,
  /** No routing rule matched and there is no default route. */
  UNROUTED,
  /** Older than what the backend accepts. */
  TOO_OLD,
  /** A bounded buffer was full and the configured action is to drop, not to wait. */
  BUFFER_FULL;

  @Override
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
