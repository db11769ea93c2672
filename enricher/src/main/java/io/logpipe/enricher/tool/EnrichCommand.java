package io.logpipe.enricher.tool;

import io.logpipe.enricher.EnricherConfig;
import io.logpipe.enricher.EnricherMetrics;
import io.logpipe.enricher.EnricherSettings;
import io.logpipe.enricher.Enrichment;
import io.logpipe.enricher.body.BodyParser;
import io.logpipe.enricher.cache.MetadataCache;
import io.logpipe.enricher.cache.PodView;
import io.logpipe.runtime.config.ConfigException;
import io.logpipe.runtime.config.ConfigReader;
import io.logpipe.schemas.LogEvent;
import io.logpipe.schemas.StreamKey;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code logpipe enrich --objects FILE.yaml [--events FILE.jsonl]}: the enricher's logic with no Kafka and no cluster
 * (issue 5, "Offline tool"). Kubernetes objects come from a multi-document YAML, events as JSON lines in the shape
 * {@code logpipe parse} prints (stdin without {@code --events}); enriched events go to stdout as JSON lines, with the
 * metadata under {@code kubernetes} and the parsed fields under {@code attributes}. Label and annotation selection
 * and body limits follow the same {@code ENRICHER_*} settings as the service.
 */
@Command(name = "enrich", mixinStandardHelpOptions = true,
    description = "Enrich events (JSON lines as printed by 'parse') with Kubernetes metadata from a YAML file of "
        + "objects, and parse their bodies, as the enricher stage does; no Kafka, no cluster.")
public final class EnrichCommand implements Callable<Integer> {

  @Option(names = "--objects", required = true, paramLabel = "FILE.yaml",
      description = "Kubernetes objects (Pods, Namespaces, Nodes, ReplicaSets, Jobs, ...), multi-document YAML")
  Path objects;

  @Option(names = "--events", paramLabel = "FILE.jsonl", description = "events as JSON lines (default: stdin)")
  Path events;

  @Spec
  CommandSpec spec;

  private final InputStream stdin;

  public EnrichCommand() {
    this(System.in);
  }

  EnrichCommand(InputStream stdin) {
    this.stdin = stdin;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    EnricherSettings settings;
    try {
      settings = EnricherConfig.read(ConfigReader.fromEnvironment(EnricherConfig.PREFIX, Map.of())).settings();
    } catch (ConfigException e) {
      err.println("enrich: " + e.getMessage());
      return 2;
    }
    MetadataCache cache = settings.newCache(InstantSource.system());
    ObjectsFile file;
    try (InputStream in = Files.newInputStream(objects)) {
      file = ObjectsFile.load(in, settings.newTrimmer(), cache);
    } catch (IOException | RuntimeException e) {
      err.println("enrich: cannot read " + objects + ": " + e.getMessage());
      return 2;
    }
    Enrichment enrichment = new Enrichment(new BodyParser(settings.bodyLimits()));
    EventLines lines = new EventLines();
    EnricherMetrics metrics = EnricherMetrics.standalone();
    long rejected = 0;
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
        events == null ? stdin : Files.newInputStream(events), StandardCharsets.UTF_8))) {
      String line;
      long lineNo = 0;
      while ((line = reader.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        LogEvent event;
        try {
          event = lines.read(line);
        } catch (IllegalArgumentException e) {
          rejected++;
          err.println((events == null ? "stdin" : events.toString()) + ":" + lineNo + ": rejected (" + e.getMessage()
              + ")");
          continue;
        }
        enrichOne(event, cache, file, enrichment, metrics).map(lines::write).ifPresent(out::println);
      }
    }
    out.flush();
    err.println("enrich: " + file.pods() + " pod(s) loaded; " + (long) metrics.count(EnricherMetrics.Outcome.ENRICHED)
        + " event(s) enriched, " + (long) metrics.count(EnricherMetrics.Outcome.METADATA_MISSING)
        + " without metadata, " + (long) metrics.count(EnricherMetrics.Outcome.EXCLUDED) + " excluded, " + rejected
        + " rejected");
    err.flush();
    return 0;
  }

  private static Optional<LogEvent> enrichOne(LogEvent event, MetadataCache cache, ObjectsFile file,
      Enrichment enrichment, EnricherMetrics metrics) {
    Optional<StreamKey> stream = Enrichment.streamOf(null, event);
    Optional<PodView> view = stream.flatMap(cache::lookup);
    if (view.isEmpty() && stream.isPresent()) {
      file.adoptByName(stream.get().namespace(), stream.get().pod(), stream.get().podUid());
      view = cache.lookup(stream.get());
    }
    if (Enrichment.excluded(view.orElse(null))) {
      metrics.excluded();
      return Optional.empty();
    }
    if (view.isPresent()) {
      metrics.enriched();
    } else {
      metrics.metadataMissing();
    }
    return Optional.of(enrichment.complete(stream.orElse(null), event, view.orElse(null), view.isEmpty()));
  }
}
