package dev.atomic.models.llm.gguf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a tiny, valid GGUF v3 file of the {@code llama} architecture with random weights, so that the in-process route
 * can be tested where no real model can be downloaded. It knows nothing and answers noise, but llama.cpp loads it,
 * tokenizes with it, samples from it and constrains it with grammars exactly as it would a real model.
 *
 * <p>The vocabulary is a SentencePiece ("llama") one: {@code <unk>}, {@code <s>}, {@code </s>}, the 256 byte-fallback
 * tokens {@code <0x00>}..{@code <0xFF>} (so any text tokenizes), and a few dozen word pieces. Weights are F32.
 * Layout per the GGUF spec: header, metadata, tensor infos, padding to the alignment, tensor data.
 */
final class TinyGguf {

  static final int EMBEDDING = 32;
  static final int HEADS = 4;
  static final int FEED_FORWARD = 64;
  static final int LAYERS = 1;
  static final int CONTEXT = 256;
  private static final int ALIGNMENT = 32;
  private static final String[] WORDS = {
      "▁the", "▁a", "▁is", "▁spam", "▁ham", "▁mail", "▁yes", "▁no", "▁true", "▁false", "▁hello", "▁world",
      "▁win", "▁prize", "▁now", "▁free", "{", "}", "\"", ":", ",", "▁", "e", "a", "s", "t", "r", "u", "l", "f", "n"};

  // GGUF value types.
  private static final int UINT32 = 4;
  private static final int INT32 = 5;
  private static final int FLOAT32 = 6;
  private static final int BOOL = 7;
  private static final int STRING = 8;
  private static final int ARRAY = 9;
  // Token types of llama.cpp's vocabulary.
  private static final int NORMAL = 1;
  private static final int UNKNOWN = 2;
  private static final int CONTROL = 3;
  private static final int BYTE = 6;

  private TinyGguf() {}

  /** The vocabulary, in id order. */
  static List<String> vocabulary() {
    List<String> tokens = new ArrayList<>(List.of("<unk>", "<s>", "</s>"));
    for (int b = 0; b < 256; b++) {
      tokens.add(String.format("<0x%02X>", b));
    }
    tokens.addAll(List.of(WORDS));
    return tokens;
  }

