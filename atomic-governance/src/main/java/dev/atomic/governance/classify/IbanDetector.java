package dev.atomic.governance.classify;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Finds IBANs: a country code of the IBAN registry, two check digits and the country's exact number of characters,
 * written unbroken or with single spaces, passing the ISO 7064 mod-97 check. Lower-case letters after the country code
 * are accepted, as people type them.
 *
 * <p>Each candidate start costs at most 68 steps, so the scan is linear.
 */
final class IbanDetector implements Detector {

  /** Total IBAN length per country, from the SWIFT IBAN registry. */
  static final Map<String, Integer> LENGTHS = Map.ofEntries(
      Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20), Map.entry("AZ", 28),
      Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("BH", 22), Map.entry("BR", 29),
      Map.entry("BY", 28), Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28), Map.entry("CZ", 24),
      Map.entry("DE", 22), Map.entry("DK", 18), Map.entry("DO", 28), Map.entry("EE", 20), Map.entry("EG", 29),
      Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22),
      Map.entry("GE", 22), Map.entry("GI", 23), Map.entry("GL", 18), Map.entry("GR", 27), Map.entry("GT", 28),
      Map.entry("HR", 21), Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IQ", 23),
      Map.entry("IS", 26), Map.entry("IT", 27), Map.entry("JO", 30), Map.entry("KW", 30), Map.entry("KZ", 20),
      Map.entry("LB", 28), Map.entry("LC", 32), Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20),
      Map.entry("LV", 21), Map.entry("LY", 25), Map.entry("MC", 27), Map.entry("MD", 24), Map.entry("ME", 22),
      Map.entry("MK", 19), Map.entry("MR", 27), Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NL", 18),
      Map.entry("NO", 15), Map.entry("PK", 24), Map.entry("PL", 28), Map.entry("PS", 29), Map.entry("PT", 25),
      Map.entry("QA", 29), Map.entry("RO", 24), Map.entry("RS", 22), Map.entry("SA", 24), Map.entry("SC", 31),
      Map.entry("SE", 24), Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27), Map.entry("ST", 25),
      Map.entry("SV", 28), Map.entry("TL", 23), Map.entry("TN", 24), Map.entry("TR", 26), Map.entry("UA", 29),
      Map.entry("VA", 22), Map.entry("VG", 24), Map.entry("XK", 20));

  @Override
  public void scan(String text, Consumer<Span> found) {
    int i = 0;
    while (i + 4 <= text.length()) {
      Integer length = candidateLength(text, i);
      if (length != null) {
        int end = read(text, i, length);
        if (end > 0) {
          found.accept(new Span(DataClasses.IBAN, "iban.mod97", i, end));
          i = end;
          continue;
        }
      }
      i++;
    }
  }

  private static Integer candidateLength(String text, int i) {
    if (!Chars.upper(text.charAt(i)) || !Chars.upper(text.charAt(i + 1)) || !Chars.digit(text.charAt(i + 2))
        || !Chars.digit(text.charAt(i + 3)) || !Chars.startsWord(text, i)) {
      return null;
    }
    return LENGTHS.get(text.substring(i, i + 2));
  }

  /** Collects {@code length} IBAN characters from {@code start}; returns the end index, or -1 when it is no IBAN. */
  private static int read(String text, int start, int length) {
    StringBuilder iban = new StringBuilder(length);
    int i = start;
    while (iban.length() < length && i < text.length()) {
      char c = text.charAt(i);
      if (Chars.digit(c) || Chars.upper(c)) {
        iban.append(c);
      } else if (Chars.lower(c)) {
        iban.append((char) (c - 'a' + 'A'));
      } else if (c == ' ' && i + 1 < text.length() && Chars.alnum(text.charAt(i + 1)) && iban.length() > 0) {
        // a single space between groups
      } else {
        return -1;
      }
      i++;
    }
    if (iban.length() < length || !Chars.endsWord(text, i)) {
      return -1;
    }
    return Checksums.ibanMod97(iban) == 1 ? i : -1;
  }
}
