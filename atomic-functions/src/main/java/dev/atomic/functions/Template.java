package dev.atomic.functions;

import dev.langchain4j.model.input.PromptTemplate;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prompt template in LangChain4j's syntax ({@code {{name}}}), checked when the function is created: every
 * placeholder must name a parameter. Rendering is LangChain4j's.
 */
final class Template {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

  private final String text;
  private final PromptTemplate template;
  private final Set<String> placeholders;

  private Template(String text) {
    this.text = text;
    this.template = PromptTemplate.from(text);
    this.placeholders = placeholders(text);
  }

  static Template of(String text) {
    return new Template(text);
  }

  static Set<String> placeholders(String text) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  Set<String> placeholders() {
    return placeholders;
  }

  String text() {
    return text;
  }

  String render(Map<String, Object> values) {
    return template.apply(values).text();
  }
}
