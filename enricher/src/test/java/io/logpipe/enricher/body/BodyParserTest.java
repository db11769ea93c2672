package io.logpipe.enricher.body;

import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.enricher.meta.BodyFormat;
import io.logpipe.schemas.ParsedBody;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BodyParserTest {

  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SPAN = "00f067aa0ba902b7";

  private final BodyParser parser = new BodyParser(BodyLimits.DEFAULTS);

  private ParsedBody auto(String message) {
    return parser.parse(message, BodyFormat.AUTO).parsed();
  }

  @Test
  void readsAStructuredJsonBody() {
    ParsedBody p = auto("{\"level\":\"error\",\"msg\":\"payment failed\",\"ts\":1704164645.5,"
        + "\"trace_id\":\"" + TRACE + "\",\"span_id\":\"" + SPAN + "\",\"user\":{\"id\":42,\"tier\":\"gold\"},"
        + "\"tags\":[\"a\",\"b\"],\"retry\":true,\"none\":null}");

    assertThat(p.getSeverity()).isEqualTo("ERROR");
    assertThat(p.getBody()).isEqualTo("payment failed");
    assertThat(p.getTimeUnixNano()).isEqualTo(1_704_164_645_500_000_000L);
    assertThat(p.getTraceId()).isEqualTo(TRACE);
    assertThat(p.getSpanId()).isEqualTo(SPAN);
    assertThat(p.getAttributes()).containsOnly(
        Map.entry("user.id", "42"), Map.entry("user.tier", "gold"), Map.entry("tags", "[\"a\",\"b\"]"),
        Map.entry("retry", "true"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "{\"severity\":\"WARNING\"} | WARN",
      "{\"lvl\":\"dbug\",\"level\":\"debug\"} | DEBUG",
      "{\"level\":30,\"msg\":\"pino\"} | INFO",
      "{\"level\":50} | ERROR",
      "{\"log\":{\"level\":\"fatal\"}} | FATAL",
      "{\"levelname\":\"CRITICAL\"} | FATAL",
      "{\"severity_text\":\"Info\"} | INFO"
  })
  void normalisesTheSeverityOfCommonJsonLoggers(String body, String severity) {
    assertThat(auto(body).getSeverity()).isEqualTo(severity);
  }

  @Test
  void keepsARecognisedKeyWithAnInvalidValueAsAnAttribute() {
    ParsedBody p = auto("{\"level\":\"banana\",\"trace_id\":\"nope\",\"time\":\"yesterday\",\"message\":7}");

    assertThat(p.getSeverity()).isNull();
    assertThat(p.getTraceId()).isNull();
    assertThat(p.getTimeUnixNano()).isNull();
    assertThat(p.getBody()).isNull();
    assertThat(p.getAttributes()).containsOnly(Map.entry("level", "banana"), Map.entry("trace_id", "nope"),
        Map.entry("time", "yesterday"), Map.entry("message", "7"));
  }

  @Test
  void takesTraceAndSpanFromATraceparent() {
    ParsedBody p = auto("{\"msg\":\"x\",\"traceparent\":\"00-" + TRACE + "-" + SPAN + "-01\"}");

    assertThat(p.getTraceId()).isEqualTo(TRACE);
    assertThat(p.getSpanId()).isEqualTo(SPAN);
  }

  @Test
  void keepsObjectsDeeperThanTheLimitAsJsonText() {
    BodyParser shallow = new BodyParser(new BodyLimits(1024, 2, 10, 100));

    BodyParser.Result r = shallow.parse("{\"a\":{\"b\":{\"c\":{\"d\":1}}},\"msg\":\"m\"}", BodyFormat.AUTO);

    assertThat(r.parsed().getAttributes()).containsOnly(Map.entry("a.b", "{\"c\":{\"d\":1}}"));
    assertThat(r.flags()).containsExactly(BodyParser.FLAG_TRUNCATED);
  }

  @Test
  void boundsTheNumberAndLengthOfAttributes() {
    BodyParser small = new BodyParser(new BodyLimits(1024, 4, 2, 5));

    BodyParser.Result r = small.parse("{\"a\":\"1\",\"b\":\"123456789\",\"c\":\"3\"}", BodyFormat.AUTO);

    assertThat(r.parsed().getAttributes()).containsOnly(Map.entry("a", "1"), Map.entry("b", "12345"));
    assertThat(r.flags()).containsExactly(BodyParser.FLAG_TRUNCATED);
  }

  @Test
  void doesNotParseBodiesLongerThanTheLimitButStillFindsTheirSeverity() {
    BodyParser small = new BodyParser(new BodyLimits(20, 4, 10, 100));

    assertThat(small.parse("{\"level\":\"error\",\"msg\":\"far too long\"}", BodyFormat.AUTO).parsed()).isNull();
    assertThat(small.parse("ERROR " + "x".repeat(40), BodyFormat.AUTO).parsed().getSeverity()).isEqualTo("ERROR");
    assertThat(small.parse("{\"level\":\"error\",\"msg\":\"far too long\"}", BodyFormat.JSON).flags())
        .contains(BodyParser.FLAG_UNPARSED);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "{not json}",
      "{\"a\":1} trailing",
      "{\"a\":1}{\"b\":2}",
      "[1,2,3]",
      "{\"a\":",
      "\"just a string\""
  })
  void treatsInvalidJsonAsPlainText(String body) {
    BodyParser.Result r = parser.parse(body, BodyFormat.AUTO);

    assertThat(r.parsed()).isNull();
    assertThat(r.flags()).isEmpty();
    assertThat(parser.parse(body, BodyFormat.JSON).flags()).containsExactly(BodyParser.FLAG_UNPARSED);
  }

  @Test
  void readsLogfmt() {
    ParsedBody p = auto("time=2024-01-02T03:04:05Z level=warn msg=\"disk \\\"almost\\\" full\" pct=93.5 dev=/dev/sda");

    assertThat(p.getSeverity()).isEqualTo("WARN");
    assertThat(p.getBody()).isEqualTo("disk \"almost\" full");
    assertThat(p.getTimeUnixNano()).isEqualTo(1_704_164_645_000_000_000L);
    assertThat(p.getAttributes()).containsOnly(Map.entry("pct", "93.5"), Map.entry("dev", "/dev/sda"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "connecting to db=primary",
      "a=1",
      "a=1 b=\"unterminated",
      "a=1 b=2\"x\"",
      "=1 b=2",
      "a==1 b=2"
  })
  void leavesProseWithAnEqualsSignAsPlainTextWhenGuessing(String body) {
    assertThat(auto(body)).isNull();
  }

  @Test
  void theLogfmtHintAcceptsBareKeysAndASinglePair() {
    BodyParser.Result r = parser.parse("started debug level=info", BodyFormat.LOGFMT);

    assertThat(r.parsed().getSeverity()).isEqualTo("INFO");
    assertThat(r.parsed().getAttributes()).containsOnly(Map.entry("started", ""), Map.entry("debug", ""));
    assertThat(parser.parse("\"quoted\" words", BodyFormat.LOGFMT).flags())
        .containsExactly(BodyParser.FLAG_UNPARSED);
  }

  @Test
  void theNoneHintLeavesTheBodyAlone() {
    assertThat(parser.parse("{\"level\":\"error\"}", BodyFormat.NONE).parsed()).isNull();
    assertThat(parser.parse("ERROR boom", BodyFormat.NONE).parsed()).isNull();
  }

  @Test
  void theJsonHintDoesNotFallBackToPlainSeverity() {
    BodyParser.Result r = parser.parse("ERROR boom", BodyFormat.JSON);

    assertThat(r.parsed()).isNull();
    assertThat(r.flags()).containsExactly(BodyParser.FLAG_UNPARSED);
  }

  @Test
  void plainTextGetsOnlyASeverity() {
    ParsedBody p = auto("E1120 10:00:00.123456 1 main.go:10] failed");

    assertThat(p.getSeverity()).isEqualTo("ERROR");
    assertThat(p.getBody()).isNull();
    assertThat(p.getAttributes()).isEmpty();
  }
}
