package dev.atomic.governance.classify;

/** The stable names of the data classes the built-in detectors report; policies and audit entries use them. */
public final class DataClasses {

  public static final String EMAIL = "pii.email";
  public static final String PHONE = "pii.phone";
  public static final String IBAN = "pii.iban";
  public static final String NATIONAL_ID = "pii.national_id";
  public static final String CARD = "pci.card";
  /** A token with a known provider prefix ({@code sk-}, {@code ghp_}, {@code AKIA}, {@code xoxb-}, ...). */
  public static final String API_KEY = "secret.api_key";
  /** A PEM private key block. */
  public static final String PRIVATE_KEY = "secret.private_key";
  /** A JSON Web Token. */
  public static final String JWT = "secret.jwt";
  /** A random-looking string that is probably a credential (see {@code SecretDetector} for the threshold). */
  public static final String HIGH_ENTROPY = "secret.high_entropy";

  private DataClasses() {}
}
