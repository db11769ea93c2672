package io.logpipe.acceptance;

import io.logpipe.schemas.RawLine;
import io.logpipe.schemas.Topics;
import io.logpipe.testkit.CommittedRecords;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code logs.raw.v1} as committed (read_committed): how many lines of a container stream are there, and whether
 * every line of the tree is there exactly once (one record per file identity and byte offset).
 */
final class RawTopic {

  private final String bootstrap;

  RawTopic(String bootstrap) {
    this.bootstrap = bootstrap;
  }

  private List<ConsumerRecord<String, RawLine>> readAll() {
    return CommittedRecords.readAll(bootstrap, Topics.RAW.name(), new StringDeserializer(),
        Topics.RAW.valueSerde().deserializer(), Duration.ofMillis(300));
  }

  /** Committed records keyed by the container stream {@code key}. */
  long lines(String key) {
    return readAll().stream().filter(r -> key.equals(r.key())).count();
  }

  /** Records per line identity (node, file identity, offset); a count above 1 is a line shipped twice. */
  Map<String, Integer> linesByIdentity() {
    Map<String, Integer> counts = new HashMap<>();
    for (ConsumerRecord<String, RawLine> r : readAll()) {
      RawLine line = r.value();
      counts.merge(line.getNode() + " " + line.getFileId() + " " + line.getOffset(), 1, Integer::sum);
    }
    return counts;
  }
}
