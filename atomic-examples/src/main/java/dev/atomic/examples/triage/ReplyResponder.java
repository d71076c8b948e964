package dev.atomic.examples.triage;

import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.task.Inputs;
import dev.atomic.task.Microtask;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A retrieval responder, as smart-reply systems do offline: it picks the reply template written for the e-mail's
 * category and language and fills in the sender's name and subject. With an LLM configured, the LLM bids for the same
 * kind and the exchange decides who drafts.
 */
final class ReplyResponder implements Bidder {

  private static final Map<Category, String> ENGLISH = Map.of(
      Category.BILLING, "Thank you for writing about your invoice. Our billing team has your message and will check "
          + "the charges within one business day; any refund goes back to the original payment method.",
      Category.TECHNICAL, "Thank you for the report. Our engineers are looking into it; meanwhile, updating to the "
          + "latest version and restarting the app solves most cases. We will follow up with what we find.",
      Category.ACCOUNT, "Thank you for contacting us about your account. For your security, a member of our team "
          + "will verify your identity and help you within one business day.",
      Category.SALES, "Thank you for your interest! A member of our sales team will contact you shortly with "
          + "pricing and availability.",
      Category.OTHER, "Thank you for your message. We have received it and will get back to you if needed.");

  private static final Map<String, String> GREETING = Map.of("eng", "Hello %s,", "fra", "Bonjour %s,",
      "deu", "Hallo %s,", "spa", "Hola %s,");

  @Override
  public String id() {
    return "reply-templates";
  }

  @Override
  public boolean bidsInline() {
    return true;
  }

  @Override
  public Optional<Bid> bid(Microtask task) {
    if (!task.kind().equals("email.reply")) {
      return Optional.empty();
    }
    return Inputs.as(task.input(), ReplyRequest.class)
        .map(r -> new Bid(0.75, 0.1, 0, Duration.ofNanos(20_000), "template for " + r.category()));
  }

  @Override
  public Answer serve(Microtask task) {
    ReplyRequest r = Inputs.as(task.input(), ReplyRequest.class).orElseThrow();
    // A pipeline may hand over no sender or subject (a template of an absent field is empty, a lone one null).
    String from = r.from() == null ? "" : r.from().strip();
    String subject = r.subject() == null ? "" : r.subject();
    String name = from.contains("@") ? from.substring(0, from.indexOf('@')) : from;
    name = name.isEmpty() ? "there" : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    String greeting = String.format(GREETING.getOrDefault(r.language(), "Hello %s,"), name);
    String body = greeting + "\n\n" + ENGLISH.get(r.category()) + "\n\nBest regards,\nThe support team";
    return Answer.of(new ReplyDraft("Re: " + subject, body), 0, Duration.ofNanos(20_000));
  }
}
