package io.logpipe.redactor.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Conformance over {@code shared/corpus/pii/} (scoring as its README defines it): for a positive row
 * the detector of the row's kind runs alone and every expected span must be covered by one of its
 * findings; for a negative row the detector named in {@code negative_of} runs alone and must find
 * nothing. Goals for the kinds of the default policy: recall ≥ 99.5%, ≤ 1% of negatives altered.
 * Every remaining miss is listed in {@link #EXPLAINED_MISSES} with the reason; a new miss, or an
 * explained one that started passing, fails the test.
 */
@EnabledIf("corpusPresent")
class PiiCorpusConformanceTest {
  static final Path CORPUS = Path.of("../../shared/corpus/pii");

  private static final Set<Rule> BY_KEY = EnumSet.of(Rule.PASSWORD, Rule.SECRET, Rule.API_KEY, Rule.AWS_SECRET_KEY);

  /** Corpus kind → the rules that implement it here. */
  static final Map<String, Set<Rule>> KIND_RULES = Map.ofEntries(
      Map.entry("email", EnumSet.of(Rule.EMAIL)),
      Map.entry("pan", EnumSet.of(Rule.PAN)),
      Map.entry("iban", EnumSet.of(Rule.IBAN)),
      Map.entry("us_ssn", EnumSet.of(Rule.US_SSN)),
      Map.entry("jwt", EnumSet.of(Rule.JWT)),
      Map.entry("bearer_token", EnumSet.of(Rule.BEARER_TOKEN)),
      Map.entry("basic_auth", EnumSet.of(Rule.BASIC_AUTH)),
      Map.entry("aws_access_key", EnumSet.of(Rule.AWS_ACCESS_KEY)),
      Map.entry("private_key", EnumSet.of(Rule.PRIVATE_KEY)),
      Map.entry("url_credentials", EnumSet.of(Rule.URL_CREDENTIALS)),
      Map.entry("webhook_url", EnumSet.of(Rule.WEBHOOK_URL)),
      Map.entry("password", BY_KEY),
      Map.entry("api_key", BY_KEY),
      Map.entry("client_secret", BY_KEY),
      Map.entry("generic_secret", BY_KEY),
      Map.entry("ipv4", EnumSet.of(Rule.IPV4)),
      Map.entry("ipv6", EnumSet.of(Rule.IPV6)),
      Map.entry("ip", EnumSet.of(Rule.IPV4, Rule.IPV6)),
      Map.entry("mac", EnumSet.of(Rule.MAC)),
      Map.entry("phone", EnumSet.of(Rule.PHONE)));

  static final Set<String> DEFAULT_POLICY_KINDS = Set.of("email", "pan", "iban", "us_ssn", "jwt", "bearer_token",
      "basic_auth", "aws_access_key", "private_key", "url_credentials", "webhook_url", "password", "api_key",
      "client_secret", "generic_secret");

  /**
   * Misses left, keyed by the start of the row's input, with the reason they stay. None remain
   * under the README's per-detector scoring; a regression shows up here by name.
   */
  static final Map<String, String> EXPLAINED_MISSES = Map.of();

  /**
   * Negative rows that the whole default policy alters, and why that is right: each holds a real
   * value of another default kind than the one the row is a negative of.
   */
  static final Map<String, String> ALTERED_ON_PURPOSE = Map.of(
      "curl --insecure --ssl-reqd \"smtps://smtp.gmail.com\" --mail-from",
      "a curl-auth-user negative (user name without password), but the addresses src@/dst@gmail.com are e-mails",
      "author = \"james.fake@ymail.com\",",
      "a generic-secret negative (the key 'author' names no secret), but its value is an e-mail address");

  /**
   * Corpus kinds with no detector, by design: a URL is not personal data (its credentials and
   * webhooks are, and are scored), and crypto-wallet addresses are outside the list.
   */
  static final Set<String> NOT_DETECTED = Set.of("url", "crypto_wallet");

  static boolean corpusPresent() {
    return Files.isDirectory(CORPUS);
  }

  record Tally(int[] counts) {
    Tally() {
      this(new int[4]); // spans, spans found, negatives, negatives altered
    }
  }

  @Test
  void meetsRecallAndFalsePositiveGoalsForTheDefaultPolicyKinds() throws IOException {
    Map<String, Tally> byKind = new TreeMap<>();
    Map<String, String> misses = new LinkedHashMap<>();
    List<String> unscored = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.list(CORPUS)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        for (String line : Files.readAllLines(file)) {
          if (!line.isBlank()) {
            score(json.readTree(line), byKind, misses, unscored);
          }
        }
      }
    }
    int[] total = new int[4];
    int[] optIn = new int[4];
    System.out.printf("%-16s %8s %8s %9s %10s%n", "kind", "spans", "recall", "negatives", "altered");
    byKind.forEach((kind, tally) -> {
      int[] c = tally.counts();
      System.out.printf("%-16s %8d %8s %9d %10s%n", kind, c[0], share(c[1], c[0]), c[2], share(c[3], c[2]));
      int[] sum = DEFAULT_POLICY_KINDS.contains(kind) ? total : optIn;
      for (int k = 0; k < 4; k++) {
        sum[k] += c[k];
      }
    });
    System.out.printf("default policy: recall %.2f%% (%d/%d spans), negatives altered %.2f%% (%d/%d)%n",
        pct(total[1], total[0]), total[1], total[0], pct(total[3], total[2]), total[3], total[2]);
    System.out.printf("opt-in kinds:   recall %.2f%% (%d/%d spans), negatives altered %.2f%% (%d/%d)%n",
        pct(optIn[1], optIn[0]), optIn[1], optIn[0], pct(optIn[3], optIn[2]), optIn[3], optIn[2]);
    System.out.println("not scored (no detector by design): " + new java.util.TreeSet<>(unscored) + ", " + unscored.size() + " spans/rows");
    misses.forEach((input, why) -> System.out.println("MISS " + why + " :: " + input));

    assertThat(pct(total[1], total[0])).isGreaterThanOrEqualTo(99.5);
    assertThat(pct(total[3], total[2])).isLessThanOrEqualTo(1.0);
    assertThat(misses.keySet()).containsExactlyInAnyOrderElementsOf(EXPLAINED_MISSES.keySet());
  }

  /**
   * A stricter view than the README's per-detector scoring: the whole default policy over every
   * negative row. Rows whose input holds a value of another default kind (an e-mail under an
   * {@code author} key, URL credentials next to a placeholder) are altered on purpose; the test
   * prints them and bounds the share.
   */
  @Test
  void wholeDefaultPolicyAltersFewNegativeLines() throws IOException {
    PiiScanner scanner = new PiiScanner(ScanConfig.defaults());
    ObjectMapper json = new ObjectMapper();
    int negatives = 0;
    List<String> altered = new ArrayList<>();
    try (Stream<Path> files = Files.list(CORPUS)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        for (String line : Files.readAllLines(file)) {
          JsonNode row = line.isBlank() ? null : json.readTree(line);
          if (row == null || !row.get("kind").asText().equals("negative")) {
            continue;
          }
          String of = row.get("negative_of").asText();
          if (!DEFAULT_POLICY_KINDS.contains(of)) {
            continue;
          }
          negatives++;
          String input = row.get("input").asText();
          List<Finding> found = scanner.scan(input);
          if (!found.isEmpty()) {
            altered.add(input);
            System.out.println("ALTERED " + of + " " + spans(input, found) + " :: " + input);
          }
        }
      }
    }
    System.out.printf("whole default policy over default-kind negatives: %d/%d altered (%.2f%%)%n", altered.size(),
        negatives, pct(altered.size(), negatives));
    assertThat(pct(altered.size(), negatives)).isLessThanOrEqualTo(1.0);
    assertThat(altered).allSatisfy(input -> assertThat(ALTERED_ON_PURPOSE.keySet()).anySatisfy(input::startsWith));
  }

  private static void score(JsonNode row, Map<String, Tally> byKind, Map<String, String> misses, List<String> unscored) {
    String input = row.get("input").asText();
    String kind = row.get("kind").asText();
    String key = input.length() > 60 ? input.substring(0, 60) : input;
    if (kind.equals("negative")) {
      String of = row.get("negative_of").asText();
      Set<Rule> rules = KIND_RULES.get(of);
      if (rules == null) {
        assertThat(NOT_DETECTED).contains(of);
        unscored.add(of);
        return;
      }
      int[] c = byKind.computeIfAbsent(of, k -> new Tally()).counts();
      c[2]++;
      List<Finding> found = new PiiScanner(ScanConfig.only(rules)).scan(input);
      if (!found.isEmpty()) {
        c[3]++;
        misses.put(key, "false positive " + of + " " + spans(input, found));
      }
      return;
    }
    List<String> spans = new ArrayList<>();
    row.get("expect_redacted").forEach(n -> spans.add(n.asText()));
    List<String> spanKinds = new ArrayList<>();
    if (row.has("span_kinds")) {
      row.get("span_kinds").forEach(n -> spanKinds.add(n.asText()));
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int s = 0; s < spans.size(); s++) {
      String span = spans.get(s);
      int nth = seen.merge(span, 1, Integer::sum);
      String spanKind = s < spanKinds.size() ? spanKinds.get(s) : kind;
      if (spanKind.equals("ipv4+ipv6")) {
        spanKind = span.contains(":") ? "ipv6" : "ipv4";
      }
      PiiScanner scanner = scannerFor(spanKind, row);
      if (scanner == null) {
        assertThat(NOT_DETECTED).contains(spanKind);
        unscored.add(spanKind);
        continue;
      }
      int[] c = byKind.computeIfAbsent(spanKind, k -> new Tally()).counts();
      c[0]++;
      List<Finding> found = scanner.scan(input);
      boolean covered = coveredOccurrences(input, span, found) >= nth;
      if (covered) {
        c[1]++;
      } else {
        misses.put(key, "missed " + spanKind + " '" + span + "' found " + spans(input, found));
      }
    }
  }

  /** How many occurrences of the span text lie inside a finding (a span may also occur inside a key name). */
  static int coveredOccurrences(String input, String span, List<Finding> found) {
    int covered = 0;
    for (int at = input.indexOf(span); at >= 0; at = input.indexOf(span, at + 1)) {
      int start = at;
      if (found.stream().anyMatch(f -> f.start() <= start && f.end() >= start + span.length())) {
        covered++;
      }
    }
    return covered;
  }

  private static PiiScanner scannerFor(String kind, JsonNode row) {
    if (kind.equals("custom_pattern")) {
      String note = row.path("note").asText();
      String regex = note.contains("5[1-5]") ? "(5[1-5][0-9]{3})" : "\\d+";
      return new PiiScanner(new ScanConfig(EnumSet.noneOf(Rule.class), KeyClassifier.defaultClassifier(),
          List.of(new CustomPattern("custom", Pattern.compile(regex)))));
    }
    Set<Rule> rules = KIND_RULES.get(kind);
    return rules == null ? null : new PiiScanner(ScanConfig.only(rules));
  }

  private static List<String> spans(String input, List<Finding> found) {
    return found.stream().map(f -> f.rule() + ":" + input.substring(f.start(), f.end())).toList();
  }

  private static String share(int part, int whole) {
    return whole == 0 ? "-" : String.format(java.util.Locale.ROOT, "%.1f%%", pct(part, whole));
  }

  private static double pct(int part, int whole) {
    return whole == 0 ? 0.0 : 100.0 * part / whole;
  }
}
