package dev.atomic.cli;

import dev.atomic.models.embed.TextEmbedder;

/** Words starting with the same letter land on the same axis: enough for a head to tell them apart from one example. */
final class LetterEmbedder implements TextEmbedder {

  @Override
  public String id() {
    return "letters";
  }

  @Override
  public int dimension() {
    return 4;
  }

  @Override
  public float[] embed(String text) {
    float[] v = new float[4];
    v[Math.floorMod(text.charAt(0), 4)] = 1;
    return v;
  }
}
