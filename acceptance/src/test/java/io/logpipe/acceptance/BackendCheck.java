package io.logpipe.acceptance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What one backend holds against what it should: every expected event exactly once (by id), each message whole and
 * redacted exactly where the secrets were, as many file lines as were written for it, its metadata, the events of
 * each container and runtime stream in the order written, and no secret anywhere. Each finding names the first ten
 * events concerned, so a failure says what went wrong where.
 */
final class BackendCheck {

  private static final int SHOWN = 10;

  private final String backend;
  private final List<ExpectedEvent> expected;
  private final Function<ExpectedEvent, Map<String, String>> metadata;
  private final Set<String> secrets;

  BackendCheck(String backend, List<ExpectedEvent> expected, Function<ExpectedEvent, Map<String, String>> metadata,
      Set<String> secrets) {
    this.backend = backend;
    this.expected = List.copyOf(expected);
    this.metadata = metadata;
    this.secrets = secrets;
  }

  int expectedCount() {
    return expected.size();
  }

  /** Expected events that arrived at least once: the progress the run waits on. */
  long arrived(List<Delivered> delivered) {
    Set<String> ids = delivered.stream().flatMap(d -> d.id().stream()).collect(Collectors.toSet());
    return expected.stream().filter(e -> ids.contains(e.id())).count();
  }

  /** Every problem found, each a line naming up to ten events; empty when the backend holds exactly what it should. */
  List<String> problems(List<Delivered> delivered) {
    Map<String, List<Delivered>> byId = new LinkedHashMap<>();
    List<String> unexpected = new ArrayList<>();
    Map<String, ExpectedEvent> wanted = new LinkedHashMap<>();
    expected.forEach(e -> wanted.put(e.id(), e));
    for (Delivered d : delivered) {
      if (d.id().isPresent() && wanted.containsKey(d.id().get())) {
        byId.computeIfAbsent(d.id().get(), k -> new ArrayList<>()).add(d);
      } else {
        unexpected.add(d.id().orElse("no id") + " '" + abbreviate(d.message()) + "'");
      }
    }
    List<String> problems = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    List<String> duplicated = new ArrayList<>();
    List<String> altered = new ArrayList<>();
    List<String> wrongLines = new ArrayList<>();
    List<String> wrongMetadata = new ArrayList<>();
    for (ExpectedEvent e : expected) {
      List<Delivered> copies = byId.getOrDefault(e.id(), List.of());
      if (copies.isEmpty()) {
        missing.add(e.id() + " (" + e.orderKey() + ") '" + abbreviate(e.message()) + "'");
        continue;
      }
      if (copies.size() > 1) {
        duplicated.add(e.id() + " x" + copies.size());
      }
      Delivered d = copies.get(0);
      if (!d.message().equals(e.redactedMessage())) {
        altered.add(e.id() + ": got '" + abbreviate(d.message()) + "', want '" + abbreviate(e.redactedMessage()) + "'");
      }
      if (d.lineCount() >= 0 && d.lineCount() != e.pieces()) {
        wrongLines.add(e.id() + ": " + d.lineCount() + " lines, want " + e.pieces());
      }
      Map<String, String> want = metadata.apply(e);
      Map<String, String> got = new TreeMap<>();
      want.forEach((k, v) -> {
        if (!Objects.equals(v, d.metadata().get(k))) {
          got.put(k, d.metadata().get(k) + " (want " + v + ")");
        }
      });
      if (!got.isEmpty()) {
        wrongMetadata.add(e.id() + ": " + got);
      }
    }
    report(problems, "missing", missing);
    report(problems, "delivered more than once", duplicated);
    report(problems, "not expected here", unexpected);
    report(problems, "message not as written (apart from the masked secrets)", altered);
    report(problems, "wrong line count (trace or partial line not whole)", wrongLines);
    report(problems, "wrong metadata", wrongMetadata);
    report(problems, "out of order within a container's runtime stream", outOfOrder(delivered, wanted));
    report(problems, "secret in the stored event", leaks(delivered));
    return problems;
  }

  /** Per container and runtime stream, the ids in stored order (first copy) must follow the written order. */
  private List<String> outOfOrder(List<Delivered> delivered, Map<String, ExpectedEvent> wanted) {
    Map<String, List<String>> written = new LinkedHashMap<>();
    expected.forEach(e -> written.computeIfAbsent(e.orderKey(), k -> new ArrayList<>()).add(e.id()));
    Map<String, List<String>> stored = new LinkedHashMap<>();
    for (Delivered d : delivered) {
      d.id().filter(wanted::containsKey).ifPresent(id -> {
        List<String> ids = stored.computeIfAbsent(wanted.get(id).orderKey(), k -> new ArrayList<>());
        if (!ids.contains(id)) {
          ids.add(id);
        }
      });
    }
    List<String> problems = new ArrayList<>();
    stored.forEach((stream, ids) -> {
      List<String> want = written.get(stream).stream().filter(ids::contains).toList();
      for (int i = 0; i < ids.size(); i++) {
        if (!ids.get(i).equals(want.get(i))) {
          problems.add(stream + ": " + ids.get(i) + " stored where " + want.get(i) + " was written");
          break;
        }
      }
    });
    return problems;
  }

  private List<String> leaks(List<Delivered> delivered) {
    List<String> leaks = new ArrayList<>();
    for (Delivered d : delivered) {
      for (String secret : secrets) {
        if (d.storedText().contains(secret)) {
          leaks.add(d.id().orElse("?") + " holds '" + secret + "'");
        }
      }
    }
    return leaks;
  }

  private void report(List<String> problems, String what, List<String> items) {
    if (!items.isEmpty()) {
      problems.add(backend + ": " + items.size() + " " + what + ": "
          + String.join("; ", items.subList(0, Math.min(SHOWN, items.size())))
          + (items.size() > SHOWN ? "; …" : ""));
    }
  }

  private static String abbreviate(String s) {
    String one = s.replace("\n", "\\n");
    return one.length() <= 120 ? one : one.substring(0, 117) + "...";
  }
}
