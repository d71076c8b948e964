package dev.atomic.governance.classify;

/** The check-digit algorithms the detectors validate candidates with; each works on ASCII digits and letters only. */
final class Checksums {

  private static final String DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";
  // Codice fiscale: the value of a character in an odd (1st, 3rd, ...) position; digits map like the letter at the
  // same index (0 like A, 1 like B, ...).
  private static final int[] CF_ODD = {
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23
  };

  private Checksums() {}

  /** Whether the digits (no separators) pass the Luhn check used by payment cards. */
  static boolean luhn(CharSequence digits) {
    int sum = 0;
    boolean twice = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
    }
    return sum % 10 == 0;
  }

  /**
   * The ISO 7064 mod-97 remainder of an IBAN (no spaces, upper case): the first four characters moved to the end, each
   * letter read as two digits (A = 10 ... Z = 35). A valid IBAN gives 1.
   */
  static int ibanMod97(CharSequence iban) {
    int n = iban.length();
    int remainder = 0;
    for (int k = 0; k < n; k++) {
      char c = iban.charAt((k + 4) % n);
      if (c >= '0' && c <= '9') {
        remainder = (remainder * 10 + (c - '0')) % 97;
      } else if (c >= 'A' && c <= 'Z') {
        remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
      } else {
        return -1;
      }
    }
    return remainder;
  }

  /** The two check digits that make {@code countryCode + "00" + bban} a valid IBAN. */
  static String ibanCheckDigits(String country, String bban) {
    int check = 98 - ibanMod97(country + "00" + bban);
    return check < 10 ? "0" + check : Integer.toString(check);
  }

  /** The Spanish DNI/NIE control letter for the number. */
  static char dniLetter(long number) {
    return DNI_LETTERS.charAt((int) (number % 23));
  }

  /**
   * The French NIR key (97 minus the 13-digit number modulo 97); Corsican departments 2A and 2B count as 19 and 18.
   *
   * @param thirteen the first 13 characters, digits except for a possible 2A/2B department
   */
  static int nirKey(String thirteen) {
    String digits = thirteen.replace("2A", "19").replace("2B", "18");
    return (int) (97 - Long.parseLong(digits) % 97);
  }

  /** The Italian codice fiscale control letter for its first 15 characters (upper case). */
  static char codiceFiscaleCheck(CharSequence first15) {
    int sum = 0;
    for (int i = 0; i < 15; i++) {
      char c = first15.charAt(i);
      int index = c >= '0' && c <= '9' ? c - '0' : c - 'A';
      sum += i % 2 == 0 ? CF_ODD[index] : index;
    }
    return (char) ('A' + sum % 26);
  }
}
