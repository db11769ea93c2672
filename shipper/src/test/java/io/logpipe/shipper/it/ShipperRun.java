package io.logpipe.shipper.it;

import io.logpipe.runtime.config.ConfigReader;
import io.logpipe.runtime.health.HealthState;
import io.logpipe.runtime.health.ServiceMetrics;
import io.logpipe.shipper.Shipper;
import io.logpipe.shipper.ShipperConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Builds a test shipper's configuration the way the command does, from settings by name. */
final class ShipperRun {

  private ShipperRun() {}

  static ShipperConfig config(Path root, String node, String bootstrap, Map<String, String> extra) {
    Map<String, String> settings = new HashMap<>(Map.of(
        "LOG_ROOT", root.toString(),
        "NODE_NAME", node,
        "BOOTSTRAP_SERVERS", bootstrap,
        "ROTATE_WAIT", "300ms",
        "RESCAN_INTERVAL", "500ms",
        "POLL_INTERVAL", "50ms",
        "KAFKA_MAX_BLOCK_MS", "5000"));
    settings.putAll(extra);
    ConfigReader r = ConfigReader.of("SHIPPER", settings, Map.of(), Optional.empty());
    ShipperConfig config = ShipperConfig.read(r);
    r.done();
    return config;
  }

  static Shipper start(ShipperConfig config, HealthState health) {
    return Shipper.start(config, ServiceMetrics.bare("shipper"), health);
  }
}
