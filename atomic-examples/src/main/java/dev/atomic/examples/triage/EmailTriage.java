package dev.atomic.examples.triage;

import dev.atomic.functions.Instructions;
import dev.atomic.functions.Limits;
import dev.atomic.functions.Result;
import dev.atomic.functions.Task;

/**
 * The triage microtasks as typed functions: the same kinds the pipeline uses, callable one by one. Local models serve
 * them by their contract; an LLM, when one is configured, reads the instructions.
 */
@Limits(maxCostUsd = 0.01, latencySloMs = 5_000)
public interface EmailTriage {

  @Task("email.spam")
  @Instructions("Is this e-mail unsolicited bulk mail (SPAM) or a genuine message (HAM)?\n\n{{text}}")
  Result<Spam> spam(String text);

  @Task("email.category")
  @Instructions("Which team should handle this e-mail?\n\n{{text}}")
  Result<Category> category(String text);

  @Task("email.sentiment")
  @Instructions("What is the tone of this e-mail?\n\n{{text}}")
  Sentiment sentiment(String text);

  @Task("email.language")
  @Instructions("Which language is this e-mail written in? Answer with its ISO 639-3 code.\n\n{{text}}")
  String language(String text);
}
