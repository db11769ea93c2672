package io.logpipe.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logpipe.enricher.EnricherConfig;
import io.logpipe.enricher.EnricherMetrics;
import io.logpipe.events.EventsCollectorConfig;
import io.logpipe.events.collector.EventsMetrics;
import io.logpipe.multiline.MultilineConfig;
import io.logpipe.multiline.streams.MultilineMetrics;
import io.logpipe.redactor.RedactorConfig;
import io.logpipe.redactor.RedactorMetrics;
import io.logpipe.runtime.config.ConfigReader;
import io.logpipe.runtime.config.Units;
import io.logpipe.runtime.health.DropReason;
import io.logpipe.runtime.health.ServiceMetrics;
import io.logpipe.shipper.ShipperConfig;
import io.logpipe.shipper.ShipperMetrics;
import io.logpipe.shipper.tail.ShipProgress;
import io.logpipe.sinks.SinkConfig;
import io.logpipe.sinks.route.RouterConfig;
import io.logpipe.sinks.route.RouterServiceMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What operators read besides the chart: the Grafana dashboard ({@code grafana/logpipe-dashboard.json}) and the
 * configuration reference ({@code docs/configuration.md}). Both are checked against the code, so neither can
 * silently rot when a metric or a setting is renamed.
 */
class DashboardAndDocsTest {

  static final Path DASHBOARD = Path.of("grafana", "logpipe-dashboard.json");
  static final Path OPERATIONS = Path.of("..", "docs", "operations.md");

