package dev.wheeltapper.audit;

import dev.wheeltapper.bytes.NativeFormat;
import dev.wheeltapper.verify.WheelVerifier;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The verifier's content hook for the audit: every entry's first bytes are probed for a native magic number, and an
 * ELF, PE or Mach-O entry's bytes are kept as the verifier inflates them (in memory while a shared budget lasts, otherwise in a
 * temporary file), so that the binaries are inspected afterwards without inflating the wheel a second time. Holds
 * temporary files until {@link #close()}. Thread-safe: the verifier's workers call it concurrently.
 *
 * <p>Memory (issue 19): an entry kept in memory gets one array of the size the central directory declares, reserved
 * from the budget before it is allocated; nothing grows by doubling and nothing is copied at the end. An entry whose
 * declared size does not fit what is left of the budget, or whose bytes outrun that size, goes to a temporary file.
 * So the heap a wheel's capture holds never exceeds the budget, whatever the entries claim.
 */
final class WheelCapture implements WheelVerifier.EntryListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WheelCapture.class);

  /** One native entry found. */
  static final class Captured {
    final String path;
    final int index;
    final NativeFormat format;
    /** The bytes when kept in memory: the first {@link #length} of them. */
    byte[] bytes;
    int length;
    Path file;
    long size;
    boolean complete;

    Captured(String path, int index, NativeFormat format) {
      this.path = path;
      this.index = index;
      this.format = format;
    }
  }

  private final AtomicLong memoryLeft;
  private final Set<String> names = ConcurrentHashMap.newKeySet();
  private final List<Captured> captured = java.util.Collections.synchronizedList(new ArrayList<>());
  private final List<Path> tempFiles = java.util.Collections.synchronizedList(new ArrayList<>());

  WheelCapture(long memoryBudget) {
    this.memoryLeft = new AtomicLong(memoryBudget);
  }

  /**
   * The per-wheel budget for this JVM: 64 MiB, or a sixteenth of the maximum heap when that is less, so that the
   * captures of {@code --jobs} wheels in flight leave the heap to the inspections.
   */
  static long defaultBudget() {
    return Math.min(64L << 20, Runtime.getRuntime().maxMemory() / 16);
  }

  @Override
  public Optional<WheelVerifier.EntrySink> entry(String path, int index, long declaredSize) {
    names.add(path);
    return Optional.of(new Probe(path, index, declaredSize));
  }

  /** The names of every file entry the verifier read. */
  Set<String> entryNames() {
    return Set.copyOf(names);
  }

  /** The native entries found, in central-directory order. */
  List<Captured> captured() {
    List<Captured> out;
    synchronized (captured) {
      out = new ArrayList<>(captured);
    }
    out.sort(Comparator.comparingInt(c -> c.index));
    return out;
  }

  /** Every temporary file created so far (for tests: none survives {@link #close()}). */
  List<Path> temporaryFiles() {
    synchronized (tempFiles) {
      return List.copyOf(tempFiles);
    }
  }

  /** Gives the memory of an inspected capture back and deletes its file. */
  void release(Captured c) {
    if (c.bytes != null) {
      memoryLeft.addAndGet(c.bytes.length);
      c.bytes = null;
      c.length = 0;
    }
    if (c.file != null) {
      delete(c.file);
      c.file = null;
    }
  }

  @Override
  public void close() {
    synchronized (tempFiles) {
      tempFiles.forEach(WheelCapture::delete);
      tempFiles.clear();
    }
  }

  private static void delete(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      LOG.warn("temporary file {} cannot be deleted: {}", p, e.getMessage());
    }
  }

  /** Probes the first bytes; keeps an ELF's bytes. Used by one worker thread. */
  private final class Probe implements WheelVerifier.EntrySink {
    private final String path;
    private final int index;
    private final long declaredSize;
    private final byte[] head = new byte[NativeFormat.PROBE_LENGTH];
    private int headLength;
    private boolean decided;
    private Captured target;
    /** The in-memory array, reserved from the budget at its full (declared) size; null when spilling. */
    private byte[] memory;
    private int filled;
    private OutputStream spill;
    private boolean failed;

    Probe(String path, int index, long declaredSize) {
      this.path = path;
      this.index = index;
      this.declaredSize = declaredSize;
    }

    @Override
    public void accept(byte[] buffer, int offset, int length) {
      if (failed || decided && target == null) {
        return;
      }
      if (!decided) {
        int n = Math.min(length, head.length - headLength);
        System.arraycopy(buffer, offset, head, headLength, n);
        headLength += n;
        if (headLength < head.length) {
          return;
        }
        decide();
        if (target == null) {
          return;
        }
        write(head, 0, headLength);
        write(buffer, offset + n, length - n);
        return;
      }
      write(buffer, offset, length);
    }

    @Override
    public void end(boolean complete) {
      if (!decided) {
        decide();
        if (target != null) {
          write(head, 0, headLength);
        }
      }
      if (target == null) {
        return;
      }
      try {
        if (spill != null) {
          spill.close();
        }
      } catch (IOException e) {
        failed = true;
        LOG.debug("spill of {} failed: {}", path, e.getMessage());
      }
      if (memory != null) {
        // the whole array stays reserved until release(): no copy to trim a short entry
        target.bytes = memory;
        target.length = filled;
        memory = null;
      }
      target.complete = complete && !failed;
    }

    private void decide() {
      decided = true;
      NativeFormat f = headLength < 4 ? NativeFormat.NONE : NativeFormat.detect(head, headLength);
      if (f.isNative()) {
        Captured c = new Captured(path, index, f);
        captured.add(c);
        if (f != NativeFormat.WASM) {
          target = c; // ELF, PE and Mach-O have readers; WebAssembly is recognised by its magic alone
          reserve();
        }
      }
    }

    /** Reserves the declared size from the budget before allocating it; otherwise the entry will spill. */
    private void reserve() {
      long size = Math.max(declaredSize, headLength);
      if (size > Integer.MAX_VALUE - 16) {
        return;
      }
      if (memoryLeft.addAndGet(-size) >= 0) {
        memory = new byte[(int) size];
      } else {
        memoryLeft.addAndGet(size);
      }
    }

    private void write(byte[] b, int off, int len) {
      if (len <= 0 || failed) {
        return;
      }
      target.size += len;
      try {
        if (spill == null) {
          if (memory != null && len <= memory.length - filled) {
            System.arraycopy(b, off, memory, filled, len);
            filled += len;
            return;
          }
          // no reservation, or more bytes than the entry declared: the rest goes to a file
          Path file = Files.createTempFile("wheeltapper-audit-", ".bin");
          tempFiles.add(file);
          target.file = file;
          spill = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
          if (memory != null) {
            spill.write(memory, 0, filled);
            memoryLeft.addAndGet(memory.length);
            memory = null;
            filled = 0;
          }
        }
        spill.write(b, off, len);
      } catch (IOException e) {
        failed = true;
        LOG.debug("capture of {} failed: {}", path, e.getMessage());
      }
    }
  }
}
