package io.logpipe.shipper.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pod-log loader reads only its own keys under {@code <node>/}, not the node's other sources' (issue 9). */
class PositionsLoaderTest {

  @ParameterizedTest
  @CsvSource({"1:2:ab,true", "files/1:2:ab,false", "journal,false", "sidecar/uid/1:2:ab,false", "1:2,false"})
  void takesOnlyKeysThatAreAFileIdentity(String idPart, boolean taken) {
    assertThat(PositionsLoader.isFileKey(idPart)).isEqualTo(taken);
  }
}
