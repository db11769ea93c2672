package io.logpipe.sinks.opensearch;

import io.logpipe.schemas.FileIdentity;
import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.Source;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * The document {@code _id} of an event, derived from where its bytes are on the node (issue 7): node, file
 * identity (device, inode, fingerprint) and first byte offset, so a retried or replayed event overwrites its
 * document instead of adding one. The path is left out (a rotated file keeps its identity but not its name),
 * except for events not read from a file. 128 bits of SHA-256, base64url: 22 characters.
 */
public final class DocumentId {

  private DocumentId() {}

  public static String of(LogEvent event) {
    Source source = event.getSource();
    FileIdentity file = source.getFileId();
    String coordinates = file == null
        ? source.getNode() + '\0' + "path:" + source.getPath() + '\0' + source.getFirstOffset()
        : source.getNode() + '\0' + file.getDevice() + '\0' + file.getInode() + '\0' + file.getFingerprint() + '\0'
            + source.getFirstOffset();
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(coordinates.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
