package io.logpipe.cli.demo;

import java.io.IOException;
import java.time.Instant;

/** Writes one logical line the way a container runtime records it. */
interface LineWriter {
  void write(Instant time, String stream, String line) throws IOException;
}
