package io.logpipe.multiline.detect;

/**
 * Classifies the lines of one stream, one at a time. Stateful (one instance per container stream); its state is a
 * short string so that it can be kept in a state store and restored after a crash.
 */
public interface Detector {

  Status update(String line);

  /** Forgets any open trace (after a forced flush). */
  void reset();

  /** The state to persist; {@link #restore(String)} takes it back. */
  String state();

  void restore(String state);
}
