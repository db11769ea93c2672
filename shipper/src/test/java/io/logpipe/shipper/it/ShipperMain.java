package io.logpipe.shipper.it;

import io.logpipe.shipper.ShipperCommand;
import picocli.CommandLine;

/** {@code logpipe shipper} as its own process, for the promise test (the real entry point is the cli module's). */
public final class ShipperMain {

  private ShipperMain() {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new ShipperCommand()).execute(args));
  }
}
