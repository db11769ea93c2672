package io.logpipe.shipper.deliver;

import io.logpipe.shipper.ShipperConfig;
import java.util.Objects;

/**
 * Who ships a source, as Kafka and the positions topic know it: the {@code transactional.id} (fences a predecessor
 * of the same source and nothing else), and the owner that prefixes its position keys
 * ({@code <owner>/<device>:<inode>:<fingerprint>}), distinct from the node's pod-log positions.
 *
 * @param node  the node written as {@code node} in positions and events
 */
public record SourceIdentity(String transactionalId, String positionOwner, String node) {

  /** The node's pod logs: the shipper's own {@code transactional.id}, positions owned by the node itself. */
  public static SourceIdentity podLogs(ShipperConfig config) {
    return new SourceIdentity(config.transactionalId(), config.nodeName(), config.nodeName());
  }

  public SourceIdentity {
    Objects.requireNonNull(transactionalId, "transactionalId");
    Objects.requireNonNull(positionOwner, "positionOwner");
    Objects.requireNonNull(node, "node");
  }
}
