package io.logpipe.multiline.streams;

/**
 * A raw line in neither runtime format. Thrown by the processor so that the stage's error policy (runtime's
 * {@code DeadLetterProcessingHandler}) applies: by default the original RawLine bytes go to {@code logs.dlq.v1} with
 * provenance headers, the reason in the error-message header, counted. Nothing pending is changed by such a line.
 */
public final class UnparsedLineException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UnparsedLineException(String reason) {
    super("line in neither CRI nor docker json-file format: " + reason, null, false, false);
  }
}
