package io.logpipe.enricher.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class OutputBatchingTest {

  @Test
  void givesTheProducer64KiBBatchesByDefault() {
    Properties props = OutputBatching.apply(new Properties());

    assertThat(props).containsEntry("producer.batch.size", "65536");
  }

  @Test
  void leavesABatchSizeTheOperatorSetAlone() {
    Properties prefixed = new Properties();
    prefixed.put("producer.batch.size", "32768");
    Properties plain = new Properties();
    plain.put("batch.size", "8192");

    assertThat(OutputBatching.apply(prefixed)).containsEntry("producer.batch.size", "32768");
    assertThat(OutputBatching.apply(plain)).doesNotContainKey("producer.batch.size").containsEntry("batch.size", "8192");
  }
}
