package io.logpipe.runtime.errors;

/** A record could not be handled and the error policy is {@link ErrorPolicy#FAIL}: the service must stop. */
public final class PoisonRecordException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PoisonRecordException(String stage, String where, Throwable cause) {
    super("stage " + stage + ": record " + where + " failed with " + cause.getClass().getName()
        + " and the error policy is FAIL", cause);
  }
}
