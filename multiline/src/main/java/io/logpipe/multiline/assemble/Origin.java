package io.logpipe.multiline.assemble;

import io.logpipe.schemas.FileIdentity;

/** Where a line's bytes are on the node: the file it was read from (identity, and path when read). */
public record Origin(String node, String path, FileIdentity fileId) {

  /** An origin for input that is not a node's log file (the offline tool reads local files). */
  public static Origin ofPath(String path) {
    return new Origin("", path, null);
  }
}
