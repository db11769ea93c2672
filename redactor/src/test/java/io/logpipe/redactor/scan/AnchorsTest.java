package io.logpipe.redactor.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The scan loop's prefilter: where it stops for the enabled rules, and where it must not. */
class AnchorsTest {

  /** Every position {@link Anchors#next} stops at, as the two characters found there. */
  private static List<String> stops(Set<Rule> rules, String text) {
    Anchors anchors = new Anchors(rules);
    char[] chars = (text + "??").toCharArray(); // a buffer longer than the text: the loop must stop at n
    int n = text.length();
    List<String> found = new ArrayList<>();
    for (int i = anchors.next(chars, n, 0); i < n; i = anchors.next(chars, n, i + 1)) {
      found.add(text.substring(i, Math.min(i + 2, text.length())));
    }
    return found;
  }

  @ParameterizedTest(name = "[{index}] {0}: {1}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
      pan;      ts=2026-11-21T00:12:05.123Z card 4111 1111;  20|12|41|11
      us_ssn;   ssn 078-05-1120 at 12:30;                     07|11
      ipv4;     from 10.1.2.3 at 12:30;                       10|1.|2.|3 |12|30
      email;    mail jane@example.com or a@b;                 @e|@b
      jwt;      token eyJhbGciOi and eye and Eye;             ey|ey
      iban;     DE89 3704 GET Http HTTP;                      DE|GE|HT
      password; password=x key: y;                            "=x|: "
      private_key; a-b --c -----BEGIN;                        --|--|--|--|--
      """)
  void stopsOnlyWhereAnEnabledDetectorCanStart(String rule, String text, String expected) {
    Rule r = Rule.byId(rule).orElseThrow();
    assertThat(stops(EnumSet.of(r), text)).containsExactly(expected.split("\\|"));
  }

  @Test
  void looksAtWordStartsOnly() {
    assertThat(stops(EnumSet.of(Rule.PAN), "x4111111111111111 4111111111111111")).containsExactly("41");
    assertThat(stops(EnumSet.of(Rule.JWT), "keyJ eyJ")).containsExactly("ey");
  }

  @Test
  void stopsNowhereWithEveryRuleOff() {
    assertThat(stops(EnumSet.noneOf(Rule.class), "user=jane@example.com card=4111111111111111 eyJ.a.b")).isEmpty();
  }

  @Test
  void treatsNonAsciiAsPunctuationThatAnchorsNothing() {
    assertThat(stops(EnumSet.of(Rule.PAN), "é4111111111111111 é")).containsExactly("41");
  }
}
