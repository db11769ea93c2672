package io.logpipe.enricher.cache;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ExceptionHandler;

/**
 * When an informer retries a failed list or watch. fabric8's default gives up on a failure before the first list
 * succeeded, so one slow API server answer at start (a list longer than the request timeout) stopped the informer
 * and the enricher. Here transient failures are retried (with fabric8's back-off) before and after the start, and
 * the enricher's sync timeout bounds the wait; what retrying cannot fix fails at once: no permission (401, 403),
 * a kind the server does not serve (404), or an object the client cannot read.
 */
final class InformerRetry implements ExceptionHandler {

  @Override
  public boolean retryAfterException(boolean isStarted, Throwable failure) {
    if (ExceptionHandler.isDeserializationException(failure)) {
      return false;
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof KubernetesClientException k && isPermanent(k.getCode())) {
        return false;
      }
    }
    return true;
  }

  private static boolean isPermanent(int httpCode) {
    return httpCode == 401 || httpCode == 403 || httpCode == 404;
  }
}
