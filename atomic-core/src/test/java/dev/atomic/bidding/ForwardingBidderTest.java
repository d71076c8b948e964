package dev.atomic.bidding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.task.Microtask;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ForwardingBidderTest {

  /** A bidder that says yes to everything a default says no to, so that forwarding shows. */
  private static final Bidder ANSWERS_FROM_MEMORY = new Bidder() {
    @Override
    public String id() {
      return "rules";
    }

    @Override
    public BidderProfile profile() {
      return BidderProfile.hosted("acme", "eu-west");
    }

    @Override
    public boolean bidsInline() {
      return true;
    }

    @Override
    public boolean servesInline() {
      return true;
    }

    @Override
    public Optional<Bid> bid(Microtask task) {
      return Optional.of(new Bid(0.8, 0, 0.001, Duration.ofMillis(1), "from memory"));
    }

    @Override
    public Answer serve(Microtask task) {
      return Answer.of("ham", 0.001, Duration.ZERO);
    }
  };

  @Test
  void everyMethodOfBidder_isForwarded_soNoDecoratorFallsBackToADefault() {
    Method[] forwardable = Arrays.stream(Bidder.class.getMethods())
        .filter(m -> !Modifier.isStatic(m.getModifiers()))
        .toArray(Method[]::new);

    assertThat(forwardable).isNotEmpty().allSatisfy(m -> assertThat(ForwardingBidder.class
        .getDeclaredMethod(m.getName(), m.getParameterTypes()).getDeclaringClass())
        .as("ForwardingBidder forwards %s", m.getName()).isEqualTo(ForwardingBidder.class));
  }

  @Test
  void aDecoratorThatOverridesNothing_behavesAsTheBidderItWraps() throws Exception {
    Bidder decorated = new ForwardingBidder(ANSWERS_FROM_MEMORY) {};
    Microtask task = Microtask.builder("email.spam").build();

    assertThat(decorated.id()).isEqualTo("rules");
    assertThat(decorated.profile()).isEqualTo(BidderProfile.hosted("acme", "eu-west"));
    assertThat(decorated.bidsInline()).isTrue();
    assertThat(decorated.servesInline()).isTrue();
    assertThat(decorated.bid(task)).isEqualTo(ANSWERS_FROM_MEMORY.bid(task));
    assertThat(decorated.serve(task)).isEqualTo(ANSWERS_FROM_MEMORY.serve(task));
  }
}
