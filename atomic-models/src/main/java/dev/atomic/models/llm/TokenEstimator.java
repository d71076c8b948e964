package dev.atomic.models.llm;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Estimates how many tokens a text costs, to price a bid before the call. Estimates only need to be close: the
 * exchange learns each bidder's real cost from the usage the provider reports, so a steady bias is corrected.
 */
@FunctionalInterface
public interface TokenEstimator {

  /** How many tokens the text is expected to take; 0 for an empty text. */
  int count(String text);

  /**
   * A script-aware character heuristic with no vocabulary: about 4 characters a token for ASCII text (the usual rule of
   * thumb for English on BPE vocabularies), 2.5 for accented Latin, 2 for every other script (Greek, Cyrillic,
   * Arabic, Hebrew, Indic, punctuation beyond ASCII), and one token per character for Chinese, Japanese and Korean,
   * which BPE vocabularies split finely. On RouterBench's English prompts its total is within 1% of cl100k's.
   */
  static TokenEstimator heuristic() {
    return HeuristicTokenEstimator.INSTANCE;
  }

  /** Exact counts under OpenAI's {@code o200k_base} vocabulary (GPT-4o and later), through JTokkit. */
  static TokenEstimator o200k() {
    return tiktoken(EncodingType.O200K_BASE);
  }

  /** Exact counts under OpenAI's {@code cl100k_base} vocabulary (GPT-4, GPT-3.5), through JTokkit. */
  static TokenEstimator cl100k() {
    return tiktoken(EncodingType.CL100K_BASE);
  }

  private static TokenEstimator tiktoken(EncodingType type) {
    Encoding encoding = Encodings.newLazyEncodingRegistry().getEncoding(type);
    // Ordinary counting: a prompt that contains "<|endoftext|>" is text, not a control token.
    return text -> text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
  }
}
