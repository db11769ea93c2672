package io.logpipe.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import io.logpipe.acceptance.ExpectedEvent.Secret;
import io.logpipe.schemas.StreamKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The per-backend check finds each kind of wrong delivery, and nothing in a right one. */
class BackendCheckTest {

  private static final StreamKey KEY = new StreamKey("shop", "web-1", "uid-1", "app");
  private static final List<ExpectedEvent> EXPECTED = List.of(
      new ExpectedEvent("k01x0001", KEY, "stdout", "first ev=k01x0001", List.of(), 1),
      new ExpectedEvent("k01x0002", KEY, "stdout", "card=4111111111111111 ev=k01x0002",
          List.of(new Secret("4111111111111111", "pan")), 1),
      new ExpectedEvent("k01x0003", KEY, "stderr", "boom ev=k01x0003\n\tat a.B(B.java:1)", List.of(), 2));

  private static Delivered delivered(ExpectedEvent e) {
    String message = e.redactedMessage();
    return new Delivered(Delivered.idIn(message), e.orderKey(), message, Map.of("namespace", "shop"), e.pieces(),
        "{\"message\":\"" + message + "\"}");
  }

  private static List<String> check(UnaryOperator<List<Delivered>> change) {
    List<Delivered> right = new ArrayList<>(EXPECTED.stream().map(BackendCheckTest::delivered).toList());
    return new BackendCheck("s3", EXPECTED, e -> Map.of("namespace", e.key().namespace()),
        Set.of("4111111111111111")).problems(change.apply(right));
  }

  @Test
  void findsNothingWhenEveryEventIsThereOnceWholeInOrderAndRedacted() {
    assertThat(check(d -> d)).isEmpty();
  }

  @Test
  void findsAMissingEvent() {
    assertThat(check(d -> d.subList(1, 3))).singleElement().asString().contains("1 missing", "k01x0001");
  }

  @Test
  void findsAnEventDeliveredTwice() {
    assertThat(check(d -> List.of(d.get(0), d.get(0), d.get(1), d.get(2))))
        .singleElement().asString().contains("delivered more than once", "k01x0001 x2");
  }

  @Test
  void findsAnEventOutOfOrderWithinItsRuntimeStream() {
    assertThat(check(d -> List.of(d.get(1), d.get(0), d.get(2))))
        .singleElement().asString().contains("out of order", "k01x0002 stored where k01x0001 was written");
  }

  @Test
  void findsASecretLeftInTheStoredEventAndTheMessageThatDiffersFromTheRedactedOne() {
    ExpectedEvent leaky = EXPECTED.get(1);
    Delivered raw = new Delivered(Optional.of(leaky.id()), leaky.orderKey(), leaky.message(),
        Map.of("namespace", "shop"), 1, leaky.message());
    assertThat(check(d -> List.of(d.get(0), raw, d.get(2))))
        .anySatisfy(p -> assertThat(p).contains("message not as written", "k01x0002"))
        .anySatisfy(p -> assertThat(p).contains("secret in the stored event", "4111111111111111"));
  }

  @Test
  void findsATraceCutShortAndWrongMetadata() {
    ExpectedEvent trace = EXPECTED.get(2);
    Delivered head = new Delivered(Optional.of(trace.id()), trace.orderKey(), "boom ev=k01x0003",
        Map.of("namespace", "web"), 1, "");
    assertThat(check(d -> List.of(d.get(0), d.get(1), head)))
        .anySatisfy(p -> assertThat(p).contains("message not as written"))
        .anySatisfy(p -> assertThat(p).contains("wrong line count", "1 lines, want 2"))
        .anySatisfy(p -> assertThat(p).contains("wrong metadata", "namespace=web (want shop)"));
  }

  @Test
  void findsAnEventThatIsNotExpectedInThisBackend() {
    Delivered stranger = new Delivered(Optional.of("k09x0001"), "x", "other ev=k09x0001", Map.of(), 1, "");
    assertThat(check(d -> List.of(d.get(0), d.get(1), d.get(2), stranger)))
        .singleElement().asString().contains("not expected here", "k09x0001");
  }
}
