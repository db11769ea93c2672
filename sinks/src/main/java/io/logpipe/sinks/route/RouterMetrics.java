package io.logpipe.sinks.route;

import io.logpipe.runtime.health.Reason;
import io.logpipe.sinks.SinkName;
import java.util.Locale;

/** What the router counts, by intent; the service binds it to its meter registry. */
public interface RouterMetrics {

  /** Why an event went to no sink topic. */
  enum Unrouted implements Reason {
    /** No rule matched and the default route is empty. */
    UNROUTED,
    /** The record had no value (a tombstone): there is nothing to deliver. */
    EMPTY_RECORD;

    @Override
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  void routed(SinkName sink);

  void unrouted(Unrouted reason);

  /** Discards every count (tests, tools). */
  RouterMetrics NONE = new RouterMetrics() {
    @Override
    public void routed(SinkName sink) {}

    @Override
    public void unrouted(Unrouted reason) {}
  };
}