  /**
   * Every PromQL expression of the dashboard names only metrics the code exports, and selects or groups only by
   * labels those metrics carry (or that Prometheus adds to every scraped series).
   */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class Dashboard {

    /** Target labels a ServiceMonitor scrape adds to every series (Prometheus Operator). */
    static final Set<String> TARGET_LABELS = Set.of("namespace", "service", "pod", "job", "instance", "container",
        "endpoint");

    private JsonNode dashboard;
    private Map<String, Set<String>> exported;

    @BeforeAll
    void readDashboardAndScrapeTheCode(@TempDir Path stateDir) throws IOException {
      dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
      exported = ExportedMetrics.scrape(stateDir);
    }

    @Test
    void theScrapeOfTheCodeFindsTheStageMetricsAndTheKafkaClientMetrics() {
      // Guards the guard: a scrape that found nothing would let every expression fail for the wrong reason.
      assertThat(exported).containsKeys("logpipe_shipper_lines_read_total", "logpipe_records_dropped_total",
          "logpipe_dead_letters_total", "logpipe_redactor_redactions_total", "process_uptime_seconds",
          "kafka_consumer_fetch_manager_records_lag_max", "kafka_producer_record_send_total",
          "kafka_stream_thread_process_total");
      assertThat(exported.get("logpipe_records_dropped_total")).contains("stage", "reason", "service");
    }

    @Test
    void everyExpressionNamesOnlyMetricsTheCodeExports() {
      List<String> expressions = expressions();
      assertThat(expressions).hasSizeGreaterThan(10);
      assertThat(unknownMetrics(expressions)).as("metrics the dashboard queries but no component exports").isEmpty();
    }

    @Test
    void theAlertsSuggestedInTheDocsNameOnlyMetricsAndLabelsTheCodeExports() {
      List<String> alerts = PromQl.codeBlocks(read(OPERATIONS));
      assertThat(alerts).hasSizeGreaterThan(5);
      assertThat(unknownMetrics(alerts)).as("metrics docs/operations.md uses but no component exports").isEmpty();
      assertThat(labelProblems(alerts)).isEmpty();
    }

    private Map<String, Set<String>> unknownMetrics(List<String> expressions) {
      Map<String, Set<String>> unknown = new TreeMap<>();
      for (String expr : expressions) {
        Set<String> names = PromQl.metricNames(expr);
        assertThat(names).as("no metric found in %s", expr).isNotEmpty();
        names.stream().filter(name -> !exported.containsKey(name))
            .forEach(name -> unknown.computeIfAbsent(name, n -> new TreeSet<>()).add(expr));
      }
      return unknown;
    }

    @Test
    void everyExpressionSelectsAndGroupsOnlyByLabelsItsMetricsCarry() {
      assertThat(labelProblems(expressions())).isEmpty();
    }

    private List<String> labelProblems(List<String> expressions) {
      List<String> problems = new ArrayList<>();
      for (String expr : expressions) {
        Set<String> allowed = new TreeSet<>(TARGET_LABELS);
        PromQl.metricNames(expr).forEach(metric -> allowed.addAll(exported.getOrDefault(metric, Set.of())));
        PromQl.selectors(expr).forEach((metric, labels) -> {
          Set<String> carried = exported.getOrDefault(metric, Set.of());
          allowed.addAll(carried);
          labels.stream().filter(l -> !TARGET_LABELS.contains(l) && !carried.contains(l))
              .forEach(l -> problems.add(metric + " has no label " + l + " in " + expr));
        });
        PromQl.groupingLabels(expr).stream().filter(l -> !allowed.contains(l))
            .forEach(l -> problems.add("grouping by " + l + " that no metric of the expression has: " + expr));
      }
      return problems;
    }

    @Test
    void thePanelsCoverWhatTheIssueAsksFor() {
      String all = String.join("\n", expressions());
      // issue 8: lines in, events out per stage, consumer lag, drops by reason, DLQ rate, redactions by rule,
      // sink latency (offset commits follow confirmed writes: the closest signal the sinks export today).
      assertThat(all).contains("logpipe_shipper_lines_read_total", "kafka_consumer_fetch_manager_records_consumed_total",
          "kafka_producer_record_send_total", "logpipe_router_routed_total",
          "kafka_consumer_fetch_manager_records_lag_max", "by (stage, reason) (rate(logpipe_records_dropped_total",
          "rate(logpipe_dead_letters_total", "by (rule) (rate(logpipe_redactor_redactions_total",
          "kafka_consumer_coordinator_commit_latency_avg");
    }

    @Test
    void panelsAreFilteredByNamespaceReleaseAndStageVariables() {
      List<String> variables = new ArrayList<>();
      dashboard.path("templating").path("list").forEach(v -> variables.add(v.path("name").asText()));
      assertThat(variables).containsExactly("datasource", "namespace", "release", "stage");
      for (String expr : panelExpressions()) {
        assertThat(expr).as("every panel query is scoped to one release of one namespace")
            .contains("namespace=\"$namespace\"").containsPattern("service=~?\"\\$release-");
      }
      dashboard.path("panels").forEach(panel -> {
        if (!panel.path("type").asText().equals("row")) {
          assertThat(panel.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
          assertThat(panel.path("description").asText()).as(panel.path("title").asText()).isNotBlank();
        }
      });
    }

    @Test
    void theReleaseVariableExtractsTheChartFullNameFromEveryComponentsServiceName() {
      JsonNode release = variable("release");
      Pattern regex = Pattern.compile(release.path("regex").asText().replaceAll("^/|/$", ""));
      // The chart names each component's Service <full name>-<component> (RenderedChart: release "logpipe").
      for (String service : List.of("logpipe-shipper", "logpipe-multiline", "logpipe-sink-opensearch",
          "logpipe-k8s-events")) {
        Matcher m = regex.matcher(service);
        assertThat(m.matches()).as(service).isTrue();
        assertThat(m.group(1)).isEqualTo("logpipe");
      }
      assertThat(regex.matcher("other-app").matches()).isFalse();
    }

    @Test
    void theQueryReaderFindsAMisspeltMetricAndIgnoresFunctionsLabelsAndDurations() {
      assertThat(PromQl.metricNames("sum by (pod) (rate(logpipe_shipper_lines_red_total{pod=~\"a|b\"}[5m])) "
          + "/ on (pod) group_left max without (instance) (up offset 5m)"))
          .containsExactly("logpipe_shipper_lines_red_total", "up");
      assertThat(exported).doesNotContainKey("logpipe_shipper_lines_red_total");
      assertThat(PromQl.selectors("rate(x_total{a=\"1\", b!~\"}\"}[1m]) + y{c=\"2\"}"))
          .isEqualTo(Map.of("x_total", Set.of("a", "b"), "y", Set.of("c")));
      assertThat(PromQl.groupingLabels("sum by (stage, reason) (x) / max without(pod) (y)"))
          .containsExactly("pod", "reason", "stage");
    }

    private JsonNode variable(String name) {
      for (JsonNode v : dashboard.path("templating").path("list")) {
        if (v.path("name").asText().equals(name)) {
          return v;
        }
      }
      throw new AssertionError("no variable " + name);
    }

    private List<String> panelExpressions() {
      List<String> out = new ArrayList<>();
      dashboard.path("panels").forEach(p -> p.path("targets").forEach(t -> out.add(t.path("expr").asText())));
      return out;
    }

    /** Panel queries and the variables' label_values queries. */
    private List<String> expressions() {
      List<String> out = panelExpressions();
      dashboard.path("templating").path("list").forEach(v -> {
        String q = v.path("query").path("query").asText("");
        Matcher m = Pattern.compile("label_values\\((.+),\\s*\\w+\\)").matcher(q);
        if (m.matches()) {
          out.add(m.group(1));
        }
      });
      return out;
    }
  }

  /**
   * {@code docs/configuration.md} lists, per component, exactly the variables that component's own
   * {@code *Config.read} reads (with every branch taken: each sink backend, each shipper mode), each with the default
   * the code applies.
   */
  @Nested
  class ConfigurationReference {

    static final Path CONFIGURATION = Path.of("..", "docs", "configuration.md");

    private final Map<String, Map<String, Row>> documented = Row.sections(read(CONFIGURATION));

    @Test
    void everyComponentHasASectionWithItsConventionRows() {
      for (Component c : Component.ALL) {
        assertThat(documented).as("docs/configuration.md: a section '## %s'", c.name()).containsKey(c.name());
        assertThat(documented.get(c.name())).as(c.name())
            .containsKeys(c.prefix() + "_KAFKA_*", c.prefix() + "_" + ConfigReader.CONFIG_FILE);
      }
    }

    @Test
    void everySectionListsExactlyTheVariablesItsComponentReads() {
      for (Component c : Component.ALL) {
        Set<String> read = c.settingsRead().keySet();
        Set<String> listed = new TreeSet<>(documented.getOrDefault(c.name(), Map.of()).keySet());
        listed.removeIf(name -> name.contains("*") || name.contains("<") || name.endsWith("_CONFIG_FILE"));
        assertThat(new TreeSet<>(read)).as("docs/configuration.md, section %s: variables %s reads (add the "
            + "missing ones, remove those it no longer reads)", c.name(), c.name()).isEqualTo(listed);
      }
    }

    @Test
    void everyDocumentedDefaultIsTheOneTheCodeApplies() {
      List<String> wrong = new ArrayList<>();
      for (Component c : Component.ALL) {
        Map<String, Row> rows = documented.getOrDefault(c.name(), Map.of());
        c.settingsRead().forEach((name, actual) -> {
          Row row = rows.get(name);
          if (row != null && !Row.sameDefault(row.defaultValue(), actual)) {
            wrong.add(name + ": documented '" + row.defaultValue() + "', the code applies '" + actual + "'");
          }
        });
      }
      assertThat(wrong).isEmpty();
    }

    @Test
    void theDefaultComparisonTellsEqualValuesInTheirDocumentedFormFromDifferentOnes() {
      assertThat(Row.sameDefault("`512KiB`", "524288")).isTrue();
      assertThat(Row.sameDefault("`250ms`", "PT0.25S")).isTrue();
      assertThat(Row.sameDefault("`exactly-once`", "EXACTLY_ONCE")).isTrue();
      assertThat(Row.sameDefault("`app.kubernetes.io/*,app`", "[app.kubernetes.io/*, app]")).isTrue();
      assertThat(Row.sameDefault("none", "null")).isTrue();
      assertThat(Row.sameDefault("required", "<missing>")).isTrue();
      assertThat(Row.sameDefault("`1s`", "PT2S")).isFalse();
      assertThat(Row.sameDefault("`1MiB`", "524288")).isFalse();
      assertThat(Row.sameDefault("`truncate`", "SPLIT")).isFalse();
      assertThat(Row.sameDefault("none", "[kube-system]")).isFalse();
      assertThat(Row.sameDefault("`8080`", "<missing>")).isFalse();
    }
  }

  /** One row of a configuration table: variable, flag, default, meaning. */
  record Row(String variable, String flag, String defaultValue, String meaning) {

    private static final Pattern HEADING = Pattern.compile("^## (\\S+)\\s*$");
    private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\|([^|]*)\\|([^|]*)\\|(.*)\\|\\s*$");

    /** Section heading → variable → row, for tables with four columns. */
    static Map<String, Map<String, Row>> sections(String markdown) {
      Map<String, Map<String, Row>> sections = new TreeMap<>();
      Map<String, Row> current = null;
      for (String line : markdown.lines().toList()) {
        Matcher h = HEADING.matcher(line);
        if (h.matches()) {
          current = sections.computeIfAbsent(h.group(1), n -> new TreeMap<>());
          continue;
        }
        Matcher r = ROW.matcher(line);
        if (current != null && r.matches()) {
          current.put(r.group(1), new Row(r.group(1), r.group(2).strip(), r.group(3).strip(), r.group(4).strip()));
        }
      }
      return sections;
    }

    /**
     * Whether a default as documented ({@code `512KiB`}, {@code `1s`}, {@code none}, {@code required}) is the value
     * the code reports ({@code 524288}, {@code PT1S}, {@code null}, {@code <missing>}). A documented default that
     * is computed ({@code `logpipe-sink-<backend>`}) is not compared; {@code $TMPDIR} is the JVM's temp directory.
     */
    static boolean sameDefault(String documentedDefault, String actual) {
      String doc = documentedDefault.replaceAll("\\s*\\([^)]*\\)$", "").replace("`", "").strip();
      if (actual.equals("<missing>") || actual.equals("<set by the variant>")) {
        return doc.startsWith("required");
      }
      if (doc.contains("<")) {
        return true;
      }
      if (doc.equals("none")) {
        return Set.of("", "null", "[]", "****").contains(actual);
      }
      if (doc.contains("$TMPDIR")) {
        return Path.of(doc.replace("$TMPDIR", System.getProperty("java.io.tmpdir"))).equals(Path.of(actual));
      }
      if (actual.startsWith("PT") || actual.startsWith("P")) {
        try {
          return Units.duration(doc).equals(Optional.of(java.time.Duration.parse(actual)));
        } catch (java.time.format.DateTimeParseException e) {
          // not a duration after all: compared as text below
        }
      }
      if (actual.startsWith("[") && actual.endsWith("]")) {
        List<String> items = doc.isEmpty() ? List.of() : List.of(doc.split("\\s*,\\s*"));
        return items.equals(actual.equals("[]") ? List.of() : List.of(actual.substring(1, actual.length() - 1)
            .split(",\\s*")));
      }
      if (actual.matches("\\d+")) {
        return Units.bytes(doc).equals(Optional.of(Long.parseLong(actual)));
      }
      return doc.replace('-', '_').equalsIgnoreCase(actual.replace('-', '_'));
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A component's prefix and how to read its configuration under each branch its reader can take. */
  record Component(String name, String prefix, Consumer<ConfigReader> read, List<Map<String, String>> variants) {

    static final List<Component> ALL = List.of(
        new Component("shipper", "SHIPPER", r -> {
          ShipperConfig.read(r);
          r.done();
        }, List.of(Map.of("NODE_NAME", "n"), Map.of("NODE_NAME", "n", "MODE", "at-least-once"))),
        new Component("multiline", MultilineConfig.PREFIX, MultilineConfig::read, List.of(Map.of())),
        new Component("enricher", EnricherConfig.PREFIX, EnricherConfig::read, List.of(Map.of())),
        new Component("redactor", RedactorConfig.PREFIX, RedactorConfig::read, List.of(Map.of())),
        new Component("router", RouterConfig.PREFIX, RouterConfig::read, List.of(Map.of())),
        new Component("sink", SinkConfig.PREFIX, SinkConfig::read, List.of(
            Map.of("BACKEND", "loki", "LOKI_URL", "http://127.0.0.1:3100"),
            Map.of("BACKEND", "opensearch", "OPENSEARCH_URL", "http://127.0.0.1:9200"),
            Map.of("BACKEND", "s3", "S3_TARGET", "s3://bucket"))),
        new Component("k8s-events", EventsCollectorConfig.PREFIX, EventsCollectorConfig::read, List.of(Map.of())));

    /**
     * Every variable read under any variant, with the value {@code describe()} reports when the variable is not set
     * (the default; {@code <missing>} for a required one). Variants set only what their branch needs, as flags.
     */
    Map<String, String> settingsRead() {
      Map<String, String> found = new TreeMap<>();
      for (Map<String, String> flags : variants) {
        ConfigReader r = ConfigReader.of(prefix, flags, Map.of(), Optional.empty());
        read.accept(r);
        r.describe().lines().forEach(line -> {
          String name = line.substring(0, line.indexOf('='));
          String value = line.substring(line.indexOf('=') + 1);
          String bare = name.substring(prefix.length() + 1);
          boolean given = flags.containsKey(bare) && !flags.get(bare).isEmpty() && value.endsWith("(flag)");
          found.putIfAbsent(name, given ? "<set by the variant>" : value.replaceFirst(" \\(default\\)$", ""));
        });
      }
      return found;
    }
  }

  /** The metric names (Prometheus form) and their labels that the components' own code registers. */
  static final class ExportedMetrics {

    private ExportedMetrics() {}

    /**
     * Builds each component's meters exactly as its service does, on one registry: the runtime's JVM and process
     * meters, every stage's own metrics class, and Micrometer's bindings of real Kafka clients and a Kafka Streams
     * client (constructed, never started: nothing connects). Counters registered on first use (dead letters, drops,
     * redactions by rule) are used once.
     */
    static Map<String, Set<String>> scrape(Path stateDir) {
      try (ServiceMetrics metrics = ServiceMetrics.create("dashboard-test")) {
        new ShipperMetrics(metrics, new ShipProgress());
        new MultilineMetrics(metrics.registry());
        new EnricherMetrics(metrics);
        new RedactorMetrics(metrics).redacted("email", 1);
        new RouterServiceMetrics(metrics);
        new EventsMetrics(metrics);
        metrics.recordsDropped("multiline", DropReason.values()[0]);
        metrics.deadLettered("multiline", "org.example.Boom");
        String nowhere = "127.0.0.1:9";
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, nowhere), new ByteArraySerializer(),
                new ByteArraySerializer());
            KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, nowhere, ConsumerConfig.GROUP_ID_CONFIG, "g"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
            KafkaStreams streams = streams(nowhere, stateDir)) {
          metrics.bind(producer);
          metrics.bind(consumer);
          metrics.bind(streams);
          return parse(metrics.registry().scrape());
        }
      }
    }

    private static KafkaStreams streams(String bootstrap, Path stateDir) {
      StreamsBuilder builder = new StreamsBuilder();
      builder.stream("in").to("out");
      Properties props = new Properties();
      props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dashboard-test");
      props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
      props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
      props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
      return new KafkaStreams(builder.build(), props);
    }

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)})?\\s");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"");

    /** Prometheus text format: metric name → label names seen on its samples. */
    static Map<String, Set<String>> parse(String scrape) {
      Map<String, Set<String>> names = new HashMap<>();
      scrape.lines().filter(line -> !line.startsWith("#")).forEach(line -> {
        Matcher m = SAMPLE.matcher(line);
        if (m.find()) {
          Set<String> labels = names.computeIfAbsent(m.group(1), n -> new TreeSet<>());
          if (m.group(3) != null) {
            Matcher l = LABEL.matcher(m.group(3));
            while (l.find()) {
              labels.add(l.group(1));
            }
          }
        }
      });
      return names;
    }
  }

  /** Just enough PromQL reading for the checks above: metric names, selector labels, grouping labels. */
  static final class PromQl {

    private PromQl() {}

    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
        "group_right", "bool", "and", "or", "unless", "offset");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern GROUPING =
        Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\(([^)]*)\\)");
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{([^}]*)}");
    private static final Pattern IDENTIFIER = Pattern.compile("\\b([a-zA-Z_:][a-zA-Z0-9_:]*)\\b(?!\\s*\\()");
    private static final Pattern MATCHER_LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(?:=~|!~|!=|=)");

    /** Identifiers that are not functions, keywords, label names or durations. */
    static Set<String> metricNames(String expr) {
      String bare = STRING.matcher(expr).replaceAll("\"\"");
      bare = GROUPING.matcher(bare).replaceAll(" ");
      bare = bare.replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ");
      Set<String> names = new LinkedHashSet<>();
      Matcher m = IDENTIFIER.matcher(bare);
      while (m.find()) {
        if (!KEYWORDS.contains(m.group(1))) {
          names.add(m.group(1));
        }
      }
      return names;
    }

    /** Each {@code metric{…}} selector's label names. */
    static Map<String, Set<String>> selectors(String expr) {
      String bare = STRING.matcher(expr).replaceAll("\"\"");
      Map<String, Set<String>> out = new TreeMap<>();
      Matcher m = SELECTOR.matcher(bare);
      while (m.find()) {
        Set<String> labels = out.computeIfAbsent(m.group(1), n -> new TreeSet<>());
        Matcher l = MATCHER_LABEL.matcher(m.group(2));
        while (l.find()) {
          labels.add(l.group(1));
        }
      }
      return out;
    }

    private static final Pattern CODE_BLOCK = Pattern.compile("(?s)```promql\\n(.*?)```");

    /** The {@code promql} code blocks of a Markdown text, comment lines left out. */
    static List<String> codeBlocks(String markdown) {
      List<String> out = new ArrayList<>();
      Matcher m = CODE_BLOCK.matcher(markdown);
      while (m.find()) {
        out.add(m.group(1).lines().filter(line -> !line.strip().startsWith("#"))
            .reduce("", (a, b) -> a + " " + b).strip());
      }
      return out;
    }

    /** Labels in {@code by (…)} and {@code without (…)} clauses. */
    static Set<String> groupingLabels(String expr) {
      Set<String> out = new TreeSet<>();
      Matcher m = GROUPING.matcher(expr);
      while (m.find()) {
        for (String label : m.group(1).split(",")) {
          if (!label.isBlank()) {
            out.add(label.strip());
          }
        }
      }
      return out;
    }
  }
}
