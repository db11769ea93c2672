package io.logpipe.acceptance.stage;

import io.logpipe.cli.Logpipe;
import java.io.IOException;

/**
 * {@code bin/logpipe} with a parent watch: runs {@link Logpipe#main} with the same arguments, and halts the JVM as
 * soon as its standard input reaches end of file, which happens when the test JVM that started it dies, however it
 * dies (the pipe's write end closes with it). So no stage outlives the test, even when Failsafe's fork is killed.
 */
public final class ParentWatch {

  /** The exit code of a stage whose parent went away (none of logpipe's own {@code ExitCodes}). */
  static final int ORPHANED = 97;

  private ParentWatch() {}

  public static void main(String[] args) {
    Thread watch = new Thread(ParentWatch::haltWhenStdinCloses, "parent-watch");
    watch.setDaemon(true);
    watch.start();
    Logpipe.main(args);
  }

  private static void haltWhenStdinCloses() {
    try {
      while (System.in.read() != -1) {
        // the parent never writes; anything it did would only be discarded
      }
    } catch (IOException e) {
      // a broken pipe means the same: the parent is gone
    }
    Runtime.getRuntime().halt(ORPHANED);
  }
}
