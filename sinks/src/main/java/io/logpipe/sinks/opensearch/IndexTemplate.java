package io.logpipe.sinks.opensearch;

/**
 * The index template installed at start for every index or data stream the sink writes: {@code @timestamp} with
 * nanoseconds, full text on {@code message} and {@code body}, every other string a keyword (exact filters and
 * aggregations without mapping explosions of text fields).
 */
final class IndexTemplate {

  private IndexTemplate() {}

  static String name(String prefix) {
    return "logpipe-" + prefix;
  }

  static String body(IndexNaming naming) {
    return "{\"index_patterns\":[\"" + naming.pattern() + "\"],\"priority\":200,"
        + (naming.mode() == IndexMode.DATA_STREAM ? "\"data_stream\":{}," : "")
        + "\"template\":{\"mappings\":{"
        + "\"dynamic_templates\":[{\"strings_as_keywords\":{\"match_mapping_type\":\"string\","
        + "\"mapping\":{\"type\":\"keyword\",\"ignore_above\":1024}}}],"
        + "\"properties\":{"
        + "\"@timestamp\":{\"type\":\"date_nanos\"},"
        + "\"body_time\":{\"type\":\"date_nanos\"},"
        + "\"message\":{\"type\":\"text\"},"
        + "\"body\":{\"type\":\"text\"}}}},"
        + "\"_meta\":{\"managed_by\":\"logpipe\"}}";
  }
}
