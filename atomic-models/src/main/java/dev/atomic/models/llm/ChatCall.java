package dev.atomic.models.llm;

import dev.atomic.bidding.TokenSink;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Starts one chat request on a blocking or a streaming LangChain4j model, and hands back a future of the complete
 * response, so the bidder can bound both kinds by the same timeout.
 */
sealed interface ChatCall {

  /** Starts the request; a streaming model also sends each chunk of text to {@code sink} as it arrives. */
  Future<ChatResponse> start(ChatRequest request, ExecutorService executor, TokenSink sink);

  /** A blocking model, called on a virtual thread that the timeout interrupts. */
  record Blocking(ChatModel model) implements ChatCall {
    @Override
    public Future<ChatResponse> start(ChatRequest request, ExecutorService executor, TokenSink sink) {
      return executor.submit(() -> model.chat(request));
    }
  }

  /**
   * A streaming model: the chunks are gathered by LangChain4j into the complete response, usage included. The request
   * starts on a virtual thread of the bidder's, since a streaming model may read the stream on the thread that called
   * it, and a stream that stalls there would hold the caller past its timeout. Cancelling the future (as the bidder
   * does on timeout) interrupts that thread and cancels the stream once its first chunk has arrived, so an abandoned
   * answer does not keep its connection open.
   */
  record Streaming(StreamingChatModel model) implements ChatCall {
    @Override
    public Future<ChatResponse> start(ChatRequest request, ExecutorService executor, TokenSink sink) {
      AtomicReference<StreamingHandle> handle = new AtomicReference<>();
      AtomicReference<Future<?>> running = new AtomicReference<>();
      CompletableFuture<ChatResponse> done = new CompletableFuture<>() {
        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
          StreamingHandle h = handle.get();
          if (h != null) {
            h.cancel();
          }
          Future<?> thread = running.get();
          if (thread != null) {
            thread.cancel(true);
          }
          return super.cancel(mayInterruptIfRunning);
        }
      };
      running.set(executor.submit(() -> chat(request, sink, handle, done)));
      if (done.isCancelled()) {
        running.get().cancel(true); // cancelled before the submission was known
      }
      return done;
    }

    private void chat(ChatRequest request, TokenSink sink, AtomicReference<StreamingHandle> handle,
        CompletableFuture<ChatResponse> done) {
      try {
        model.chat(request, new StreamingChatResponseHandler() {
          @Override
          public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            handle.compareAndSet(null, context.streamingHandle());
            if (done.isCancelled()) {
              context.streamingHandle().cancel();
              return;
            }
            if (partial.text() != null) {
              try {
                sink.accept(partial.text());
              } catch (RuntimeException e) {
                // The caller's early view must never break the answer; the complete response still arrives.
              }
            }
          }

          @Override
          public void onCompleteResponse(ChatResponse response) {
            done.complete(response);
          }

          @Override
          public void onError(Throwable error) {
            done.completeExceptionally(error);
          }
        });
      } catch (RuntimeException e) {
        done.completeExceptionally(e);
      }
    }
  }
}
