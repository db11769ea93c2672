package io.logpipe.multiline.cli;

import io.logpipe.multiline.assemble.AssemblyLimits;
import io.logpipe.multiline.assemble.AssemblyMetrics;
import io.logpipe.multiline.assemble.ContainerAssembler;
import io.logpipe.multiline.assemble.Origin;
import io.logpipe.multiline.assemble.OverflowAction;
import io.logpipe.multiline.assemble.RawInput;
import io.logpipe.multiline.detect.Detectors;
import io.logpipe.multiline.detect.RulesFile;
import io.logpipe.multiline.format.LineFormat;
import io.logpipe.schemas.PodLogPath;
import io.logpipe.schemas.StreamKey;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code logpipe parse}: the multiline stage's parsing and assembly over local files, no Kafka. Each file is its own
 * container stream (its rules chosen from its path when it is laid out like {@code /var/log/pods}); everything still
 * open is flushed at the end of each file. One JSON object per event on stdout; rejected lines on stderr.
 */
@Command(name = "parse", mixinStandardHelpOptions = true,
    description = "Parse container log files and reassemble multi-line events as the multiline stage does, "
        + "printing one JSON object per event.")
public final class ParseCommand implements Callable<Integer> {

  @Option(names = "--format", defaultValue = "auto", description = "auto, cri, docker or plain (default: ${DEFAULT-VALUE})")
  String format;

  @Option(names = "--rules", description = "JSON file of multi-line rules (see the multiline README)")
  Path rules;

  @Option(names = "--max-lines", defaultValue = "1000", description = "lines per event (default: ${DEFAULT-VALUE})")
  int maxLines;

  @Option(names = "--max-bytes", defaultValue = "524288", description = "bytes per event (default: ${DEFAULT-VALUE})")
  int maxBytes;

  @Option(names = "--overflow", defaultValue = "truncate", description = "truncate or split (default: ${DEFAULT-VALUE})")
  String overflow;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "log files ('-' for stdin)")
  List<String> files;

  @Spec
  CommandSpec spec;

  private final Clock clock;

  public ParseCommand() {
    this(Clock.systemUTC());
  }

  ParseCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    LineFormat lineFormat;
    AssemblyLimits limits;
    Detectors detectors;
    try {
      lineFormat = LineFormat.of(format);
      limits = new AssemblyLimits(maxLines, maxBytes, OverflowAction.valueOf(overflow.trim().toUpperCase(
          java.util.Locale.ROOT)));
      detectors = rules == null ? Detectors.builtinsOnly() : RulesFile.read(rules);
    } catch (IllegalArgumentException e) {
      err.println("parse: " + e.getMessage());
      return 2;
    }
    long rejected = 0;
    try (EventJson out = new EventJson(spec.commandLine().getOut())) {
      for (String file : files) {
        rejected += parseOne(file, lineFormat, limits, detectors, out, err);
      }
    }
    spec.commandLine().getOut().flush();
    if (rejected > 0) {
      err.println("parse: " + rejected + " line(s) in neither runtime format were rejected");
    }
    err.flush();
    return 0;
  }

  private long parseOne(String file, LineFormat lineFormat, AssemblyLimits limits, Detectors detectors,
                        EventJson out, PrintWriter err) throws IOException {
    StreamKey key = PodLogPath.parse(file).map(PodLogPath::stream).orElse(null);
    ContainerAssembler assembler = new ContainerAssembler(lineFormat, limits, () -> key == null
        ? detectors.forStream(null, null, null)
        : detectors.forStream(key.namespace(), key.pod(), key.container()), AssemblyMetrics.NONE);
    Origin origin = Origin.ofPath(file);
    long rejected = 0;
    long offset = 0;
    long lineNo = 0;
    try (InputStream in = "-".equals(file) ? System.in : new BufferedInputStream(Files.newInputStream(Path.of(file)),
        1 << 16)) {
      ByteArrayOutputStream line = new ByteArrayOutputStream(256);
      int c;
      boolean more = true;
      while (more) {
        c = in.read();
        if (c != '\n' && c != -1) {
          line.write(c);
          continue;
        }
        more = c != -1;
        if (!more && line.size() == 0) {
          break;
        }
        lineNo++;
        byte[] bytes = line.toByteArray();
        long now = clock.millis();
        String reason = assembler.accept(new RawInput(origin, offset, bytes, false, now), now, out::write);
        if (reason != null) {
          rejected++;
          err.println(file + ":" + lineNo + ": rejected (" + reason + ")");
        }
        offset += bytes.length + 1;
        line.reset();
      }
    }
    assembler.flushAll(clock.millis(), out::write);
    return rejected;
  }
}
