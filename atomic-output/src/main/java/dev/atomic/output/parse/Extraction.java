package dev.atomic.output.parse;

import java.util.List;

/**
 * Every value found in one model output, in order of preference, and the repairs made to the output as a whole (such
 * as replacing invalid UTF-8).
 *
 * @param text the output as parsed
 * @param candidates the values found, best source first
 * @param inputRepairs repairs that apply to whichever candidate is chosen
 */
public record Extraction(String text, List<Candidate> candidates, List<Repair> inputRepairs) {

  public Extraction {
    candidates = List.copyOf(candidates);
    inputRepairs = List.copyOf(inputRepairs);
  }
}
