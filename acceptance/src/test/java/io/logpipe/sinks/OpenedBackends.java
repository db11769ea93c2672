package io.logpipe.sinks;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * The sinks test-jar's in-process OpenSearch and S3 are package-private ({@link InProcessOpenSearch},
 * {@link InProcessS3}); this class, in their package, opens what the acceptance run needs of them, so the run uses
 * the same doubles as the sink ITs instead of a second copy. It can go once those classes are public.
 */
public final class OpenedBackends {

  private OpenedBackends() {}

  /** A real single-node OpenSearch in this JVM (loopback HTTP 9371–9390), data under {@code dir}. */
  public static OpenSearch openSearch(Path dir) {
    return new OpenSearch(InProcessOpenSearch.start(dir));
  }

  /** S3Proxy over an in-memory store on a free loopback port. */
  public static S3 s3() throws Exception {
    return new S3(InProcessS3.start());
  }

  /** See {@link InProcessOpenSearch}. */
  public static final class OpenSearch implements AutoCloseable {
    private final InProcessOpenSearch node;

    private OpenSearch(InProcessOpenSearch node) {
      this.node = node;
    }

    public URI url() {
      return node.url();
    }

    /** GET and parse the JSON answer. */
    public JsonNode get(String path) throws IOException, InterruptedException {
      return node.get(path);
    }

    public void refresh() throws IOException, InterruptedException {
      node.refresh();
    }

    @Override
    public void close() throws IOException {
      node.close();
    }
  }

  /** See {@link InProcessS3}. */
  public static final class S3 implements AutoCloseable {
    public static final String ACCESS_KEY = InProcessS3.ACCESS_KEY;
    public static final String SECRET_KEY = InProcessS3.SECRET_KEY;

    private final InProcessS3 server;

    private S3(InProcessS3 server) {
      this.server = server;
    }

    /** The endpoint a client overrides the AWS one with (path-style requests). */
    public URI endpoint() {
      return server.settings("any", "").endpoint().orElseThrow();
    }

    public String createBucket(String name) {
      return server.createBucket(name);
    }

    /** Every object of a bucket, key to bytes. */
    public Map<String, byte[]> objects(String bucket) {
      return server.objects(bucket);
    }

    @Override
    public void close() {
      server.close();
    }
  }
}
