package io.logpipe.sinks.worker;

/**
 * The backend could not take the batch now (unreachable, 429, 5xx, timeout): the worker keeps the offsets
 * uncommitted, pauses the partition and retries the batch later with a capped, jittered back-off.
 */
public final class TransientSinkException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TransientSinkException(String message, Throwable cause) {
    super(message, cause);
  }

  public TransientSinkException(String message) {
    super(message);
  }
}