  /** Writes the model to {@code file}, its weights drawn from a generator seeded with {@code seed}. */
  static Path write(Path file, long seed) {
    List<String> vocab = vocabulary();
    int n = vocab.size();
    Map<String, long[]> tensors = new LinkedHashMap<>();
    tensors.put("token_embd.weight", new long[] {EMBEDDING, n});
    tensors.put("output_norm.weight", new long[] {EMBEDDING});
    tensors.put("output.weight", new long[] {EMBEDDING, n});
    for (int layer = 0; layer < LAYERS; layer++) {
      String p = "blk." + layer + ".";
      tensors.put(p + "attn_norm.weight", new long[] {EMBEDDING});
      tensors.put(p + "attn_q.weight", new long[] {EMBEDDING, EMBEDDING});
      tensors.put(p + "attn_k.weight", new long[] {EMBEDDING, EMBEDDING});
      tensors.put(p + "attn_v.weight", new long[] {EMBEDDING, EMBEDDING});
      tensors.put(p + "attn_output.weight", new long[] {EMBEDDING, EMBEDDING});
      tensors.put(p + "ffn_norm.weight", new long[] {EMBEDDING});
      tensors.put(p + "ffn_gate.weight", new long[] {EMBEDDING, FEED_FORWARD});
      tensors.put(p + "ffn_down.weight", new long[] {FEED_FORWARD, EMBEDDING});
      tensors.put(p + "ffn_up.weight", new long[] {EMBEDDING, FEED_FORWARD});
    }

    Out out = new Out();
    out.bytes("GGUF".getBytes(StandardCharsets.US_ASCII));
    out.u32(3);
    out.u64(tensors.size());
    out.u64(17);
    out.kvString("general.architecture", "llama");
    out.kvString("general.name", "atomic-tiny-random");
    out.kvU32("general.alignment", ALIGNMENT);
    out.kvU32("llama.context_length", CONTEXT);
    out.kvU32("llama.embedding_length", EMBEDDING);
    out.kvU32("llama.block_count", LAYERS);
    out.kvU32("llama.feed_forward_length", FEED_FORWARD);
    out.kvU32("llama.attention.head_count", HEADS);
    out.kvU32("llama.attention.head_count_kv", HEADS);
    out.kvF32("llama.attention.layer_norm_rms_epsilon", 1e-5f);
    out.kvString("tokenizer.ggml.model", "llama");
    out.kvStrings("tokenizer.ggml.tokens", vocab);
    float[] scores = new float[n];
    int[] types = new int[n];
    for (int i = 0; i < n; i++) {
      String t = vocab.get(i);
      types[i] = i == 0 ? UNKNOWN : i <= 2 ? CONTROL : t.startsWith("<0x") ? BYTE : NORMAL;
      // Longer pieces score higher, so SentencePiece prefers them over byte fallback.
      scores[i] = types[i] == NORMAL ? -10f + t.length() : -1000f;
    }
    out.kvF32s("tokenizer.ggml.scores", scores);
    out.kvI32s("tokenizer.ggml.token_type", types);
    out.kvU32("tokenizer.ggml.bos_token_id", 1);
    out.kvU32("tokenizer.ggml.eos_token_id", 2);
    out.kvBool("tokenizer.ggml.add_bos_token", true);

    long offset = 0;
    for (Map.Entry<String, long[]> t : tensors.entrySet()) {
      out.string(t.getKey());
      out.u32(t.getValue().length);
      for (long d : t.getValue()) {
        out.u64(d);
      }
      out.u32(0); // F32
      out.u64(offset);
      offset = align(offset + 4 * elements(t.getValue()));
    }
    out.pad();

    SplittableRandom random = new SplittableRandom(seed);
    for (Map.Entry<String, long[]> t : tensors.entrySet()) {
      long count = elements(t.getValue());
      boolean norm = t.getKey().endsWith("norm.weight");
      for (long i = 0; i < count; i++) {
        out.f32(norm ? 1f : (float) (random.nextGaussian() * 0.5));
      }
      out.pad();
    }
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer data = out.buffer.flip();
      while (data.hasRemaining()) {
        channel.write(data);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return file;
  }

  private static long elements(long[] dims) {
    long count = 1;
    for (long d : dims) {
      count *= d;
    }
    return count;
  }

  private static long align(long offset) {
    return (offset + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
  }

  /** A growing little-endian buffer with GGUF's primitive encodings. */
  private static final class Out {
    ByteBuffer buffer = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);

    private void room(int bytes) {
      if (buffer.remaining() < bytes) {
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(buffer.capacity() * 2, buffer.position() + bytes))
            .order(ByteOrder.LITTLE_ENDIAN);
        buffer.flip();
        bigger.put(buffer);
        buffer = bigger;
      }
    }

    void bytes(byte[] b) {
      room(b.length);
      buffer.put(b);
    }

    void u32(int v) {
      room(4);
      buffer.putInt(v);
    }

    void u64(long v) {
      room(8);
      buffer.putLong(v);
    }

    void f32(float v) {
      room(4);
      buffer.putFloat(v);
    }

    void string(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      u64(b.length);
      bytes(b);
    }

    void pad() {
      while (buffer.position() % ALIGNMENT != 0) {
        bytes(new byte[] {0});
      }
    }

    void kvString(String key, String value) {
      string(key);
      u32(STRING);
      string(value);
    }

    void kvU32(String key, int value) {
      string(key);
      u32(UINT32);
      u32(value);
    }

    void kvF32(String key, float value) {
      string(key);
      u32(FLOAT32);
      f32(value);
    }

    void kvBool(String key, boolean value) {
      string(key);
      u32(BOOL);
      bytes(new byte[] {(byte) (value ? 1 : 0)});
    }

    void kvStrings(String key, List<String> values) {
      string(key);
      u32(ARRAY);
      u32(STRING);
      u64(values.size());
      values.forEach(this::string);
    }

    void kvF32s(String key, float[] values) {
      string(key);
      u32(ARRAY);
      u32(FLOAT32);
      u64(values.length);
      for (float v : values) {
        f32(v);
      }
    }

    void kvI32s(String key, int[] values) {
      string(key);
      u32(ARRAY);
      u32(INT32);
      u64(values.length);
      for (int v : values) {
        u32(v);
      }
    }
  }
}
