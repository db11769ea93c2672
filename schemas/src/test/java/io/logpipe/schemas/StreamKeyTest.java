package io.logpipe.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamKeyTest {

  @Test
  void printsAndParsesTheWireForm() {
    StreamKey key = new StreamKey("shop", "web-1", "0f1e-22", "app");
    assertThat(key.toString()).isEqualTo("shop/web-1/0f1e-22/app");
    assertThat(StreamKey.parse(key.toString())).isEqualTo(key);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a/b/c", "a/b/c/d/e", "a//c/d", "/b/c/d"})
  void rejectsMalformedKeys(String key) {
    assertThatThrownBy(() -> StreamKey.parse(key)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void everyTopicHasTheV1SuffixAndTheSinkLookupIsClosed() {
    assertThat(Topics.all()).allSatisfy(t -> assertThat(t.name()).startsWith("logs.").endsWith(".v1"));
    assertThat(Topics.sink("s3")).isSameAs(Topics.SINK_S3);
    assertThatThrownBy(() -> Topics.sink("kafka")).hasMessageContaining("unknown sink backend");
  }
}
