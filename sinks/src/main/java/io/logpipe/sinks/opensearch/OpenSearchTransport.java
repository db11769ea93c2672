package io.logpipe.sinks.opensearch;

import java.io.IOException;

/** One HTTP exchange with the cluster; the seam where tests inject rejections. */
public interface OpenSearchTransport extends AutoCloseable {

  record Response(int status, byte[] body) {}

  Response send(String method, String path, String contentType, byte[] body) throws IOException;

  /** Plain HTTP(S) to the cluster of the settings. */
  static OpenSearchTransport http(OpenSearchSettings settings) {
    return new HttpTransport(settings);
  }

  /** Where requests go, for logs. */
  String target();

  @Override
  default void close() {}
}
