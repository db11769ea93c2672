package io.logpipe.shipper.source;

import java.util.Objects;

/**
 * Who ships a source, as Kafka and the positions topic know it: the {@code transactional.id} (fences a predecessor
 * of the same source and nothing else), and the owner that prefixes its position keys
 * ({@code <owner>/<device>:<inode>:<fingerprint>}), distinct from the node's pod-log positions.
 *
 * @param node  the node written as {@code node} in positions and events
 */
public record SourceIdentity(String transactionalId, String positionOwner, String node) {

  public SourceIdentity {
    Objects.requireNonNull(transactionalId, "transactionalId");
    Objects.requireNonNull(positionOwner, "positionOwner");
    Objects.requireNonNull(node, "node");
  }
}
