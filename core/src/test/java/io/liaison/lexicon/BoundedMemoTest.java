package io.liaison.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedMemoTest {
  @Test
  void remembersTheFirstKeysUpToTheLimitAndComputesTheRestEachTime() {
    List<String> computed = new ArrayList<>();
    BoundedMemo<String, Integer> memo = new BoundedMemo<>(2, k -> {
      computed.add(k);
      return k.length();
    });
    assertEquals(3, memo.get("abc"));
    assertEquals(2, memo.get("de"));
    assertEquals(3, memo.get("abc"));
    assertEquals(2, memo.get("de"));
    assertEquals(List.of("abc", "de"), computed);

    assertEquals(1, memo.get("f"));
    assertEquals(1, memo.get("f"));
    assertEquals(List.of("abc", "de", "f", "f"), computed, "past the limit a key is computed each time");
    assertEquals(2, memo.size());
  }

  @Test
  void aLimitOfZeroRemembersNothing() {
    int[] calls = {0};
    BoundedMemo<String, String> memo = new BoundedMemo<>(0, k -> {
      calls[0]++;
      return k;
    });
    memo.get("a");
    memo.get("a");
    assertEquals(2, calls[0]);
    assertEquals(0, memo.size());
  }

  @Test
  void refusesANegativeLimitAndANullResult() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BoundedMemo<String, String>(-1, k -> k));
    assertEquals("limit must be at least 0, got -1", e.getMessage());
    BoundedMemo<String, String> memo = new BoundedMemo<>(5, k -> null);
    assertThrows(NullPointerException.class, () -> memo.get("a"));
    assertEquals(0, memo.size());
  }
}
