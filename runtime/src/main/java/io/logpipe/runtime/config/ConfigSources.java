package io.logpipe.runtime.config;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where a raw setting comes from, in order of precedence: a flag (un-prefixed name), the prefixed environment
 * variable, a declared alias (a plain environment variable), the YAML file. Values are raw text; typing and
 * problems are {@link ConfigReader}'s.
 */
final class ConfigSources {

  /** A raw value and where it came from, for {@link ConfigReader#describe()}. */
  record Raw(String value, String origin) {}

  private final String prefix;
  private final Map<String, String> flags;
  private final Map<String, String> env;
  private final Map<String, String> yaml;
  private final Map<String, String> aliases = new HashMap<>();

  ConfigSources(String prefix, Map<String, String> flags, Map<String, String> env, Map<String, String> yaml) {
    this.prefix = normalizePrefix(prefix);
    this.flags = Map.copyOf(flags);
    this.env = Map.copyOf(env);
    this.yaml = Map.copyOf(yaml);
  }

  /** {@code shipper}, {@code SHIPPER} and {@code SHIPPER_} all mean the variables {@code SHIPPER_*}. */
  static String normalizePrefix(String prefix) {
    return prefix.isEmpty() ? "" : prefix.toUpperCase(Locale.ROOT).replaceAll("_+$", "") + "_";
  }

  String fullName(String name) {
    return prefix + name;
  }

  void alias(String name, String envVar) {
    aliases.put(name, envVar);
  }

  Optional<Raw> lookup(String name) {
    if (flags.containsKey(name)) {
      return Optional.of(new Raw(flags.get(name), " (flag)"));
    }
    String prefixed = fullName(name);
    if (env.containsKey(prefixed)) {
      return Optional.of(new Raw(env.get(prefixed), " (env " + prefixed + ")"));
    }
    String alias = aliases.get(name);
    if (alias != null && env.containsKey(alias)) {
      return Optional.of(new Raw(env.get(alias), " (env " + alias + ")"));
    }
    if (yaml.containsKey(name)) {
      return Optional.of(new Raw(yaml.get(name), " (yaml)"));
    }
    return Optional.empty();
  }

  /** Every setting whose name starts with {@code sub}, keyed by the rest of its name, with the same precedence. */
  Map<String, String> under(String sub) {
    Map<String, String> found = new TreeMap<>();
    yaml.forEach((k, v) -> collect(found, k, sub, v));
    env.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        collect(found, k.substring(prefix.length()), sub, v);
      }
    });
    flags.forEach((k, v) -> collect(found, k, sub, v));
    return found;
  }

  private static void collect(Map<String, String> into, String key, String sub, String value) {
    if (key.startsWith(sub) && key.length() > sub.length()) {
      into.put(key.substring(sub.length()), value);
    }
  }
}
