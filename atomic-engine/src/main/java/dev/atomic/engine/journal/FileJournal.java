package dev.atomic.engine.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.atomic.AtomicException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A journal in a directory: one append-only JSON-lines file per run ({@code <runId>.jsonl}), forced to disk before
 * {@link #append} returns, so a new process can resume a run the old one left.
 *
 * <p>A crash can tear the last line; reading ignores a last line that does not parse (that entry was never durable, so
 * its call will be served again), and rejects a bad line anywhere else, because that is corruption, not a crash.
 */
public final class FileJournal implements Journal {

  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

  private final Path directory;
  private final ObjectMapper mapper = JsonMapper.builder().build();
  private final Object lock = new Object();

  private FileJournal(Path directory) {
    this.directory = directory;
  }

  /** A journal in the given directory, created when missing. */
  public static FileJournal in(Path directory) {
    Objects.requireNonNull(directory, "directory");
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the journal directory " + directory, e);
    }
    return new FileJournal(directory);
  }

  @Override
  public void append(String runId, JournalEntry entry) {
    Objects.requireNonNull(entry, "entry");
    Path file = fileOf(runId);
    byte[] line;
    try {
      line = (mapper.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new AtomicException("cannot write journal entry " + entry + " of run " + runId + ": "
          + e.getOriginalMessage(), e);
    }
    // One writer at a time keeps lines whole; runs are few per process, so one lock costs nothing that matters.
    synchronized (lock) {
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND)) {
        ByteBuffer buffer = ByteBuffer.wrap(line);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot append to the journal " + file, e);
      }
    }
  }

  @Override
  public List<JournalEntry> read(String runId) {
    Path file = fileOf(runId);
    if (!Files.exists(file)) {
      return List.of();
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the journal " + file, e);
    }
    List<JournalEntry> entries = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String text = lines.get(i);
      if (text.isBlank()) {
        continue;
      }
      try {
        entries.add(mapper.readValue(text, JournalEntry.class));
      } catch (JsonProcessingException e) {
        if (i == lines.size() - 1) {
          break; // a torn last line: that entry never became durable
        }
        throw new AtomicException("journal " + file + " line " + (i + 1) + " is corrupt: " + e.getOriginalMessage(), e);
      }
    }
    return entries;
  }

  private Path fileOf(String runId) {
    Objects.requireNonNull(runId, "runId");
    if (!RUN_ID.matcher(runId).matches()) {
      throw new IllegalArgumentException("run ids in a file journal are letters, digits, '.', '_' and '-', was '"
          + runId + "'");
    }
    return directory.resolve(runId + ".jsonl");
  }
}
