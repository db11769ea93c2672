package io.logpipe.enricher.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.InterruptedIOException;
import org.junit.jupiter.api.Test;

class InformerRetryTest {

  private final InformerRetry retry = new InformerRetry();

  @Test
  void retriesATimedOutFirstListWhichFabric8sDefaultWouldGiveUpOn() {
    var timeout = new KubernetesClientException("list timed out", new InterruptedIOException("timeout"));
    assertThat(retry.retryAfterException(false, timeout)).isTrue();
    assertThat(retry.retryAfterException(true, timeout)).isTrue();
    assertThat(retry.retryAfterException(false, new KubernetesClientException("busy", 503, null))).isTrue();
  }

  @Test
  void givesUpOnWhatRetryingCannotFix() {
    for (int code : new int[] {401, 403, 404}) {
      assertThat(retry.retryAfterException(false, new KubernetesClientException("no", code, null))).as("" + code)
          .isFalse();
    }
    var wrapped = new RuntimeException(new KubernetesClientException("forbidden", 403, null));
    assertThat(retry.retryAfterException(true, wrapped)).isFalse();
    assertThat(retry.retryAfterException(true, new RuntimeException(new JsonParseException(null, "bad")))).isFalse();
  }
}
