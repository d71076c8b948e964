package dev.atomic.governance.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.AtomicException;
import dev.atomic.governance.classify.Classifier;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedactorTest {

  private final Redactor redactor = Redactor.of(Classifier.standard());

  @Test
  void redact_string_replacesEachValueWithANumberedPlaceholder() {
    Redacted r = redactor.redact("Mail jane@example.com or bob@example.org, card 4111 1111 1111 1111.");

    assertThat(r.value()).isEqualTo("Mail <EMAIL_1> or <EMAIL_2>, card <CARD_1>.");
    assertThat(r.originals()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "<EMAIL_1>", "jane@example.com", "<EMAIL_2>", "bob@example.org", "<CARD_1>", "4111 1111 1111 1111"));
  }

  @Test
  void redact_sameValueTwice_getsTheSamePlaceholder() {
    Redacted r = redactor.redact("jane@example.com wrote to jane@example.com");
    assertThat(r.value()).isEqualTo("<EMAIL_1> wrote to <EMAIL_1>");
  }

  @Test
  void restore_outputThatReordersAndRepeatsPlaceholders() {
    Redacted r = redactor.redact("from jane@example.com to bob@example.org, IBAN DE89370400440532013000");

    String output = "Reply to <EMAIL_2> (cc <EMAIL_1>, <EMAIL_2>); refund to <IBAN_1>. <EMAIL_1>!";

    assertThat(r.restore(output)).isEqualTo("Reply to bob@example.org (cc jane@example.com, bob@example.org); "
        + "refund to DE89370400440532013000. jane@example.com!");
  }

  @Test
  void restore_leavesUnknownAndBrokenPlaceholdersAlone() {
    Redacted r = redactor.redact("jane@example.com");
    assertThat(r.restore("<EMAIL_9> <EMAIL_1 <EMAIL_1>> <<EMAIL_1>")).isEqualTo(
        "<EMAIL_9> <EMAIL_1 jane@example.com> <jane@example.com");
    assertThat(r.restore(null)).isNull();
  }

  @Test
  void redact_inputThatAlreadyContainsAPlaceholder_skipsThatNumber() {
    Redacted r = redactor.redact("the template says <EMAIL_1>; the user is jane@example.com");

    assertThat(r.value()).isEqualTo("the template says <EMAIL_1>; the user is <EMAIL_2>");
    assertThat(r.restore((String) r.value())).isEqualTo("the template says <EMAIL_1>; the user is jane@example.com");
  }

  record Letter(String to, List<String> lines, Map<String, Object> meta, int pages) {}

  @Test
  void redact_recordsMapsAndLists_keepTheirShape() {
    Letter letter = new Letter("jane@example.com", List.of("call +33612345678", "hi"),
        Map.of("ssn", "536-22-1234", "count", 3), 2);

    Redacted r = redactor.redact(letter);

    assertThat(r.value()).isEqualTo(new Letter("<EMAIL_1>", List.of("call <PHONE_1>", "hi"),
        Map.of("ssn", "<NATIONAL_ID_1>", "count", 3), 2));
    assertThat(r.restoreAll(r.value())).isEqualTo(letter);
  }

  @Test
  void redact_onlyTheNamedClasses() {
    Redactor emailsOnly = Redactor.of(Classifier.standard(), Set.of("pii.email"));
    assertThat(emailsOnly.redact("jane@example.com +33612345678").value()).isEqualTo("<EMAIL_1> +33612345678");
    assertThatThrownBy(() -> Redactor.of(Classifier.standard(), Set.of())).hasMessageContaining("at least one");
    assertThatThrownBy(() -> Redactor.of(Classifier.standard(), Set.of("Bad Class")))
        .hasMessageContaining("'Bad Class'");
  }

  @Test
  void redact_secrets_useTheSecretLabel() {
    assertThat(redactor.redact("key sk-proj-abcdefghijklmnopqrstuvwxyz012345 ok").value())
        .isEqualTo("key <SECRET_1> ok");
  }

  @Test
  void redact_typeThatCannotBeRewritten_isRefusedNotSent() {
    Object opaque = new StringBuilder("jane@example.com").chars().boxed().toList(); // fine: a list of numbers
    assertThat(redactor.redact(opaque).originals()).isEmpty();
    assertThatThrownBy(() -> redactor.redact(new java.util.Date()))
        .isInstanceOf(AtomicException.class)
        .hasMessageContaining("cannot redact a java.util.Date");
  }

  @Test
  void restoreAll_outputsOfOtherTypes_areReturnedAsTheyAre() {
    Redacted r = redactor.redact("jane@example.com");
    java.util.Date date = new java.util.Date(0);
    assertThat(r.restoreAll(date)).isSameAs(date);
    assertThat(r.restoreAll(42)).isEqualTo(42);
    assertThat(r.restoreAll(List.of("<EMAIL_1>"))).isEqualTo(List.of("jane@example.com"));
  }
}
