package dev.atomic.governance.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.bidding.BidderProfile;
import dev.atomic.task.Microtask;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DataPolicyTest {

  private static final BidderProfile LOCAL = BidderProfile.local();
  private static final BidderProfile OPENAI_US = BidderProfile.hosted("openai", "us-east");
  private static final BidderProfile MISTRAL_EU =
      new BidderProfile("mistral", "eu-west", false, false, Set.of("dpa-signed"));

  private final DataPolicy policy = DataPolicy.builder()
      .rule("cards-stay-home", r -> r.classes("pci.card").onPremises(true))
      .rule("eu-pii", r -> r.classes("pii.*").regions("eu-west", "on-prem"))
      .rule("pii-dpa", r -> r.classes("pii.*").tags("dpa-signed"))
      .rule("no-secrets", r -> r.classes("secret.*").deny())
      .build();

  private static Microtask task(String... classes) {
    return Microtask.builder("email.reply").input("x").dataClasses(Set.of(classes)).build();
  }

  @Test
  void exclude_unclassifiedTask_allowsEveryone() {
    assertThat(policy.exclude(task(), "gpt", OPENAI_US)).isEmpty();
  }

  @Test
  void exclude_cardToHostedBidder_namesRuleAndClass() {
    assertThat(policy.exclude(task("pci.card"), "gpt", OPENAI_US)).contains(
        "rule 'cards-stay-home' forbids data class 'pci.card' to bidder 'gpt' (openai, us-east): requires on-premises");
    assertThat(policy.exclude(task("pci.card"), "local", LOCAL)).isEmpty();
  }

  @Test
  void exclude_prefixRule_coversEveryClassUnderIt() {
    assertThat(policy.exclude(task("pii.email"), "gpt", OPENAI_US)).hasValueSatisfying(why -> assertThat(why)
        .contains("rule 'eu-pii'", "'pii.email'", "region in [eu-west, on-prem]"));
    assertThat(policy.exclude(task("pii.email"), "mistral", MISTRAL_EU)).isEmpty();
  }

  @Test
  void exclude_everyCoveringRuleMustHold() {
    BidderProfile euWithoutDpa = BidderProfile.hosted("mistral", "eu-west");
    assertThat(policy.exclude(task("pii.phone"), "m", euWithoutDpa))
        .hasValueSatisfying(why -> assertThat(why).contains("rule 'pii-dpa'", "requires tags [dpa-signed]"));
  }

  @Test
  void exclude_denyRule_excludesEvenLocalBidders() {
    assertThat(policy.exclude(task("secret.api_key"), "local", LOCAL))
        .hasValueSatisfying(why -> assertThat(why).contains("rule 'no-secrets'", "no bidder may see it"));
  }

  @Test
  void exclude_cleanRoom_excludesNonSovereignWhateverTheData() {
    DataPolicy clean = DataPolicy.cleanRoom();
    assertThat(clean.exclude(task(), "gpt", OPENAI_US))
        .contains("clean-room mode: bidder 'gpt' (openai, us-east) is not sovereign");
    assertThat(clean.exclude(task("pii.email"), "local", LOCAL)).isEmpty();
  }

  @Test
  void exclude_namedBiddersAndVendors() {
    DataPolicy named = DataPolicy.builder()
        .rule("only-these", r -> r.classes("*").bidders("approved").vendors("openai"))
        .build();
    assertThat(named.exclude(task("anything"), "approved", OPENAI_US)).isEmpty();
    assertThat(named.exclude(task("anything"), "other", OPENAI_US))
        .hasValueSatisfying(why -> assertThat(why).contains("requires bidder in [approved]"));
    assertThat(named.exclude(task("anything"), "approved", MISTRAL_EU))
        .hasValueSatisfying(why -> assertThat(why).contains("vendor in [openai]"));
  }

  @Test
  void allowedBy_listsCoveringRulesPerClass() {
    assertThat(policy.allowedBy(task("pii.email", "pci.card")))
        .containsExactly("cards-stay-home:pci.card", "eu-pii:pii.email", "pii-dpa:pii.email");
  }

  @Test
  void builder_rejectsBadRules() {
    assertThatThrownBy(() -> DataPolicy.builder().rule("x", r -> r.classes("pii.*")))
        .hasMessageContaining("neither denies nor sets any requirement");
    assertThatThrownBy(() -> DataPolicy.builder().rule("x", r -> r.onPremises(true)))
        .hasMessageContaining("covers no data class");
    assertThatThrownBy(() -> DataPolicy.builder().rule("x", r -> r.classes("PII")))
        .hasMessageContaining("'PII'");
    assertThatThrownBy(() -> DataPolicy.builder().rule("x", r -> r.classes("a").deny().onPremises(true)))
        .hasMessageContaining("both denies and sets requirements");
    assertThatThrownBy(() -> DataPolicy.builder().rule("bad name!", r -> r.classes("a").deny()))
        .hasMessageContaining("'bad name!'");
    assertThatThrownBy(() -> DataPolicy.builder()
            .rule("dup", r -> r.classes("a").deny())
            .rule("dup", r -> r.classes("b").deny()))
        .hasMessageContaining("'dup' is defined twice");
    assertThatThrownBy(() -> DataPolicy.builder().rule("x", r -> r.classes("a").regions(" ")))
        .hasMessageContaining("region must not be blank");
  }
}
