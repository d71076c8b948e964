package dev.atomic.store;

import java.util.List;

/**
 * One page of a query's results.
 *
 * @param items the results on this page
 * @param offset how many results came before this page
 * @param hasMore whether another page follows; ask for it with offset {@code offset + items.size()}
 */
public record Page<T>(List<T> items, int offset, boolean hasMore) {

  public Page {
    items = List.copyOf(items);
  }

  /** The offset of the next page. */
  public int nextOffset() {
    return offset + items.size();
  }
}
