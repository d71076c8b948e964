package dev.atomic.governance.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.AtomicException;
import dev.atomic.task.Microtask;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ClassifierTest {

  private final Classifier classifier = Classifier.standard();

  private List<String> found(String text, String dataClass) {
    return classifier.scan(text).spans().stream()
        .filter(s -> s.dataClass().equals(dataClass))
        .map(s -> s.in(text))
        .toList();
  }

  // ---- e-mail -----------------------------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"jane.doe@example.com", "j+tag@mail.example.co.uk", "X_Y%z-1@sub-domain.example.org"})
  void scan_findsEmails(String email) {
    assertThat(found("write to " + email + ", thanks", DataClasses.EMAIL)).containsExactly(email);
  }

  @ParameterizedTest
  @ValueSource(strings = {"user@localhost", "a@b.c", "@example.com", "user@-bad.com", "user@example.c0m",
      "user@.example.com", "see me @ noon", "x@y", ".@example.com"})
  void scan_ignoresNonEmails(String text) {
    assertThat(found(text, DataClasses.EMAIL)).isEmpty();
  }

  @Test
  void scan_findsEveryEmailOfAList() {
    assertThat(found("a@x.io;b@y.io, c@z.io", DataClasses.EMAIL)).containsExactly("a@x.io", "b@y.io", "c@z.io");
  }

  // ---- phone ------------------------------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"+44 20 7946 0958", "+44 (0)20 7946 0958", "+33612345678", "+1-212-555-0147",
      "(212) 555-0147", "212-555-0147", "212.555.0147", "1 212 555 0147", "06 12 34 56 78", "020 7946 0958",
      "0612345678", "0044 20 7946 0958", "+49 30 901820"})
  void scan_findsPhoneNumbers(String phone) {
    assertThat(found("call " + phone + " today", DataClasses.PHONE)).containsExactly(phone);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-01-15", "15.01.2024", "01/15/2024", "1234567890", "order 98765", "3.14159265",
      "10:30:00", "+1234", "v1.2.3", "0.1234567891", "123-456-7890", "2024-01-15 10:30", "1 2 3 4 5 6 7 8 9 10",
      "0 12-345.6789", "00000000000"})
  void scan_ignoresPlainNumbersAndDates(String text) {
    assertThat(found(text, DataClasses.PHONE)).isEmpty();
  }

  @Test
  void scan_phoneFollowedByADateOrACard_isFoundAlone() {
    assertThat(found("+33612345678 2024-01-15", DataClasses.PHONE)).containsExactly("+33612345678");
    assertThat(found("212-555-0147 2024", DataClasses.PHONE)).containsExactly("212-555-0147");
    assertThat(found("0612345678 0698765432", DataClasses.PHONE)).containsExactly("0612345678", "0698765432");
    Classification both = classifier.scan("+33612345678 4111 1111 1111 1111");
    assertThat(both.spans()).extracting(s -> s.in("+33612345678 4111 1111 1111 1111"))
        .containsExactly("+33612345678", "4111 1111 1111 1111");
  }

  // ---- cards ------------------------------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111", "5500000000000004",
      "340000000000009", "3782 822463 10005", "6011000000000004", "4012888888881881"})
  void scan_findsLuhnValidCards(String card) {
    assertThat(found("card: " + card + ".", DataClasses.CARD)).containsExactly(card);
  }

  @ParameterizedTest
  @ValueSource(strings = {"4111111111111112", "4111 1111 1111 1112", "1111111111111117", "41111111111111111111111",
      "x4111111111111111", "4111111111111111x", "411111111111"})
  void scan_ignoresInvalidCards(String text) {
    assertThat(found(text, DataClasses.CARD)).isEmpty();
  }

  @Test
  void scan_findsCardFollowedByMoreDigits() {
    assertThat(found("4111 1111 1111 1111 12 28", DataClasses.CARD)).containsExactly("4111 1111 1111 1111");
  }

  @Test
  void scan_reportsCardOnceNotAlsoAsPhone() {
    Classification c = classifier.scan("0612 3456 7890 1234");
    assertThat(c.spans()).allMatch(s -> !s.dataClass().equals(DataClasses.PHONE) || c.spans().size() == 1);
    assertThat(classifier.scan("4111 1111 1111 1111").spans()).hasSize(1);
  }

  // ---- IBAN -------------------------------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"DE89370400440532013000", "DE89 3704 0044 0532 0130 00", "GB82WEST12345698765432",
      "GB82 WEST 1234 5698 7654 32", "FR1420041010050500013M02606", "NL91ABNA0417164300", "NL91abna0417164300"})
  void scan_findsIbans(String iban) {
    assertThat(found("pay to " + iban + " now", DataClasses.IBAN)).containsExactly(iban);
  }

  @ParameterizedTest
  @ValueSource(strings = {"DE89370400440532013001", "DE8937040044053201300", "DE893704004405320130000",
      "XX89370400440532013000", "GB82WEST1234569876543", "de89370400440532013000", "ADE89370400440532013000"})
  void scan_ignoresInvalidIbans(String text) {
    assertThat(found(text, DataClasses.IBAN)).isEmpty();
  }

  // ---- national ids -----------------------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"536-22-1234", "536 22 1234", "AB 12 34 56 C", "AB123456C", "1 84 01 76 451 089 64",
      "184017645108964", "2 69 02 2A 312 345 10", "12345678Z", "12345678-Z", "X1234567L", "Y-1234567-X",
      "RSSMRA85T10A562S", "BNCGLI80A01H501Y"})
  void scan_findsNationalIds(String id) {
    assertThat(found("id " + id + " ok", DataClasses.NATIONAL_ID)).containsExactly(id);
  }

  @ParameterizedTest
  @ValueSource(strings = {"000-12-3456", "666-12-3456", "912-34-5678", "536-00-1234", "536-22-0000", "078-05-1120",
      "536-22 1234", "536221234", "DA123456C", "AO123456C", "GB123456A", "AB123456E", "1 84 01 76 451 089 65",
      "1 84 13 76 451 089 64", "12345678A", "X1234567A", "RSSMRA85T10A562T", "536-22-1234-5"})
  void scan_ignoresInvalidNationalIds(String text) {
    assertThat(found(text, DataClasses.NATIONAL_ID)).isEmpty();
  }

  // ---- secrets ----------------------------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"sk-proj-abcdefghijklmnopqrstuvwxyz012345", "sk-ant-api03-AbCdEfGhIjKlMnOpQrStUv",
      "ghp_abcdefghijklmnopqrstuvwxyzABCDEFGHIJ", "AKIAIOSFODNN7EXAMPLE", "xoxb-123456789012-abcdefghij",
      "glpat-abcdefghij1234567890", "AIzaSyA1234567890abcdefghijklmnopqrstuv", "sk_live_abcdefghijklmnop1234"})
  void scan_findsApiKeysByPrefix(String key) {
    assertThat(found("key=" + key + ".", DataClasses.API_KEY)).containsExactly(key);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sk-short", "risk-assessment-of-the-project", "AKIA1234", "ghp_short", "task-manager"})
  void scan_ignoresShortOrOrdinaryTokens(String text) {
    assertThat(classifier.scan(text).classes()).noneMatch(c -> c.startsWith("secret."));
  }

  @Test
  void scan_findsPrivateKeyBlocks() {
    String pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA1234\n-----END RSA PRIVATE KEY-----";
    assertThat(found("here:\n" + pem + "\nbye", DataClasses.PRIVATE_KEY)).containsExactly(pem);
    assertThat(found("-----BEGIN PRIVATE KEY-----\nMIIE", DataClasses.PRIVATE_KEY))
        .containsExactly("-----BEGIN PRIVATE KEY-----");
    assertThat(found("-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----", DataClasses.PRIVATE_KEY))
        .isEmpty();
  }

  @Test
  void scan_findsJwts() {
    String jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0."
        + "dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
    assertThat(found("Authorization: Bearer " + jwt, DataClasses.JWT)).containsExactly(jwt);
    assertThat(found("eyJhbGciOiJIUzI1NiJ9.notjson.sig", DataClasses.JWT)).isEmpty();
  }

  @Test
  void scan_findsHighEntropyStrings() {
    assertThat(found("token Xk9pQ2mZ7vB4nR8tL1wY5cF3 end", DataClasses.HIGH_ENTROPY))
        .containsExactly("Xk9pQ2mZ7vB4nR8tL1wY5cF3");
  }

  @ParameterizedTest
  @ValueSource(strings = {"MyClassNameForSomething2024Version", "getUserAccountBalanceV2Async",
      "2f7c9a1b3d4e5f60718293a4b5c6d7e8", "550e8400-e29b-41d4-a716-446655440000", "/usr/lib/jvm/temurin-25-jdk-amd64",
      "internationalization", "ThisIsAVeryLongIdentifier123"})
  void scan_ignoresIdentifiersDigestsAndPaths(String text) {
    assertThat(found(text, DataClasses.HIGH_ENTROPY)).isEmpty();
  }

  @Test
  void highEntropy_detectsMostRandomBase62TokensOfLength24() {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    var random = new java.util.SplittableRandom(7);
    int detected = 0;
    for (int i = 0; i < 1000; i++) {
      StringBuilder token = new StringBuilder();
      for (int k = 0; k < 24; k++) {
        token.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      detected += SecretDetector.highEntropy(token.toString()) ? 1 : 0;
    }
    assertThat(detected).isGreaterThanOrEqualTo(900);
  }

  // ---- classification of tasks ------------------------------------------------------------------------------------

  @Test
  void classify_addsDetectedAndDeclaredClassesToTheTask() {
    Classifier withDeclared = Classifier.builder().standardDetectors().declare("phi.record").build();
    Microtask task = Microtask.builder("email.reply").input("from jane@example.com, card 4111111111111111")
        .dataClasses(Set.of("internal")).build();

    Microtask classified = withDeclared.classify(task);

    assertThat(classified.dataClasses())
        .containsExactlyInAnyOrder("internal", "phi.record", DataClasses.EMAIL, DataClasses.CARD);
    assertThat(classified.id()).isEqualTo(task.id());
    assertThat(classified.input()).isSameAs(task.input());
  }

  record Ticket(String subject, Map<String, Object> fields, List<String> notes, long account) {}

  @Test
  void classesOf_readsRecordsMapsListsAndNumbers() {
    Object input = new Ticket("hello", Map.of("iban", "DE89370400440532013000"), List.of("call +33612345678"),
        4111111111111111L);

    assertThat(classifier.classesOf(input))
        .containsExactlyInAnyOrder(DataClasses.IBAN, DataClasses.PHONE, DataClasses.CARD);
  }

  @Test
  void classesOf_visitsCyclicStructuresOnce() {
    List<Object> cycle = new ArrayList<>();
    cycle.add("a@example.com");
    cycle.add(cycle);
    assertThat(classifier.classesOf(cycle)).containsExactly(DataClasses.EMAIL);
  }

  @Test
  void classesOf_tooDeepInput_failsWithClearError() {
    Object deep = "x";
    for (int i = 0; i < 40; i++) {
      deep = List.of(deep);
    }
    Object input = deep;
    assertThatThrownBy(() -> classifier.classesOf(input))
        .isInstanceOf(AtomicException.class)
        .hasMessageContaining("deeper than 32 levels");
  }

  @Test
  void builder_rejectsBadClassNames() {
    assertThatThrownBy(() -> Classifier.builder().declare("PII Email"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'PII Email'");
    assertThatThrownBy(() -> Classifier.builder().build()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void scan_hostileInputs_complete() {
    // Long adversarial strings for each scanner; they must finish (linear scanners), and find nothing here.
    for (String unit : List.of("@", "a@", "a.", "1 ", "1-", "+1 ", "(1", "DE89", "sk-", "eyJ.", "-----BEGIN ", "0 ",
        "AB12", "1 2", "x@y.", "aA1")) {
      String hostile = unit.repeat(50_000 / unit.length());
      assertThat(classifier.scan(hostile).spans().size()).isLessThan(50_000);
    }
  }
}
