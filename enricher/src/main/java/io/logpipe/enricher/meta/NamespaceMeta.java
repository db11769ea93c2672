package io.logpipe.enricher.meta;

import java.util.Map;
import java.util.Objects;

/** The part of a Namespace the enricher keeps: its name and selected labels. */
public record NamespaceMeta(String name, Map<String, String> labels) {

  public NamespaceMeta {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(labels, "labels");
  }
}
