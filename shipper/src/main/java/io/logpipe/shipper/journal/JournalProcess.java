package io.logpipe.shipper.journal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A running {@code journalctl}: its output lines through a bounded queue (the reader waits when it is full, so
 * journalctl waits on its pipe: the journal is the buffer), lines longer than {@code maxLineBytes} skipped and
 * counted, its standard error drained (the last line kept for the error message). When it exits, {@link #poll}
 * throws {@link Exited} once every line before the exit was taken: journalctl ending is never a silent stop.
 */
final class JournalProcess implements AutoCloseable {

  private static final int QUEUE_LINES = 1024;
  private static final Object END = new Object();

  private final Process process;
  private final BlockingQueue<Object> lines = new ArrayBlockingQueue<>(QUEUE_LINES);
  private final int maxLineBytes;
  private final Runnable onTooLarge;
  private volatile String lastError = "";
  private Thread reader;

  /** journalctl stopped (exit code and its last error line). */
  static final class Exited extends IOException {
    Exited(String message) {
      super(message);
    }
  }

  private JournalProcess(Process process, int maxLineBytes, Runnable onTooLarge) {
    this.process = process;
    this.maxLineBytes = maxLineBytes;
    this.onTooLarge = onTooLarge;
  }

  /** Starts {@code command}; an {@link IOException} when the executable is missing or not executable. */
  static JournalProcess start(List<String> command, int maxLineBytes, Runnable onTooLarge) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.redirectInput(ProcessBuilder.Redirect.PIPE);
    JournalProcess p = new JournalProcess(builder.start(), maxLineBytes, onTooLarge);
    p.process.getOutputStream().close();
    p.reader = new Thread(p::readOutput, "journalctl-out");
    p.reader.setDaemon(true);
    p.reader.start();
    Thread err = new Thread(p::readErrors, "journalctl-err");
    err.setDaemon(true);
    err.start();
    return p;
  }

  /** The next line, or null when none came within {@code timeout}. */
  String poll(Duration timeout) throws InterruptedException, Exited {
    Object next = lines.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    if (next == END) {
      lines.offer(END); // stays ended
      boolean exited = process.waitFor(5, TimeUnit.SECONDS);
      throw new Exited("journalctl " + (exited ? "exited with code " + process.exitValue() : "closed its output")
          + (lastError.isEmpty() ? "" : ": " + lastError));
    }
    if (next == null && !reader.isAlive() && lines.isEmpty()) {
      lines.offer(END); // the reader ended without room for END (a broken pipe with a full queue)
    }
    return (String) next;
  }

  private void readOutput() {
    try (InputStream in = process.getInputStream()) {
      ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
      boolean tooLarge = false;
      byte[] buffer = new byte[64 * 1024];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        int start = 0;
        for (int i = 0; i < n; i++) {
          if (buffer[i] != '\n') {
            continue;
          }
          tooLarge = append(line, buffer, start, i - start, tooLarge);
          if (tooLarge) {
            onTooLarge.run();
          } else {
            lines.put(line.toString(StandardCharsets.UTF_8));
          }
          line.reset();
          tooLarge = false;
          start = i + 1;
        }
        tooLarge = append(line, buffer, start, n - start, tooLarge);
      }
      lines.put(END); // after every line before the exit
    } catch (IOException e) {
      lines.offer(END); // the pipe broke: the process is going away; END if there is room, else close() follows
    } catch (InterruptedException closed) {
      Thread.currentThread().interrupt(); // close(): nobody takes more
    }
  }

  /** Appends unless the line is already over the limit; returns whether it is (then its bytes are not kept). */
  private boolean append(ByteArrayOutputStream line, byte[] buffer, int from, int length, boolean tooLarge) {
    if (tooLarge || line.size() + length > maxLineBytes) {
      line.reset();
      return true;
    }
    line.write(buffer, from, length);
    return false;
  }

  private void readErrors() {
    try (var err = new java.io.BufferedReader(new java.io.InputStreamReader(process.getErrorStream(),
        StandardCharsets.UTF_8))) {
      for (String line = err.readLine(); line != null; line = err.readLine()) {
        if (!line.isBlank()) {
          lastError = line.length() > 500 ? line.substring(0, 500) : line;
        }
      }
    } catch (IOException closed) {
      // The process is gone.
    }
  }

  @Override
  public void close() {
    reader.interrupt();
    process.destroy();
    try {
      if (!process.waitFor(2, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
