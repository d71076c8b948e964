package dev.atomic.examples.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atomic.AtomicException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The sample inbox shipped with the example: 220 e-mails written for this project, with their true labels. */
public final class Inbox {

  /**
   * One message and what is true about it.
   *
   * @param feedback whether the demo tells the exchange the truth about this message (as a person reviewing it would)
   */
  public record Message(Email email, Spam spam, Category category, String language, boolean feedback) {}

  private static final String RESOURCE = "/triage/inbox.jsonl";

  private Inbox() {}

  public static List<Message> sample() {
    try (InputStream in = Inbox.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new AtomicException("the sample inbox " + RESOURCE + " is not on the classpath");
      }
      return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new AtomicException("cannot read the sample inbox: " + e.getMessage(), e);
    }
  }

  static List<Message> read(BufferedReader reader) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Message> messages = new ArrayList<>();
    String line;
    int number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonNode m = json.readTree(line);
        messages.add(new Message(
            new Email(m.get("id").asText(), m.get("from").asText(), m.get("subject").asText(), m.get("body").asText()),
            m.get("spam").asBoolean() ? Spam.SPAM : Spam.HAM,
            Category.valueOf(m.get("category").asText().toUpperCase(Locale.ROOT)),
            m.get("language").asText(),
            m.get("feedback").asBoolean()));
      } catch (IOException | RuntimeException e) {
        throw new AtomicException("sample inbox line " + number + " is not a message: " + e.getMessage(), e);
      }
    }
    return messages;
  }
}
