package io.logpipe.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logpipe.runtime.config.ConfigReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What operators read besides the chart: the Grafana dashboard ({@code grafana/logpipe-dashboard.json}), the alerts
 * suggested in {@code docs/operations.md} and the configuration reference ({@code docs/configuration.md}). Each is
 * checked against the code (metrics scraped from the components' own meters, settings read by their own
 * {@code *Config.read}, flags of their own commands), so none can silently rot when a metric, setting or flag
 * changes.
 */
class DashboardAndDocsTest {

  static final Path DASHBOARD = Path.of("grafana", "logpipe-dashboard.json");
  static final Path OPERATIONS = Path.of("..", "docs", "operations.md");

  /**
   * Every PromQL expression of the dashboard and of the docs' alerts names only metrics the code exports, and
   * selects or groups only by labels those metrics carry (or that Prometheus adds to every scraped series).
   */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class Dashboard {

    /** Target labels a ServiceMonitor scrape adds to every series (Prometheus Operator). */
    static final Set<String> TARGET_LABELS = Set.of("namespace", "service", "pod", "job", "instance", "container",
        "endpoint");

    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+),\\s*\\w+\\)");

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
      // sink latency (the backend write, confirmed, per backend).
      assertThat(all).contains("logpipe_shipper_lines_read_total",
          "kafka_consumer_fetch_manager_records_consumed_total", "kafka_producer_record_send_total",
          "logpipe_router_routed_total",
          "kafka_consumer_fetch_manager_records_lag_max", "by (stage, reason) (rate(logpipe_records_dropped_total",
          "rate(logpipe_dead_letters_total", "by (rule) (rate(logpipe_redactor_redactions_total",
          "logpipe_sink_write_seconds_bucket", "logpipe_sink_events_delivered_total");
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
        Matcher m = LABEL_VALUES.matcher(q);
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
   * the code applies, and exactly the flags of its command.
   */
  @Nested
  class ConfigurationReference {

    static final Path CONFIGURATION = Path.of("..", "docs", "configuration.md");

    private final Map<String, Map<String, ConfigurationRow>> documented =
        ConfigurationRow.sections(read(CONFIGURATION));

    @Test
    void everyComponentHasASectionWithItsConventionRows() {
      for (ComponentConfiguration c : ComponentConfiguration.ALL) {
        assertThat(documented).as("docs/configuration.md: a section '## %s'", c.name()).containsKey(c.name());
        assertThat(documented.get(c.name())).as(c.name())
            .containsKeys(c.prefix() + "_KAFKA_*", c.prefix() + "_" + ConfigReader.CONFIG_FILE);
      }
    }

    @Test
    void everySectionListsExactlyTheVariablesItsComponentReads() {
      for (ComponentConfiguration c : ComponentConfiguration.ALL) {
        Map<String, String> read = c.settingsRead();
        Set<String> listed = new TreeSet<>(documented.getOrDefault(c.name(), Map.of()).keySet());
        listed.removeIf(name -> name.endsWith("_KAFKA_*") || name.endsWith("_" + ConfigReader.CONFIG_FILE));
        // A row such as SHIPPER_FILES_<NAME>_GLOBS stands for every variable of that shape; it must match one.
        Set<String> patterns = new TreeSet<>(listed);
        patterns.removeIf(name -> !name.contains("<"));
        listed.removeAll(patterns);
        Set<String> unmatched = new TreeSet<>(read.keySet());
        for (String pattern : patterns) {
          Pattern shape = Pattern.compile(pattern.replaceAll("<[A-Z]+>", "[A-Z0-9_]+"));
          assertThat(unmatched.removeIf(name -> shape.matcher(name).matches()))
              .as("docs/configuration.md, section %s: %s matches nothing %s reads", c.name(), pattern, c.name())
              .isTrue();
        }
        // The rows to paste for what is missing, with the defaults the code applies (meaning left to the writer).
        String drafts = unmatched.stream().filter(name -> !listed.contains(name))
            .map(name -> "| `" + name + "` | | `" + read.get(name) + "` | … |").reduce("", (a, b) -> a + "\n" + b);
        assertThat(unmatched).as("docs/configuration.md, section %s: variables %s reads (add the missing ones, "
            + "remove those it no longer reads)%s", c.name(), c.name(), drafts).isEqualTo(listed);
      }
    }

    @Test
    void everyDocumentedDefaultIsTheOneTheCodeApplies() {
      List<String> wrong = new ArrayList<>();
      for (ComponentConfiguration c : ComponentConfiguration.ALL) {
        Map<String, ConfigurationRow> rows = documented.getOrDefault(c.name(), Map.of());
        c.settingsRead().forEach((name, actual) -> {
          ConfigurationRow row = rows.get(name) != null ? rows.get(name) : ConfigurationRow.shaped(rows, name);
          boolean dynamic = row != null && row.variable().contains("<") && actual.equals("<set by the variant>");
          if (row != null && !dynamic && !ConfigurationRow.sameDefault(row.defaultValue(), actual)) {
            wrong.add(name + ": documented '" + row.defaultValue() + "', the code applies '" + actual + "'");
          }
        });
      }
      assertThat(wrong).isEmpty();
    }

    @Test
    void everyFlagOfEveryCommandIsDocumentedAndNoOtherFlagIs() {
      for (ComponentConfiguration c : ComponentConfiguration.ALL) {
        CommandSpec spec = new CommandLine(c.command()).getCommandSpec();
        Set<String> options = new TreeSet<>();
        for (OptionSpec option : spec.options()) {
          if (!option.usageHelp() && !option.versionHelp()) {
            options.add(option.longestName());
          }
        }
        Set<String> flags = new TreeSet<>();
        documented.getOrDefault(c.name(), Map.of()).values().forEach(row -> row.flag().ifPresent(flags::add));
        assertThat(flags).as("docs/configuration.md, section %s: the flags of `logpipe %s`", c.name(),
            spec.name()).isEqualTo(options);
      }
    }

    @Test
    void theDefaultComparisonTellsEqualValuesInTheirDocumentedFormFromDifferentOnes() {
      assertThat(ConfigurationRow.sameDefault("`512KiB`", "524288")).isTrue();
      assertThat(ConfigurationRow.sameDefault("`250ms`", "PT0.25S")).isTrue();
      assertThat(ConfigurationRow.sameDefault("`exactly-once`", "EXACTLY_ONCE")).isTrue();
      assertThat(ConfigurationRow.sameDefault("`app.kubernetes.io/*,app`", "[app.kubernetes.io/*, app]")).isTrue();
      assertThat(ConfigurationRow.sameDefault("none", "null")).isTrue();
      assertThat(ConfigurationRow.sameDefault("required", "<missing>")).isTrue();
      assertThat(ConfigurationRow.sameDefault("`1s`", "PT2S")).isFalse();
      assertThat(ConfigurationRow.sameDefault("`1MiB`", "524288")).isFalse();
      assertThat(ConfigurationRow.sameDefault("`truncate`", "SPLIT")).isFalse();
      assertThat(ConfigurationRow.sameDefault("none", "[kube-system]")).isFalse();
      assertThat(ConfigurationRow.sameDefault("`8080`", "<missing>")).isFalse();
    }
  }

  /** The values example of {@code docs/install.md} is accepted by the chart (schema included) and does what it says. */
  @Nested
  class InstallGuide {

    static final Path INSTALL = Path.of("..", "docs", "install.md");
    static final Pattern VALUES_EXAMPLE = Pattern.compile("(?s)```yaml\\n(# values-prod\\.yaml\\n.*?)```");

    @Test
    void theProductionValuesExampleRendersWithEveryBackendStrimziTopicsAndTheServiceMonitor(@TempDir Path dir)
        throws IOException {
      Matcher example = VALUES_EXAMPLE.matcher(read(INSTALL));
      assertThat(example.find()).as("docs/install.md has the values-prod.yaml example").isTrue();
      Path values = Files.writeString(dir.resolve("values-prod.yaml"), example.group(1));

      RenderedChart chart = RenderedChart.render(Optional.of(values), Map.of());

      assertThat(chart.names()).contains("Deployment/logpipe-sink-loki", "Deployment/logpipe-sink-opensearch",
          "Deployment/logpipe-sink-s3", "DaemonSet/logpipe-shipper");
      assertThat(chart.generic("KafkaTopic")).isNotEmpty();
      assertThat(chart.generic("ServiceMonitor")).hasSize(1);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
