package dev.atomic.examples.triage;

import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.task.Inputs;
import dev.atomic.task.Microtask;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Zero-shot keyword rules for spam and category: what a team writes on day one, before any label exists. They serve
 * from the first message with a modest claim, and the exchange moves the work to the learned heads as those earn a
 * better record. Rules, named as such: no model behind them.
 */
final class KeywordRules implements Bidder {

  private static final List<String> SPAM_CUES = List.of("winner", "won", "free", "click", "prize", "claim",
      "guaranteed", "limited", "act fast", "!!!", "lottery", "bank details", "crypto", "singles", "no prescription",
      "customs fee", "verify your password", "suspended", "earn $");

  private static final Map<Category, List<String>> CATEGORY_CUES = Map.of(
      Category.BILLING, List.of("invoice", "refund", "charged", "receipt", "payment", "billing", "facture", "rechnung",
          "cobro", "cobrado"),
      Category.TECHNICAL, List.of("error", "crash", "bug", "sync", "timeout", "timing out", "fails", "plante",
          "fehler", "sincroniz", "outage"),
      Category.ACCOUNT, List.of("log in", "password", "account", "two-factor", "delete my", "owner", "connecter",
          "konto", "cuenta", "sesión"),
      Category.SALES, List.of("quote", "pricing", "demo", "discount", "enterprise", "upgrade", "partner", "devis",
          "presupuesto", "cost per year"));

  private final String id;

  KeywordRules(String id) {
    this.id = id;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public boolean bidsInline() {
    return true;
  }

  @Override
  public Optional<Bid> bid(Microtask task) {
    if (!task.kind().equals("email.spam") && !task.kind().equals("email.category")) {
      return Optional.empty();
    }
    return Inputs.text(task.input())
        .map(t -> new Bid(0.7, 0.1, 0, Duration.ofNanos(50_000), "keyword rules"));
  }

  @Override
  public Answer serve(Microtask task) {
    String text = Inputs.text(task.input()).orElseThrow().toLowerCase(Locale.ROOT);
    Object output = task.kind().equals("email.spam") ? spam(text) : category(text);
    return Answer.of(output.toString(), 0, Duration.ofNanos(50_000));
  }

  static Spam spam(String text) {
    long cues = SPAM_CUES.stream().filter(text::contains).count();
    return cues >= 2 ? Spam.SPAM : Spam.HAM;
  }

  static Category category(String text) {
    Category best = Category.OTHER;
    long bestCount = 0;
    for (Category c : Category.values()) {
      long count = CATEGORY_CUES.getOrDefault(c, List.of()).stream().filter(text::contains).count();
      if (count > bestCount) {
        best = c;
        bestCount = count;
      }
    }
    return best;
  }
}
