package io.logpipe.events.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.api.model.events.v1.EventBuilder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingEventsTest {

  private final PendingEvents pending = new PendingEvents();

  private static Event event(String ns, String name, String uid) {
    return new EventBuilder().withNewMetadata().withNamespace(ns).withName(name).withUid(uid).endMetadata().build();
  }

  @Test
  void aBurstOfUpdatesOfOneEventIsOneLook() throws InterruptedException {
    pending.onAdd(event("shop", "a", "1"));
    pending.onUpdate(event("shop", "a", "1"), event("shop", "a", "1"));
    pending.onUpdate(event("shop", "a", "1"), event("shop", "a", "1"));
    pending.onAdd(event("ops", "b", "2"));
    PendingEvents.Batch batch = pending.drain(10, Duration.ZERO);
    assertThat(batch.keys()).containsExactly("shop/a", "ops/b");
    assertThat(batch.deleted()).isEmpty();
    assertThat(pending.size()).isZero();
  }

  @Test
  void keepsTheFinalStateOfADeletedEventByUid() throws InterruptedException {
    pending.onDelete(event("shop", "a", "1"), false);
    pending.onDelete(event("shop", "b", null), true);
    PendingEvents.Batch batch = pending.drain(10, Duration.ZERO);
    assertThat(batch.deleted()).extracting(e -> e.getMetadata().getUid()).containsExactly("1");
  }

  @Test
  void drainsAtMostTheBatchSizeAndKeepsTheRest() throws InterruptedException {
    for (int i = 0; i < 5; i++) {
      pending.onAdd(event("shop", "e" + i, "u" + i));
    }
    pending.onDelete(event("shop", "gone", "g"), false);
    assertThat(pending.drain(4, Duration.ZERO).keys()).containsExactly("shop/e0", "shop/e1", "shop/e2", "shop/e3");
    PendingEvents.Batch rest = pending.drain(4, Duration.ZERO);
    assertThat(rest.keys()).containsExactly("shop/e4");
    assertThat(rest.deleted()).hasSize(1);
  }

  @Test
  void handsOutUidsOfEventsDeletedWhileUnwatched() throws InterruptedException {
    pending.gone(List.of("old-1", "old-2"));
    PendingEvents.Batch batch = pending.drain(10, Duration.ofSeconds(5));
    assertThat(batch.gone()).containsExactly("old-1", "old-2");
    assertThat(batch.size()).isEqualTo(2);
  }

  @Test
  void anEmptyDrainReturnsAfterTheWait() throws InterruptedException {
    assertThat(pending.drain(10, Duration.ofMillis(20)).isEmpty()).isTrue();
  }
}
