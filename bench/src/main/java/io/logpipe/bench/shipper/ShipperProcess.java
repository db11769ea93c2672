package io.logpipe.bench.shipper;

import io.logpipe.shipper.ShipperCommand;
import picocli.CommandLine;

/** {@code logpipe shipper} in its own JVM for the benchmark, so its CPU and RSS are measured alone. */
public final class ShipperProcess {

  private ShipperProcess() {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new ShipperCommand()).execute(args));
  }
}
