package dev.atomic.governance.classify;

import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds national identifiers of five countries, each validated as far as its format allows:
 * <ul>
 *   <li>US Social Security number {@code AAA-GG-SSSS} (hyphens or spaces required, one kind): area not 000, 666 or
 *       900-999, group not 00, serial not 0000, and not the two numbers the SSA voided after publication
 *       (078-05-1120, 219-09-9999);
 *   <li>UK National Insurance number {@code QQ 12 34 56 C}: prefix letters the HMRC allocates (first not D F I Q U V,
 *       second not D F I O Q U V, not BG GB KN NK NT TN ZZ), suffix A-D;
 *   <li>French NIR (INSEE number), 13 digits and a 2-digit key, spaces allowed between its fields: sex 1, 2, 3, 4, 7 or
 *       8, a plausible month, department digits or 2A/2B, and key = 97 - (number mod 97);
 *   <li>Spanish DNI (8 digits and a letter) and NIE (X, Y or Z, 7 digits and a letter), with the mod-23 control letter;
 *   <li>Italian codice fiscale, 16 characters in its fixed shape (omocodia letters accepted), with its control letter.
 * </ul>
 * Every pattern has a bounded width and no nested quantifiers, so matching is linear in the text.
 */
final class NationalIdDetector implements Detector {

  private static final String NOT_BEFORE = "(?<![A-Za-z0-9])";
  private static final String NOT_AFTER = "(?![A-Za-z0-9])";
  private static final Pattern SSN =
      Pattern.compile("(?<![A-Za-z0-9-])(\\d{3})([- ])(\\d{2})\\2(\\d{4})(?![A-Za-z0-9]|-\\d)");
  private static final Pattern NINO = Pattern.compile(
      NOT_BEFORE + "([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]) ?(\\d{2}) ?(\\d{2}) ?(\\d{2}) ?([A-D])" + NOT_AFTER);
  private static final Pattern NIR = Pattern.compile(
      NOT_BEFORE + "([1234578]) ?(\\d{2}) ?(\\d{2}) ?(\\d{2}|2[AB]) ?(\\d{3}) ?(\\d{3}) ?(\\d{2})" + NOT_AFTER);
  private static final Pattern DNI = Pattern.compile(NOT_BEFORE + "(\\d{8})-?([A-Z])" + NOT_AFTER);
  private static final Pattern NIE = Pattern.compile(NOT_BEFORE + "([XYZ])-?(\\d{7})-?([A-Z])" + NOT_AFTER);
  private static final Pattern CODICE_FISCALE = Pattern.compile(
      NOT_BEFORE + "[A-Z]{6}[0-9LMNP-V]{2}[ABCDEHLMPRST][0-9LMNP-V]{2}[A-Z][0-9LMNP-V]{3}[A-Z]" + NOT_AFTER);
  private static final Set<String> VOID_SSNS = Set.of("078051120", "219099999");
  private static final Set<String> NINO_NEVER_ISSUED = Set.of("BG", "GB", "KN", "NK", "NT", "TN", "ZZ");

  /** Wider than the widest identifier (a spaced NIR has 21 characters). */
  private static final int MAX_WIDTH = 24;

  /**
   * Hot path. Instead of letting each pattern search the whole text, tries the patterns only at word starts whose first
   * character can begin one of them, each on a bounded region (with transparent bounds, so the boundary look-arounds
   * still see the neighbours). Like {@link Matcher#find()}, a pattern resumes after its own last match.
   */
  @Override
  public void scan(String text, Consumer<Span> found) {
    Candidate[] digitFirst = {
      new Candidate(SSN, text, "us.ssn"), new Candidate(NIR, text, "fr.nir"), new Candidate(DNI, text, "es.dni")};
    Candidate[] letterFirst = {
      new Candidate(NINO, text, "uk.nino"), new Candidate(NIE, text, "es.nie"),
      new Candidate(CODICE_FISCALE, text, "it.codice_fiscale")};
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      Candidate[] candidates = Chars.digit(c) ? digitFirst : Chars.upper(c) ? letterFirst : null;
      if (candidates == null || !Chars.startsWord(text, i)) {
        continue;
      }
      for (Candidate candidate : candidates) {
        Matcher m = candidate.at(i);
        if (m != null && valid(candidate.detector, m)) {
          found.accept(new Span(DataClasses.NATIONAL_ID, candidate.detector, m.start(), m.end()));
        }
      }
    }
  }

  /** One pattern's matcher over the text, and where it may match next. */
  private static final class Candidate {
    private final Matcher matcher;
    private final String detector;
    private final int length;
    private int next;

    Candidate(Pattern pattern, String text, String detector) {
      this.matcher = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
      this.detector = detector;
      this.length = text.length();
    }

    /** The match starting exactly at {@code i}, or null. */
    Matcher at(int i) {
      if (i < next) {
        return null;
      }
      matcher.region(i, Math.min(length, i + MAX_WIDTH));
      if (!matcher.lookingAt()) {
        return null;
      }
      next = matcher.end();
      return matcher;
    }
  }

  private static boolean valid(String detector, Matcher m) {
    return switch (detector) {
      case "us.ssn" -> validSsn(m.group(1), m.group(3), m.group(4));
      case "uk.nino" -> !NINO_NEVER_ISSUED.contains(m.group(1));
      case "fr.nir" -> validNir(m);
      case "es.dni" -> Checksums.dniLetter(Long.parseLong(m.group(1))) == m.group(2).charAt(0);
      case "es.nie" -> Checksums.dniLetter(Long.parseLong("XYZ".indexOf(m.group(1).charAt(0)) + m.group(2)))
          == m.group(3).charAt(0);
      case "it.codice_fiscale" -> Checksums.codiceFiscaleCheck(m.group()) == m.group().charAt(15);
      default -> false;
    };
  }

  static boolean validSsn(String area, String group, String serial) {
    int a = Integer.parseInt(area);
    return a != 0 && a != 666 && a < 900 && !group.equals("00") && !serial.equals("0000")
        && !VOID_SSNS.contains(area + group + serial);
  }

  private static boolean validNir(Matcher m) {
    int month = Integer.parseInt(m.group(3));
    // 1-12, or 20 and 30-42 and 50-99 as used for people born abroad or with an unknown month.
    boolean plausibleMonth = (month >= 1 && month <= 12) || month == 20 || (month >= 30 && month <= 42) || month >= 50;
    if (!plausibleMonth) {
      return false;
    }
    String thirteen = m.group(1) + m.group(2) + m.group(3) + m.group(4) + m.group(5) + m.group(6);
    return Checksums.nirKey(thirteen) == Integer.parseInt(m.group(7));
  }
}
