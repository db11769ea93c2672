package io.logpipe.shipper.tail;

import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.shipper.tail.ResumeCheck.Observed;
import io.logpipe.shipper.tail.ResumeCheck.Outcome;
import io.logpipe.shipper.tail.ResumeCheck.Saved;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResumeCheckTest {

  private static final Saved AT_100 = new Saved(42L, 100, 7L);

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("same file, grown", AT_100, new Observed(true, 500, 7L), Outcome.RESUME),
        Arguments.of("same file, nothing new", AT_100, new Observed(true, 100, 7L), Outcome.RESUME),
        Arguments.of("inode reused by another file", AT_100, new Observed(false, 500, 7L), Outcome.NEW_FILE),
        Arguments.of("copy-truncated below the position", AT_100, new Observed(true, 40, 0L), Outcome.TRUNCATED),
        Arguments.of("truncated and refilled past the position", AT_100, new Observed(true, 500, 8L),
            Outcome.REWRITTEN),
        Arguments.of("position 0 has no bytes before it to check", new Saved(42L, 0, 0L),
            new Observed(true, 10, 99L), Outcome.RESUME));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decidesWhetherASavedPositionStillApplies(String name, Saved saved, Observed now, Outcome expected) {
    assertThat(ResumeCheck.decide(saved, now)).isEqualTo(expected);
    assertThat(ResumeCheck.decide(saved, now).resumes()).isEqualTo(expected == Outcome.RESUME);
  }
}
