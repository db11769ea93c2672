package io.logpipe.sinks.worker;

/** The reason a backend refused one record for good, as carried in the dead-letter headers. */
public final class RejectedByBackendException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public RejectedByBackendException(RejectedRecord rejected) {
    super(rejected.errorClass() + ": " + rejected.reason());
  }
}
