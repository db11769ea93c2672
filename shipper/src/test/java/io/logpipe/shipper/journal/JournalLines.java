package io.logpipe.shipper.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes journal entries in {@code journalctl -o json} form (the shape of the recorded ones in
 * {@code journal/recorded.jsonl}) to a file the stand-in {@code journalctl} replays: entry {@code n} has sequence
 * number {@code n}, unit {@code kubelet.service} or {@code containerd.service} by parity, message {@code entry <n>}.
 */
final class JournalLines {

  static final String SEQNUM_ID = "5e9f0a1b2c3d4e5f60718293a4b5c6d7";
  static final String BOOT = "3f2d1c0b9a8e4d7c6b5a4f3e2d1c0b9a";

  private final Path file;
  private long written;

  JournalLines(Path file) throws IOException {
    this.file = file;
    Files.write(file, new byte[0], StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  static String cursor(long n) {
    return "s=" + SEQNUM_ID + ";i=" + Long.toHexString(n) + ";b=" + BOOT + ";m=" + Long.toHexString(5_000_000L + n)
        + ";t=" + Long.toHexString(1_795_227_328_000_000L + n) + ";x=" + Long.toHexString(n * 2654435761L);
  }

  static String unit(long n) {
    return n % 2 == 0 ? "containerd.service" : "kubelet.service";
  }

  static String entry(long n) {
    return "{\"__CURSOR\":\"" + cursor(n) + "\",\"__REALTIME_TIMESTAMP\":\"" + (1_795_227_328_000_000L + n)
        + "\",\"__MONOTONIC_TIMESTAMP\":\"" + (5_000_000L + n) + "\",\"_BOOT_ID\":\"" + BOOT
        + "\",\"_HOSTNAME\":\"worker-1\",\"PRIORITY\":\"" + (n % 10 == 0 ? 3 : 6) + "\",\"_TRANSPORT\":\"stdout\""
        + ",\"SYSLOG_IDENTIFIER\":\"" + unit(n).replace(".service", "") + "\",\"_SYSTEMD_UNIT\":\"" + unit(n)
        + "\",\"MESSAGE\":\"entry " + n + "\"}";
  }

  /** Appends the next {@code count} entries in one write (whole lines only). */
  void append(int count) throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < count; i++) {
      lines.append(entry(++written)).append('\n');
    }
    Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }

  long written() {
    return written;
  }
}
