package io.logpipe.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BrokerKindTest {

  @ParameterizedTest
  @CsvSource({"container,CONTAINER", "inprocess,INPROCESS", "in-process,INPROCESS", "AUTO,AUTO", "' auto ',AUTO",
      "'',AUTO"})
  void parsesTheSystemPropertyValues(String value, BrokerKind expected) {
    assertThat(BrokerKind.parse(value)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"docker", "embedded", "in process"})
  void rejectsUnknownValuesInsteadOfFallingBack(String value) {
    assertThatThrownBy(() -> BrokerKind.parse(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(BrokerKind.PROPERTY);
  }
}
