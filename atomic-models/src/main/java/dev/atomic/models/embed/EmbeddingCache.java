package dev.atomic.models.embed;

import dev.atomic.AtomicException;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link TextEmbedder} that remembers every vector in an append-only file, so that repeated runs (benchmarks,
 * restarts) embed each text once. Keys are SHA-256 digests of the model id and the text, so the file holds no text.
 * A truncated last record (a crash mid-write) is ignored on load. Thread-safe.
 */
public final class EmbeddingCache implements TextEmbedder {

  private final TextEmbedder model;
  private final Path file;
  private final Map<String, float[]> vectors = new ConcurrentHashMap<>();
  private DataOutputStream out;

  private EmbeddingCache(TextEmbedder model, Path file) {
    this.model = model;
    this.file = file;
  }

  /** Opens (or creates) the cache file for the model. */
  public static EmbeddingCache open(TextEmbedder model, Path file) {
    EmbeddingCache cache = new EmbeddingCache(model, file);
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      if (Files.exists(file)) {
        cache.load();
      }
      cache.out = new DataOutputStream(new BufferedOutputStream(
          Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)));
    } catch (IOException e) {
      throw new AtomicException("cannot open the embedding cache " + file + ": " + e.getMessage(), e);
    }
    return cache;
  }

  private void load() throws IOException {
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
      while (true) {
        String key;
        float[] v;
        try {
          key = in.readUTF();
          int n = in.readInt();
          if (n != model.dimension()) {
            throw new AtomicException("embedding cache " + file + " holds vectors of dimension " + n
                + " but model " + model.id() + " has " + model.dimension());
          }
          v = new float[n];
          for (int i = 0; i < n; i++) {
            v[i] = in.readFloat();
          }
        } catch (EOFException end) {
          return;
        }
        vectors.put(key, v);
      }
    }
  }

  public int size() {
    return vectors.size();
  }

  @Override
  public String id() {
    return model.id();
  }

  @Override
  public int dimension() {
    return model.dimension();
  }

  @Override
  public float[] embed(String text) {
    String key = key(text);
    float[] v = vectors.get(key);
    if (v == null) {
      v = model.embed(text);
      remember(key, v);
    }
    return v.clone();
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    List<String> keys = texts.stream().map(this::key).toList();
    List<String> missing = new ArrayList<>();
    List<String> missingKeys = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      if (!vectors.containsKey(keys.get(i)) && !missingKeys.contains(keys.get(i))) {
        missing.add(texts.get(i));
        missingKeys.add(keys.get(i));
      }
    }
    if (!missing.isEmpty()) {
      List<float[]> computed = model.embedAll(missing);
      for (int i = 0; i < missing.size(); i++) {
        remember(missingKeys.get(i), computed.get(i));
      }
    }
    return keys.stream().map(k -> vectors.get(k).clone()).toList();
  }

  private synchronized void remember(String key, float[] v) {
    if (vectors.putIfAbsent(key, v) != null) {
      return;
    }
    try {
      out.writeUTF(key);
      out.writeInt(v.length);
      for (float x : v) {
        out.writeFloat(x);
      }
    } catch (IOException e) {
      throw new AtomicException("cannot append to the embedding cache " + file + ": " + e.getMessage(), e);
    }
  }

  private String key(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(model.id().getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** Writes what is buffered to the file. */
  public synchronized void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new AtomicException("cannot flush the embedding cache " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new AtomicException("cannot close the embedding cache " + file + ": " + e.getMessage(), e);
    }
    model.close();
  }
}
