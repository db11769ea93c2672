package io.logpipe.multiline.detect;

import java.util.regex.Pattern;

/**
 * One transition of a trace state machine: in state {@code from}, a line matching {@code pattern} moves to
 * {@code to}. {@code hint} is a literal every matching line contains: lines without it skip the regex (most log lines
 * contain none of the start hints, so the common path is a few {@code indexOf} calls). {@code tentative} marks a
 * transition (blank lines) that only the following line can confirm.
 */
record Rule(String from, String hint, Pattern pattern, String to, boolean tentative) {

  boolean matches(String line) {
    return (hint == null || line.contains(hint)) && pattern.matcher(line).find();
  }
}
