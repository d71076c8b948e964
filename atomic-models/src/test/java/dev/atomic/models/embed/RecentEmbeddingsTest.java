package dev.atomic.models.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atomic.models.embed.EmbeddingCacheTest.CountingEmbedder;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class RecentEmbeddingsTest {

  /** The counting stand-in model with a hook that runs before each call (to fail, or to hold the call open). */
  private static final class Hooked implements TextEmbedder {
    final CountingEmbedder counting = new CountingEmbedder();
    final AtomicInteger calls = counting.calls;
    final Consumer<String> before;

    Hooked(Consumer<String> before) {
      this.before = before;
    }

    @Override
    public String id() {
      return counting.id();
    }

    @Override
    public int dimension() {
      return counting.dimension();
    }

    @Override
    public float[] embed(String text) {
      before.accept(text);
      return counting.embed(text);
    }
  }

  @Test
  void embed_sameTextTwice_callsTheModelOnce() {
    CountingEmbedder model = new CountingEmbedder();
    RecentEmbeddings memo = RecentEmbeddings.of(model, 4);

    float[] first = memo.embed("hello");
    float[] second = memo.embed("hello");

    assertThat(second).containsExactly(first);
    assertThat(model.calls).hasValue(1);
    assertThat(memo.hits()).isEqualTo(1);
    assertThat(memo.misses()).isEqualTo(1);
    assertThat(memo.id()).isEqualTo(model.id());
    assertThat(memo.dimension()).isEqualTo(model.dimension());
  }

  @Test
  void embed_callerChangesItsVector_othersKeepTheirs() {
    RecentEmbeddings memo = RecentEmbeddings.of(new CountingEmbedder(), 4);
    float[] mine = memo.embed("hello");
    mine[0] = -99;

    assertThat(memo.embed("hello")[0]).isEqualTo(5f);
  }

  @Test
  void embed_moreTextsThanCapacity_forgetsTheLeastRecentlyUsed() {
    CountingEmbedder model = new CountingEmbedder();
    RecentEmbeddings memo = RecentEmbeddings.of(model, 2);
    memo.embed("a");
    memo.embed("b");
    memo.embed("a");
    memo.embed("c");

    assertThat(memo.size()).isEqualTo(2);
    memo.embed("a");
    assertThat(model.calls).as("'a' was used more recently than 'b', so it stayed").hasValue(3);
    memo.embed("b");
    assertThat(model.calls).hasValue(4);
  }

  @Test
  void embed_manyDistinctTexts_staysWithinCapacity() {
    RecentEmbeddings memo = RecentEmbeddings.of(new CountingEmbedder(), 16);
    for (int i = 0; i < 10_000; i++) {
      memo.embed("text " + i);
    }
    assertThat(memo.size()).isEqualTo(16);
    assertThat(memo.misses()).isEqualTo(10_000);
  }

  @Test
  void embed_modelFails_errorReachesTheCallerAndIsNotRemembered() {
    AtomicInteger calls = new AtomicInteger();
    TextEmbedder flaky = new Hooked(text -> {
      if (calls.incrementAndGet() == 1) {
        throw new IllegalStateException("model not ready");
      }
    });
    RecentEmbeddings memo = RecentEmbeddings.of(flaky, 4);

    assertThatThrownBy(() -> memo.embed("x")).isInstanceOf(IllegalStateException.class)
        .hasMessage("model not ready");
    assertThat(memo.size()).isZero();
    assertThat(memo.embed("x")).hasSize(3);
  }

  @Test
  void embed_sameTextAtOnce_secondCallerWaitsForTheFirstCall() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Hooked model = new Hooked(text -> {
      entered.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    RecentEmbeddings memo = RecentEmbeddings.of(model, 4);
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<float[]> first = threads.submit(() -> memo.embed("same"));
      assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
      Future<float[]> second = threads.submit(() -> memo.embed("same"));
      while (memo.hits() == 0) {
        Thread.onSpinWait();
      }
      release.countDown();

      assertThat(second.get(30, TimeUnit.SECONDS)).containsExactly(first.get(30, TimeUnit.SECONDS));
    }
    assertThat(model.calls).hasValue(1);
  }

  @Test
  void of_badArguments_areRefused() {
    assertThatThrownBy(() -> RecentEmbeddings.of(new CountingEmbedder(), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("capacity must be at least 1 text, was 0");
    assertThatThrownBy(() -> RecentEmbeddings.of(null, 4)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> RecentEmbeddings.of(new CountingEmbedder(), 4).embed(null))
        .isInstanceOf(NullPointerException.class);
  }
}
