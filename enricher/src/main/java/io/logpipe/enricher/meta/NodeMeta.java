package io.logpipe.enricher.meta;

import java.util.Map;
import java.util.Objects;

/** The part of a Node the enricher keeps: its name and selected labels (zone, instance type, ...). */
public record NodeMeta(String name, Map<String, String> labels) {

  public NodeMeta {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(labels, "labels");
  }
}
