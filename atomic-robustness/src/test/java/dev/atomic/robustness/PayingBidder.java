package dev.atomic.robustness;

import dev.atomic.bidding.Answer;
import dev.atomic.bidding.Bid;
import dev.atomic.bidding.Bidder;
import dev.atomic.task.Microtask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * A bidder that writes one line per paid call ({@code taskId}) to a payments file, durably, as it answers, so that a
 * test can count payments across processes, a killed one included. Serving the kind named {@code holdKind} counts
 * {@link #held} down and then waits forever: a model call in flight when the process dies, never answered or paid.
 */
final class PayingBidder implements Bidder {

  static final double COST = 0.003;

  private final Path payments;
  private final String holdKind;
  final CountDownLatch held;

  PayingBidder(Path payments, String holdKind, int holds) {
    this.payments = payments;
    this.holdKind = holdKind;
    this.held = new CountDownLatch(holds);
  }

  @Override
  public String id() {
    return "paying";
  }

  @Override
  public boolean bidsInline() {
    return true;
  }

  @Override
  public Optional<Bid> bid(Microtask task) {
    return Optional.of(new Bid(0.9, 0, COST, Duration.ofMillis(1), "pays per call"));
  }

  @Override
  public Answer serve(Microtask task) throws InterruptedException {
    if (task.id().endsWith(":" + holdKind)) {
      held.countDown();
      new CountDownLatch(1).await(); // until the process is killed
    }
    pay(task.id());
    return Answer.of("invoice", COST, Duration.ZERO);
  }

  private synchronized void pay(String taskId) {
    try (FileChannel out = FileChannel.open(payments, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND)) {
      out.write(ByteBuffer.wrap((taskId + "\n").getBytes(StandardCharsets.UTF_8)));
      out.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record the payment for " + taskId, e);
    }
  }
}
