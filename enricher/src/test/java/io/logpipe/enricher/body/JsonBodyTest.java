package io.logpipe.enricher.body;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.logpipe.schemas.ParsedBody;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written reader accepts exactly what Jackson's defaults accept as one JSON object, and reads it alike. */
class JsonBodyTest {

  private static final ObjectMapper JACKSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final JsonBody json = new JsonBody(BodyLimits.DEFAULTS);

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "{}", " { } ", "{\"a\":1}", "{\"a\":-0}", "{\"a\":-1.5e+10}", "{\"a\":1E-2}", "{\"a\":0.25}",
      "{\"a\":\"\\u00e9\\n\\t\\\"\\\\\\/\"}", "{\"a\":\"é ☃ \uD83D\uDE00\"}", "{\"a\":[1,[2,{\"b\":null}],\"x\"]}",
      "{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":{\"f\":1}}}}}}", "{\"a\":true,\"b\":false,\"c\":null}",
      "{\"a\":1,\"a\":2}", "\t{\"a\" : 1 ,\r\n\"b\":[ ]}\n",
      // Not one JSON object:
      "{", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "{,}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":+1}",
      "{\"a\":1e}", "{\"a\":-}", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":truex}", "{\"a\":nul}", "{\"a\":1x}",
      "{'a':1}", "{a:1}", "{\"a\":'x'}", "{\"a\":\"x\\q\"}", "{\"a\":\"\\u12G4\"}", "{\"a\":\"tab\tinside\"}",
      "{\"a\":1}{\"b\":2}", "{\"a\":1} x", "{\"a\":1}]", "{\"a\":[1,]}", "{\"a\":[1 2]}", "{\"a\":{\"b\":1,}}",
      "{\"a\":1 /* c */}", "{\"a\":\"unterminated}", "{\"a\":[}", "[1]", "\"text\"", "{\"a\":1}\u2003"
  })
  void acceptsExactlyWhatJacksonAcceptsAsOneObject(String body) {
    assertThat(json.parse(body).isPresent()).isEqualTo(jacksonReadsOneObject(body));
  }

  @Test
  void rejectsNestingDeeperThanJacksonAllows() {
    String deep = "{\"a\":" + "[".repeat(1_500) + "]".repeat(1_500) + "}";

    assertThat(json.parse(deep)).isEmpty();
  }

  @Test
  void unescapesStringsAndKeepsNumbersAsWritten() {
    ParsedBody p = json.parse("{\"k\\u00e9y\":\"a\\\"b\\\\c\\/d\\n\\u263A\",\"n\":1.50,\"e\":2E+3,\"neg\":-0}")
        .orElseThrow().build();

    assertThat(p.getAttributes()).containsOnly(Map.entry("kéy", "a\"b\\c/d\n☺"), Map.entry("n", "1.50"),
        Map.entry("e", "2E+3"), Map.entry("neg", "-0"));
  }

  @Test
  void writesArraysAndDeepObjectsAsJacksonsCompactText() {
    ParsedBody p = new JsonBody(new BodyLimits(1024, 1, 16, 256))
        .parse("{\"a\": [ 1 , \"x\\u0041\" , { \"b\" : null } ], \"o\": { \"p\" : [ ] } }").orElseThrow().build();

    assertThat(p.getAttributes()).containsOnly(Map.entry("a", "[1,\"xA\",{\"b\":null}]"),
        Map.entry("o", "{\"p\":[]}"));
  }

  private static boolean jacksonReadsOneObject(String body) {
    try {
      JsonNode node = JACKSON.readTree(body);
      return node != null && node.isObject();
    } catch (Exception notJson) {
      return false;
    }
  }
}
