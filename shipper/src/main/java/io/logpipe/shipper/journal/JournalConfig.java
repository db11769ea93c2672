package io.logpipe.shipper.journal;

import io.logpipe.runtime.config.ConfigReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The node journal source (issue 9), off by default ({@code SHIPPER_JOURNAL_ENABLED}). See the module README for the
 * table; {@link #command} is the {@code journalctl} invocation.
 *
 * @param journalctl    the executable (a name on the {@code PATH}, or a path; tests use a stand-in)
 * @param directory     {@code --directory}, or empty for journalctl's own default ({@code /var/log/journal} and
 *                      {@code /run/log/journal} of the machine id)
 * @param start         where to begin when no cursor was ever saved
 * @param maxEntryBytes a JSON line longer than this is dropped, counted ({@code reason="too_large"})
 */
public record JournalConfig(List<String> units, String journalctl, Optional<String> directory, Start start,
    int batchEntries, int maxEntryBytes, Duration commitInterval, Duration maxBackoff) {

  /** Without a saved cursor: the current boot (default), everything stored, or only what comes next. */
  public enum Start { BOOT, ALL, NEW }

  public static final List<String> DEFAULT_UNITS = List.of("kubelet", "containerd", "docker", "crio");

  public JournalConfig {
    units = List.copyOf(units);
  }

  public static Optional<JournalConfig> read(ConfigReader r) {
    if (!r.bool("JOURNAL_ENABLED", false)) {
      return Optional.empty();
    }
    List<String> units = r.list("JOURNAL_UNITS", DEFAULT_UNITS);
    r.check(!units.isEmpty(), "JOURNAL_UNITS", "must name at least one unit");
    r.check(units.stream().noneMatch(u -> u.startsWith("-") || u.contains("=")), "JOURNAL_UNITS",
        "must be unit names");
    String journalctl = r.string("JOURNALCTL", "journalctl");
    r.check(!journalctl.isBlank(), "JOURNALCTL", "must name the journalctl executable");
    String directory = r.string("JOURNAL_DIRECTORY", "");
    Start start = r.enumValue("JOURNAL_START", Start.class, Start.BOOT);
    int batch = r.intInRange("JOURNAL_BATCH_ENTRIES", 2000, 1, 100_000);
    long maxEntry = r.bytes("JOURNAL_MAX_ENTRY_BYTES", 1 << 20);
    r.check(maxEntry >= 1024 && maxEntry <= 64 << 20, "JOURNAL_MAX_ENTRY_BYTES", "must be within [1KiB, 64MiB]");
    Duration commit = r.duration("JOURNAL_COMMIT_INTERVAL", Duration.ofMillis(500));
    r.check(!commit.isZero() && !commit.isNegative(), "JOURNAL_COMMIT_INTERVAL", "must be positive");
    Duration backoff = r.duration("JOURNAL_MAX_BACKOFF", Duration.ofSeconds(60));
    r.check(backoff.toMillis() >= 200, "JOURNAL_MAX_BACKOFF", "must be at least 200ms");
    return Optional.of(new JournalConfig(units, journalctl, directory.isBlank() ? Optional.empty()
        : Optional.of(directory), start, batch, (int) Math.min(maxEntry, 64 << 20), commit, backoff));
  }

  /**
   * {@code journalctl -o json --follow --all --no-pager -u <unit>… (--after-cursor=<c> | start)}: {@code --all} so
   * large fields are not shown as null; {@code --no-tail} because {@code --follow} alone starts with the last ten.
   */
  public List<String> command(Optional<String> afterCursor) {
    List<String> command = new ArrayList<>(List.of(journalctl, "--output=json", "--follow", "--all", "--no-pager"));
    directory.ifPresent(d -> command.add("--directory=" + d));
    for (String unit : units) {
      command.add("--unit=" + unit);
    }
    if (afterCursor.isPresent()) {
      command.add("--after-cursor=" + afterCursor.get());
      command.add("--no-tail");
    } else {
      switch (start) {
        case BOOT -> command.addAll(List.of("--boot", "--no-tail"));
        case ALL -> command.add("--no-tail");
        case NEW -> command.add("--lines=0");
      }
    }
    return command;
  }
}
