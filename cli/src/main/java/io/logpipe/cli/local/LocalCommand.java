package io.logpipe.cli.local;

import io.logpipe.runtime.service.ShutdownSignal;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code logpipe local}: every stage and an embedded broker in one process, until Ctrl-C or SIGTERM. */
@Command(name = "local", mixinStandardHelpOptions = true,
    description = "Run every stage in one process against a directory laid out like /var/log/pods, writing "
        + "events to local files laid out as the S3 sink lays out objects. Starts an embedded single-node Kafka "
        + "broker unless --bootstrap-servers is given.")
public final class LocalCommand implements Callable<Integer> {

  @Option(names = "--log-root", required = true, description = "Directory laid out like /var/log/pods.")
  Path logRoot;

  @Option(names = "--out", required = true, description = "Directory the sink writes events to.")
  Path out;

  @Option(names = "--work-dir", description = "Broker data, Streams state and positions (default: <out>/.logpipe).")
  Path workDir;

  @Option(names = "--bootstrap-servers", description = "Use this Kafka instead of an embedded broker.")
  String bootstrapServers;

  @Option(names = "--partitions", defaultValue = "4", description = "Partitions per topic (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(names = "--split", description = "Run each stage as its own Streams application through the real "
      + "topics, as on Kubernetes, instead of one fused topology.")
  boolean split;

  @Option(names = "--node-name", defaultValue = "local", description = "Node name recorded with each line.")
  String nodeName;

  @Override
  public Integer call() throws Exception {
    LocalOptions options = new LocalOptions(logRoot, out, workDir == null ? out.resolve(".logpipe") : workDir,
        Optional.ofNullable(bootstrapServers), partitions, !split, nodeName);
    LocalPipeline pipeline = LocalPipeline.start(options);
    CountDownLatch stopped = new CountDownLatch(1);
    // The JVM waits for this hook: the open transactions finish before the process exits.
    ShutdownSignal.jvm().onShutdown(() -> {
      System.out.println("logpipe local: stopping; " + pipeline.delivered() + " events delivered");
      pipeline.close();
      stopped.countDown();
    });
    System.out.println("logpipe local: tailing " + logRoot + " via Kafka at " + pipeline.bootstrapServers()
        + ", writing to " + pipeline.sinkTarget() + " (Ctrl-C to stop)");
    stopped.await();
    return 0;
  }
}
