package io.logpipe.shipper.tail;

import io.logpipe.schemas.FileIdentity;

/**
 * Which file we read, never by path: device and inode, plus the {@link Fingerprint} of its first bytes so a reused
 * inode is told apart from the file that had it before.
 */
public record FileId(long device, long inode, long fingerprint) {

  public static FileId of(FileIdentity avro) {
    return new FileId(avro.getDevice(), avro.getInode(), avro.getFingerprint());
  }

  public FileIdentity toAvro() {
    return new FileIdentity(device, inode, fingerprint);
  }

  /** Device and inode only: what the filesystem can tell us before we read anything. */
  public DevIno devIno() {
    return new DevIno(device, inode);
  }

  /** The positions-topic key: the node, then the identity (compacted per file). */
  public String positionKey(String node) {
    return node + '/' + device + ':' + inode + ':' + Long.toHexString(fingerprint);
  }

  /** The inverse of the part of {@link #positionKey} after {@code <node>/}: {@code <device>:<inode>:<hex>}. */
  public static FileId parsePositionKey(String idPart) {
    String[] parts = idPart.split(":", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("not a file identity '" + idPart + "' (device:inode:fingerprint)");
    }
    return new FileId(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseUnsignedLong(parts[2], 16));
  }

  /** Device and inode of a file as the filesystem reports them. */
  public record DevIno(long device, long inode) {}
}
