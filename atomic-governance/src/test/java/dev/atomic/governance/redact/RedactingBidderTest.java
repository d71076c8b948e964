package dev.atomic.governance.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.bidding.BidderProfile;
import dev.atomic.bidding.Usage;
import dev.atomic.exchange.Exchange;
import dev.atomic.exchange.Execution;
import dev.atomic.governance.RecordingBidder;
import dev.atomic.governance.classify.Classifier;
import dev.atomic.task.Microtask;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedactingBidderTest {

  @Test
  void execute_hostedBidderSeesOnlyPlaceholders_andTheCallerGetsTheValuesBack() {
    // The model answers by reordering and repeating what it was given.
    RecordingBidder model = RecordingBidder.answering("gpt", BidderProfile.hosted("openai", "eu-west"), 0.9, 0.001,
        t -> {
          String in = (String) t.input();
          return "To " + in.substring(in.indexOf("<EMAIL_2>"), in.indexOf("<EMAIL_2>") + 9)
              + ", re " + in.substring(in.indexOf("<EMAIL_1>"), in.indexOf("<EMAIL_1>") + 9) + " and <EMAIL_2> again";
        });
    Microtask task = Classifier.standard().classify(Microtask.builder("email.reply")
        .input("from jane@example.com to bob@example.org").build());
    try (Exchange exchange = Exchange.builder().seed(1)
        .bidder(new RedactingBidder(model, Redactor.of(Classifier.standard()))).build()) {

      Execution execution = exchange.execute(task);

      assertThat(execution.output()).isEqualTo("To bob@example.org, re jane@example.com and bob@example.org again");
      assertThat(model.bidRequests()).singleElement()
          .satisfies(t -> assertThat(t.input()).isEqualTo("from <EMAIL_1> to <EMAIL_2>"));
      assertThat(model.served()).singleElement().satisfies(t -> {
        assertThat(t.input()).isEqualTo("from <EMAIL_1> to <EMAIL_2>");
        assertThat(t.id()).isEqualTo(task.id());
        assertThat(t.dataClasses()).isEqualTo(task.dataClasses());
      });
    }
  }

  @Test
  void serve_mapOutput_isRestoredToo() throws Exception {
    RecordingBidder model = RecordingBidder.answering("gpt", BidderProfile.hosted("openai", "eu-west"), 0.9, 0.001,
        t -> Map.of("reply_to", "<EMAIL_1>"));
    RedactingBidder bidder = new RedactingBidder(model, Redactor.of(Classifier.standard()));

    Object output = bidder.serve(Microtask.builder("email.reply").input(Map.of("from", "jane@example.com")).build())
        .output();

    assertThat(output).isEqualTo(Map.of("reply_to", "jane@example.com"));
    assertThat(model.served().getFirst().input()).isEqualTo(Map.of("from", "<EMAIL_1>"));
  }

  @Test
  void serve_keepsTheWrappedAnswersUsage() throws Exception {
    Bidder metered = new Bidder() {
      @Override
      public String id() {
        return "gpt";
      }

      @Override
      public Optional<Bid> bid(Microtask task) {
        return Optional.of(Bid.of(0.9, 0.001, Duration.ofMillis(5)));
      }

      @Override
      public Answer serve(Microtask task) {
        return Answer.of("to <EMAIL_1>", 0.001, Duration.ofMillis(5)).withUsage(Usage.of("gpt-4o-mini", 12, 3));
      }
    };
    RedactingBidder bidder = new RedactingBidder(metered, Redactor.of(Classifier.standard()));

    Answer answer = bidder.serve(Microtask.builder("email.reply").input("from jane@example.com").build());

    assertThat(answer.output()).isEqualTo("to jane@example.com");
    assertThat(answer.usage()).isEqualTo(Usage.of("gpt-4o-mini", 12, 3));
  }

  @Test
  void whatTheWrappedBidderSaysOfItself_isForwarded() {
    RecordingBidder model = RecordingBidder.echo("rules", BidderProfile.hosted("acme", "eu-west"), 0.9, 0);
    RedactingBidder bidder = new RedactingBidder(model.servingInline(), Redactor.of(Classifier.standard()));

    assertThat(bidder.id()).isEqualTo("rules");
    assertThat(bidder.profile()).isEqualTo(BidderProfile.hosted("acme", "eu-west"));
    assertThat(bidder.bidsInline()).isEqualTo(model.bidsInline());
    assertThat(bidder.servesInline()).isTrue();
  }
}
