package io.logpipe.shipper.files;

import io.logpipe.shipper.source.NodeLine;

/** How the lines of an extra file source are read (issue 9): plain text (klog-aware), JSON lines, or the audit log. */
public enum FileFormat {
  TEXT {
    @Override
    NodeLine parse(String line) {
      return TextLine.parse(line);
    }
  },
  JSON {
    @Override
    NodeLine parse(String line) {
      return JsonLine.parse(line);
    }
  },
  AUDIT {
    @Override
    NodeLine parse(String line) {
      return AuditLine.parse(line);
    }
  };

  abstract NodeLine parse(String line);
}
