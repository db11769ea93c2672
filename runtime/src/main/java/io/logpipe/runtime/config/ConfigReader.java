package io.logpipe.runtime.config;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Typed settings of one service, read from flags, the environment ({@code <PREFIX>_<NAME>}) and an optional YAML
 * file, in that order of precedence. This is the only class that reads the environment.
 *
 * <p>Names are given without the prefix ({@code r.duration("FLUSH_TIMEOUT", ...)} reads
 * {@code MULTILINE_FLUSH_TIMEOUT}). A bad or missing value never throws at once: the problem is collected, the
 * default returned, and {@link #done()} throws one {@link ConfigException} listing every problem, each with the
 * full variable name, so an operator fixes the deployment in one round. Everything read is remembered for
 * {@link #describe()}, with secrets masked.
 *
 * <p>Not thread-safe: a service reads its configuration once, on one thread, at start-up.
 */
public final class ConfigReader {

  private static final Logger LOG = LoggerFactory.getLogger(ConfigReader.class);

  /** The environment variable naming the YAML file, after the prefix: {@code SHIPPER_CONFIG_FILE}. */
  public static final String CONFIG_FILE = "CONFIG_FILE";

  private final ConfigSources sources;
  private final List<String> problems = new ArrayList<>();
  private final Map<String, String> described = new LinkedHashMap<>();

  private ConfigReader(ConfigSources sources) {
    this.sources = sources;
  }

  /** A reader over the given sources; {@code yamlFile}, when present, must exist and parse (else a problem). */
  public static ConfigReader of(String prefix, Map<String, String> env, Optional<Path> yamlFile) {
    return of(prefix, Map.of(), env, yamlFile);
  }

  /** As {@link #of(String, Map, Optional)} with flag values (un-prefixed names) that win over everything. */
  public static ConfigReader of(
      String prefix, Map<String, String> flags, Map<String, String> env, Optional<Path> yamlFile) {
    Map<String, String> yaml = new LinkedHashMap<>();
    List<String> yamlProblems = new ArrayList<>();
    yamlFile.ifPresent(file -> {
      try {
        yaml.putAll(YamlSettings.read(file));
      } catch (IOException | RuntimeException e) {
        yamlProblems.add(file + ": cannot read the YAML settings file: " + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : " " + e.getMessage().lines().findFirst().orElse("")));
      }
    });
    ConfigReader reader = new ConfigReader(new ConfigSources(prefix, flags, env, yaml));
    reader.problems.addAll(yamlProblems);
    return reader;
  }

  /** Reads {@code System.getenv()} and, if {@code <PREFIX>_CONFIG_FILE} is set, that YAML file. */
  public static ConfigReader fromEnvironment(String prefix) {
    return fromEnvironment(prefix, Map.of());
  }

  /**
   * As {@link #fromEnvironment(String)} with command-line flag values keyed by the un-prefixed name
   * ({@code NODE_NAME}); flags win over the environment, which wins over YAML. A {@code CONFIG_FILE} flag also
   * names the YAML file.
   */
  public static ConfigReader fromEnvironment(String prefix, Map<String, String> flagOverrides) {
    Map<String, String> env = System.getenv();
    String fileVar = ConfigSources.normalizePrefix(prefix) + CONFIG_FILE;
    Optional<Path> file = Optional.ofNullable(flagOverrides.get(CONFIG_FILE))
        .or(() -> Optional.ofNullable(env.get(fileVar)))
        .filter(s -> !s.isBlank())
        .map(Path::of);
    return of(prefix, flagOverrides, env, file);
  }

  /**
   * Also accepts the plain variable {@code envVar} (no prefix) for {@code name} when {@code <PREFIX>_<name>} is
   * absent: {@code withAlias("NODE_NAME", "NODE_NAME")} lets the downward API's {@code NODE_NAME} serve. Declare
   * aliases before reading. Precedence: flag, prefixed variable, alias, YAML.
   */
  public ConfigReader withAlias(String name, String envVar) {
    sources.alias(name, envVar);
    return this;
  }

  /** The full variable name of a setting: {@code FLUSH_TIMEOUT} → {@code MULTILINE_FLUSH_TIMEOUT}. */
  public String fullName(String name) {
    return sources.fullName(name);
  }

  public String string(String name, String def) {
    return read(name, def, Optional::of, "", false);
  }

  /** A string that must be set and not blank. */
  public String requiredString(String name) {
    Optional<ConfigSources.Raw> raw = sources.lookup(name).filter(s -> !s.value().isBlank());
    if (raw.isEmpty()) {
      problem(name, "is required but not set");
      described.put(fullName(name), "<missing>");
      return "";
    }
    described.put(fullName(name), shown(name, raw.get().value()) + raw.get().origin());
    return raw.get().value();
  }

  public int intValue(String name, int def) {
    return read(name, def, s -> parse(s, Integer::parseInt), "is not an integer", true);
  }

  public long longValue(String name, long def) {
    return read(name, def, s -> parse(s, Long::parseLong), "is not an integer", true);
  }

  /** An integer within {@code [min, max]}; outside is a problem naming the range (and the default is returned). */
  public int intInRange(String name, int def, int min, int max) {
    int value = intValue(name, def);
    if (value < min || value > max) {
      problem(name, value + " is outside [" + min + ", " + max + "]");
      return def;
    }
    return value;
  }

  /** {@code true/false}, {@code yes/no}, {@code on/off}, {@code 1/0}, case-insensitive. */
  public boolean bool(String name, boolean def) {
    return read(name, def, s -> switch (s.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "1" -> Optional.of(true);
      case "false", "no", "off", "0" -> Optional.of(false);
      default -> Optional.empty();
    }, "is not a boolean (true/false)", true);
  }

  /** {@code 500ms}, {@code 1s}, {@code 10m}, {@code PT1M}: see {@link Units#duration(String)}. */
  public Duration duration(String name, Duration def) {
    return read(name, def, Units::duration, "is not a duration (e.g. 500ms, 5s, 10m, PT1M)", true);
  }

  /** {@code 1MiB}, {@code 512KiB}, {@code 1048576}: see {@link Units#bytes(String)}. */
  public long bytes(String name, long def) {
    return read(name, def, Units::bytes, "is not a size in bytes (e.g. 1048576, 512KiB, 1MiB)", true);
  }

  /** Comma-separated, items trimmed, empty items dropped; an empty string is an empty list. */
  public List<String> list(String name, List<String> def) {
    return read(name, def, s -> Optional.of(Arrays.stream(s.split(","))
        .map(String::strip).filter(item -> !item.isEmpty()).toList()), "", false);
  }

  /** An enum constant by name, case-insensitive, {@code -} and {@code _} interchangeable. */
  public <E extends Enum<E>> E enumValue(String name, Class<E> type, E def) {
    E[] constants = type.getEnumConstants();
    String allowed = Arrays.stream(constants).map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-'))
        .collect(Collectors.joining(", "));
    return read(name, def, s -> Arrays.stream(constants)
        .filter(c -> c.name().equalsIgnoreCase(s.strip().replace('-', '_')))
        .findFirst(), "is not one of " + allowed, true);
  }

  /** A secret: masked in {@link #describe()} and in its own {@code toString()}. */
  public Secret secret(String name, String def) {
    Optional<ConfigSources.Raw> raw = sources.lookup(name);
    Secret secret = new Secret(raw.map(ConfigSources.Raw::value).orElse(def));
    described.put(fullName(name), secret + raw.map(ConfigSources.Raw::origin).orElse(" (default)"));
    return secret;
  }

  public Path path(String name, Path def) {
    return read(name, def, s -> {
      try {
        return Optional.of(Path.of(s.strip()));
      } catch (InvalidPathException e) {
        return Optional.empty();
      }
    }, "is not a valid path", true);
  }

  /** Records {@code problem} against {@code name} unless {@code ok}: the validation hook for cross-field rules. */
  public ConfigReader check(boolean ok, String name, String problem) {
    if (!ok) {
      problem(name, problem);
    }
    return this;
  }

  /**
   * Every setting under {@code subPrefix} ({@code "KAFKA_"}) from all sources, keyed by the rest of its name
   * ({@code LINGER_MS}), with the usual precedence. Used for client overrides.
   */
  public Map<String, String> prefixed(String subPrefix) {
    String sub = YamlSettings.normalize(subPrefix);
    Map<String, String> found = sources.under(sub);
    found.forEach((k, v) -> described.put(fullName(sub + k), shown(k, v)));
    return found;
  }

  /** The problems so far. */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  /** Throws one {@link ConfigException} listing every problem found, if any. */
  public void done() {
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }

  /**
   * How every service starts: reads its configuration with {@code read}, then logs the settings in force (secrets
   * masked); or, when anything is invalid, prints every problem on stderr and returns empty, and the caller exits
   * with {@code ExitCodes.CONFIG}.
   */
  public <C> Optional<C> readOrReport(String service, Function<ConfigReader, C> read) {
    C config;
    try {
      config = read.apply(this);
      done();
    } catch (ConfigException e) {
      System.err.println(e.getMessage());
      return Optional.empty();
    }
    LOG.info("{} settings:\n{}", service, describe());
    return Optional.of(config);
  }

  /** Every setting read, one per line ({@code NAME=value (origin)}), secrets masked: for the start-up log. */
  public String describe() {
    return described.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("\n"));
  }

  private <T> T read(String name, T def, Function<String, Optional<T>> parser, String problem, boolean blankIsUnset) {
    Optional<ConfigSources.Raw> raw = sources.lookup(name).filter(s -> !(blankIsUnset && s.value().isBlank()));
    if (raw.isEmpty()) {
      described.put(fullName(name), shown(name, String.valueOf(def)) + " (default)");
      return def;
    }
    Optional<T> parsed = parser.apply(raw.get().value());
    if (parsed.isEmpty()) {
      problem(name, "'" + raw.get().value() + "' " + problem);
      described.put(fullName(name), "<invalid>");
      return def;
    }
    described.put(fullName(name), shown(name, String.valueOf(parsed.get())) + raw.get().origin());
    return parsed.get();
  }

  /** How a value appears in {@link #describe()}: masked when its name says secret, URL credentials masked. */
  private static String shown(String name, String value) {
    return SecretNames.looksSecret(name) ? Secret.MASK : SecretNames.maskUrlCredentials(value);
  }

  private void problem(String name, String what) {
    problems.add(fullName(name) + ": " + what);
  }

  private static <T> Optional<T> parse(String s, Function<String, T> parser) {
    try {
      return Optional.of(parser.apply(s.strip().replace("_", "")));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
