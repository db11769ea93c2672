package io.logpipe.runtime.service;

/** Process exit codes returned by the runners; {@code main} passes them to {@code System.exit}. */
public final class ExitCodes {

  /** Stopped on request, cleanly. */
  public static final int OK = 0;
  /** Failed at run time (an uncaught error, a FAIL error policy, a dead Streams client). */
  public static final int FAILED = 1;
  /** Refused to start: invalid configuration ({@code ConfigException}). */
  public static final int CONFIG = 2;
  /** Asked to stop but did not finish within the close timeout. */
  public static final int STOP_TIMEOUT = 3;

  private ExitCodes() {}
}
