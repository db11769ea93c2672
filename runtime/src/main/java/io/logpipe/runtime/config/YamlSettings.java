package io.logpipe.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Flattens a YAML settings file into the names the environment uses, so one lookup serves both: nested keys join
 * with {@code _}, and {@code -} or {@code .} become {@code _}, upper-cased. {@code kafka: {linger-ms: 5}},
 * {@code kafka.linger.ms: 5} and {@code KAFKA_LINGER_MS: 5} are the same setting. Lists become comma-separated.
 * Keys carry no service prefix: the file belongs to one service.
 */
final class YamlSettings {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static Map<String, String> read(Path file) throws IOException {
    JsonNode root = YAML.readTree(file.toFile());
    Map<String, String> flat = new LinkedHashMap<>();
    if (root != null && !root.isNull() && !root.isMissingNode()) {
      if (!root.isObject()) {
        throw new IOException("the top level is not a mapping");
      }
      flatten("", root, flat);
    }
    return flat;
  }

  static String normalize(String key) {
    return key.strip().replace('-', '_').replace('.', '_').toUpperCase(Locale.ROOT);
  }

  private static void flatten(String path, JsonNode node, Map<String, String> into) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        String name = normalize(field.getKey());
        flatten(path.isEmpty() ? name : path + "_" + name, field.getValue(), into);
      }
    } else if (node.isArray()) {
      List<String> items = new ArrayList<>();
      node.forEach(item -> items.add(item.isValueNode() ? item.asText() : item.toString()));
      into.put(path, String.join(",", items));
    } else if (!node.isNull()) {
      into.put(path, node.asText());
    }
  }

  private YamlSettings() {}
}
