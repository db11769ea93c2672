package io.logpipe.enricher.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InternerTest {

  @Test
  void equalValuesShareOneInstance() {
    Interner interner = new Interner(10);
    String a = interner.intern(new String("node-1"));

    assertThat(interner.intern(new String("node-1"))).isSameAs(a);
    assertThat(interner.intern((String) null)).isNull();
  }

  @Test
  void staysWithinItsBoundByStartingOver() {
    Interner interner = new Interner(3);
    for (int i = 0; i < 100; i++) {
      interner.intern("v" + i);
    }

    assertThat(interner.size()).isLessThanOrEqualTo(3);
  }

  @Test
  void rejectsANonPositiveBound() {
    assertThatThrownBy(() -> new Interner(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
