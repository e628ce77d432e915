package dev.wheeltapper.elf;

import java.util.ArrayList;
import java.util.List;

/** A thread-safe, capped list of defects: a file with a million bad symbol names records the first thousand. */
final class Defects {
  static final int MAX = 1000;
  private final List<ElfDefect> list = new ArrayList<>();
  private boolean overflowed;

  synchronized void add(long offset, String part, String reason) {
    if (list.size() < MAX) {
      list.add(new ElfDefect(offset, part, reason));
    } else if (!overflowed) {
      overflowed = true;
      list.add(new ElfDefect(-1, "reader", "more than " + MAX + " defects; the rest are not recorded"));
    }
  }

  synchronized List<ElfDefect> snapshot() {
    return List.copyOf(list);
  }
}
