package dev.atomic.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dashboard works with no network: every file it is made of names only its own files, never a CDN, a web font or
 * an analytics host. The one absolute URL allowed is SVG's namespace, which is a name, not an address fetched.
 */
class DashboardOfflineTest {

  private static final Pattern ABSOLUTE_URL = Pattern.compile("(?i)(?:https?:)?//[a-z0-9.-]+\\.[a-z]{2,}[^\\s'\"()]*");
  private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

  @ParameterizedTest
  @ValueSource(strings = {"index.html", "app.js", "app.css"})
  void resource_referencesNoOtherHost(String file) throws IOException {
    String text = resource(file);

    assertThat(absoluteUrls(text)).as("absolute URLs in dashboard/%s", file).allMatch(SVG_NAMESPACE::equals);
  }

  @Test
  void page_loadsOnlyItsOwnFiles() throws IOException {
    Matcher refs = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(resource("index.html"));
    List<String> loaded = new ArrayList<>();
    while (refs.find()) {
      loaded.add(refs.group(1));
    }

    assertThat(loaded).isNotEmpty().allSatisfy(ref -> assertThat(ref).doesNotContain(":").doesNotStartWith("//"));
  }

  private static List<String> absoluteUrls(String text) {
    Matcher m = ABSOLUTE_URL.matcher(text);
    List<String> found = new ArrayList<>();
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  private static String resource(String file) throws IOException {
    try (InputStream in = DashboardOfflineTest.class.getResourceAsStream("/dashboard/" + file)) {
      assertThat(in).as("dashboard/%s on the class path", file).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
