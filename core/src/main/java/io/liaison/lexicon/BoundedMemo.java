package io.liaison.lexicon;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers a pure function's results for the first {@code limit} distinct keys; later keys are
 * computed each time. Made for indexing, where the same words and translations come back page
 * after page: the first keys of a corpus are its common ones, so a fixed cap keeps the memory
 * bounded without an eviction policy.
 *
 * <p>Thread-safe. Two threads asking for the same new key may both compute it; the function must
 * give equal results for equal keys.
 *
 * @param <K> the key
 * @param <V> the remembered value, never null
 */
public final class BoundedMemo<K, V> {
  private final int limit;
  private final Function<? super K, ? extends V> compute;
  private final Map<K, V> known = new ConcurrentHashMap<>();

  /**
   * @param limit distinct keys remembered, at least 0
   * @param compute the function remembered; must not return null
   */
  public BoundedMemo(int limit, Function<? super K, ? extends V> compute) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be at least 0, got " + limit);
    }
    this.limit = limit;
    this.compute = Objects.requireNonNull(compute, "compute");
  }

  /** The function's value for {@code key}, remembered while fewer than the limit are. */
  public V get(K key) {
    V value = known.get(key);
    if (value == null) {
      value = Objects.requireNonNull(compute.apply(key), "the remembered function returned null");
      if (known.size() < limit) {
        known.put(key, value);
      }
    }
    return value;
  }

  /** How many keys are remembered. */
  public int size() {
    return known.size();
  }
}
