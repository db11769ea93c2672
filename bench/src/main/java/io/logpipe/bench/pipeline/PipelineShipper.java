package io.logpipe.bench.pipeline;

import io.logpipe.shipper.ShipperCommand;
import picocli.CommandLine;

/** {@code logpipe shipper} in its own JVM for the end-to-end bench (see {@link Processes#startShipper}). */
public final class PipelineShipper {

  private PipelineShipper() {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new ShipperCommand()).execute(args));
  }
}
