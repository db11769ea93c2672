package io.logpipe.events.occurrence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StateCodecTest {

  @Test
  void roundTripsAState() {
    EmittedState state = new EmittedState(17, "98765");
    byte[] bytes = StateCodec.encode(state);
    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .isEqualTo("{\"v\":1,\"count\":17,\"resourceVersion\":\"98765\"}");
    assertThat(StateCodec.decode(bytes)).contains(state);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not json", "{\"v\":2,\"count\":1}", "{\"v\":1}", "{\"v\":1,\"count\":0}",
      "{\"v\":1,\"count\":\"x\"}", "[1,2]"})
  void refusesWhatIsNotAStateOfAKnownVersion(String text) {
    assertThat(StateCodec.decode(text.getBytes(StandardCharsets.UTF_8))).isEmpty();
  }

  @Test
  void aMissingValueIsNoState() {
    assertThat(StateCodec.decode(null)).isEmpty();
  }
}
