package io.logpipe.shipper.journal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * A stand-in for {@code journalctl -o json --follow} (no systemd runs here): replays the JSON lines of the file named
 * by {@code FAKE_JOURNAL} and follows it as lines are appended. Honours {@code --after-cursor=} (starts after the
 * entry with that {@code __CURSOR}; an unknown cursor is an error, as in journalctl), {@code --lines=0} (only what
 * comes next) and {@code --unit=} (matches {@code _SYSTEMD_UNIT}, with or without {@code .service}). Appends its
 * arguments to {@code FAKE_JOURNAL_ARGS} when set; with {@code FAKE_JOURNAL_EXIT_AFTER=n} it exits with code 1 and a
 * message on standard error after writing n lines (to test restarts). Exits by itself when the process that started
 * it is gone, when its output is closed, or after ten minutes.
 */
public final class FakeJournalctl {

  private static final Duration LIFETIME = Duration.ofMinutes(10);

  private FakeJournalctl() {}

  public static void main(String[] args) throws IOException {
    Path journal = Path.of(System.getenv("FAKE_JOURNAL"));
    String argsFile = System.getenv("FAKE_JOURNAL_ARGS");
    if (argsFile != null) {
      Files.writeString(Path.of(argsFile), String.join(" ", args) + "\n", StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
    String exitAfter = System.getenv("FAKE_JOURNAL_EXIT_AFTER");
    long limit = exitAfter == null ? Long.MAX_VALUE : Long.parseLong(exitAfter);
    String cursor = null;
    boolean onlyNew = false;
    List<String> units = new ArrayList<>();
    for (String arg : args) {
      if (arg.startsWith("--after-cursor=")) {
        cursor = arg.substring("--after-cursor=".length());
      } else if (arg.equals("--lines=0")) {
        onlyNew = true;
      } else if (arg.startsWith("--unit=")) {
        units.add(arg.substring("--unit=".length()));
      }
    }
    ProcessHandle parent = ProcessHandle.current().parent().orElseThrow();
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    Instant end = Instant.now().plus(LIFETIME);
    boolean started = cursor == null && !onlyNew;
    boolean cursorSeen = cursor == null;
    long written = 0;
    try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(journal))) {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      if (onlyNew) {
        in.skipNBytes(Files.size(journal)); // nothing stored, only what is appended (whole lines)
        started = true;
      }
      while (Instant.now().isBefore(end)) {
        int b = in.read();
        if (b < 0) {
          if (!parent.isAlive()) {
            return; // the shipper was killed: no one reads us
          }
          if (!cursorSeen) {
            System.err.println("Failed to seek to cursor: Invalid argument");
            System.exit(1);
          }
          out.flush();
          if (out.checkError()) {
            return; // the reader is gone
          }
          LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
          continue;
        }
        if (b != '\n') {
          line.write(b);
          continue;
        }
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (!started) {
          started = text.contains("\"__CURSOR\":\"" + cursor + "\"");
          cursorSeen = started;
          continue;
        }
        if (units.isEmpty() || units.stream().anyMatch(u -> text.contains("\"_SYSTEMD_UNIT\":\"" + u + "\"")
            || text.contains("\"_SYSTEMD_UNIT\":\"" + u + ".service\""))) {
          out.println(text);
          if (++written % 64 == 0 && out.checkError()) {
            return; // the reader is gone
          }
          if (written >= limit) {
            out.flush();
            System.err.println("Journal file corrupted, stopping (stand-in, after " + written + " lines)");
            System.exit(1);
          }
        }
      }
    }
  }

  /** Writes an executable {@code journalctl} into {@code dir} that runs this class on the test class path. */
  public static Path install(Path dir, Path journal, Path argsFile, Integer exitAfter) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String script = "#!/bin/sh\n"
        + "export FAKE_JOURNAL='" + journal + "'\n"
        + "export FAKE_JOURNAL_ARGS='" + argsFile + "'\n"
        + (exitAfter == null ? "" : "export FAKE_JOURNAL_EXIT_AFTER=" + exitAfter + "\n")
        + "exec '" + java + "' -Xmx32m -XX:TieredStopAtLevel=1 -Xshare:auto -cp '"
        + System.getProperty("java.class.path") + "' " + FakeJournalctl.class.getName() + " \"$@\"\n";
    Path file = dir.resolve("journalctl");
    Files.writeString(file, script);
    if (!file.toFile().setExecutable(true)) {
      throw new IOException("cannot make " + file + " executable");
    }
    return file;
  }
}
