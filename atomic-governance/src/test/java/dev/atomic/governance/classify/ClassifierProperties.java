package dev.atomic.governance.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ClassifierProperties {

  private final Classifier classifier = Classifier.standard();

  /** A card number of a real network prefix with the Luhn digit appended. */
  @Provide
  Arbitrary<String> validCards() {
    Arbitrary<String> prefix = Arbitraries.of("4", "51", "55", "2221", "2720", "34", "37", "35", "36", "6011", "62");
    Arbitrary<Integer> length = Arbitraries.integers().between(13, 19);
    return Combinators.combine(prefix, length, Arbitraries.longs().between(0, Long.MAX_VALUE))
        .as((p, n, seed) -> {
          var random = new java.util.SplittableRandom(seed);
          StringBuilder body = new StringBuilder(p);
          while (body.length() < n - 1) {
            body.append(random.nextInt(10));
          }
          return body.append(luhnDigit(body)).toString();
        });
  }

  static int luhnDigit(CharSequence body) {
    for (int d = 0; d <= 9; d++) {
      if (Checksums.luhn(body.toString() + d)) {
        return d;
      }
    }
    throw new AssertionError();
  }

  private static String group(String digits, long seed) {
    var random = new java.util.SplittableRandom(seed);
    String separator = random.nextBoolean() ? " " : "-";
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < digits.length()) {
      int size = Math.min(digits.length() - i, 3 + random.nextInt(3));
      if (i > 0) {
        out.append(separator);
      }
      out.append(digits, i, i + size);
      i += size;
    }
    return out.toString();
  }

  @Property(seed = "20261132")
  void anyValidCardWithSeparators_isDetected(@ForAll("validCards") String card, @ForAll long seed) {
    String text = "pay with " + group(card, seed) + " please";
    assertThat(classifier.scan(text).classes()).contains(DataClasses.CARD);
  }

  @Property(seed = "20261133")
  void aCardWithOneDigitChanged_isNotDetected(
      @ForAll("validCards") String card, @ForAll @IntRange(min = 0, max = 18) int position,
      @ForAll @IntRange(min = 1, max = 9) int delta) {
    int at = position % card.length();
    char changed = (char) ('0' + (card.charAt(at) - '0' + delta) % 10);
    String wrong = card.substring(0, at) + changed + card.substring(at + 1);
    // A single changed digit always breaks the Luhn sum.
    assertThat(classifier.scan("card " + wrong).classes()).doesNotContain(DataClasses.CARD);
  }

  @Provide
  Arbitrary<String> validIbans() {
    Arbitrary<String> country = Arbitraries.of(List.copyOf(IbanDetector.LENGTHS.keySet()));
    return Combinators.combine(country, Arbitraries.longs()).as((c, seed) -> {
      var random = new java.util.SplittableRandom(seed);
      String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
      StringBuilder bban = new StringBuilder();
      while (bban.length() < IbanDetector.LENGTHS.get(c) - 4) {
        bban.append(alphabet.charAt(random.nextInt(random.nextBoolean() ? 10 : alphabet.length())));
      }
      return c + Checksums.ibanCheckDigits(c, bban.toString()) + bban;
    });
  }

  @Property(seed = "20261134")
  void anyIbanWithCorrectChecksum_isDetected(@ForAll("validIbans") String iban, @ForAll boolean spaced) {
    String written = spaced ? iban.replaceAll("(.{4})(?!$)", "$1 ") : iban;
    List<Span> spans = classifier.scan("IBAN: " + written + ".").spans();
    assertThat(spans).extracting(Span::dataClass).contains(DataClasses.IBAN);
  }

  @Property(seed = "20261135")
  void anIbanWithWrongCheckDigits_isNotDetected(@ForAll("validIbans") String iban) {
    int check = Integer.parseInt(iban.substring(2, 4));
    String wrong = iban.substring(0, 2) + String.format("%02d", (check + 1) % 100) + iban.substring(4);
    assertThat(classifier.scan(wrong).classes()).doesNotContain(DataClasses.IBAN);
  }

  @Property(seed = "20261136")
  void anySimpleEmail_isDetectedWhole(
      @ForAll("words") String user, @ForAll("words") String host, @ForAll("tlds") String tld) {
    String email = user + "@" + host + "." + tld;
    assertThat(classifier.scan("mail " + email + ", bye").spans())
        .anySatisfy(s -> assertThat(s.in("mail " + email + ", bye")).isEqualTo(email));
  }

  @Provide
  Arbitrary<String> words() {
    return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12);
  }

  @Provide
  Arbitrary<String> tlds() {
    return Arbitraries.of("com", "org", "eu", "fr", "co.uk", "museum");
  }

  @Property(seed = "20261137")
  void anyDniWithItsLetter_isDetected(@ForAll @IntRange(min = 0, max = 99_999_999) int number) {
    String dni = String.format("%08d", number) + Checksums.dniLetter(number);
    assertThat(classifier.scan("DNI " + dni).classes()).contains(DataClasses.NATIONAL_ID);
  }

  /** The fuzz part: any text at all, including hostile shapes, classifies without an exception. */
  @Property(tries = 1500, seed = "20261138")
  void anyText_classifiesWithoutError(@ForAll("texts") String text) {
    Classification c = classifier.scan(text);
    for (Span s : c.spans()) {
      assertThat(s.end()).isLessThanOrEqualTo(text.length());
    }
    for (int i = 1; i < c.spans().size(); i++) {
      assertThat(c.spans().get(i).start()).isGreaterThanOrEqualTo(c.spans().get(i - 1).end());
    }
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> pieces = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(40),
        Arbitraries.strings().withChars("0123456789 -.+()@/").ofMaxLength(40),
        Arbitraries.strings().withChars("aAzZ09@.-_+=/ \n").ofMaxLength(60),
        Arbitraries.of("@", "+", "(", "-----BEGIN ", "PRIVATE KEY-----", "-----END ", "eyJ", ".", "sk-", "DE89",
            "4111", " ", "00", "2A", "X", "\u00e9", "\ud83d\ude00", "\u0000"));
    return pieces.list().ofMaxSize(30).map(list -> String.join("", list));
  }
}
