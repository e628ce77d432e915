import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Inflater;

/**
 * The inflate + SHA-256 floor of bench/throughput.sh: every file entry of a wheel inflated once (the JDK's zlib, a
 * 64 KiB output array, input straight from a memory-mapped file) and hashed with the JDK's SHA-256, nothing else (no
 * CRC, no checks, no report), by THREADS threads stealing entry indexes. Run as a single-file program:
 * {@code java bench/InflateShaFloor.java WHEEL THREADS [PASSES]}; prints "wall_ms cpu_ms bytes" of the last pass.
 * Stored archives up to 4 GiB with fewer than 65535 entries only (no ZIP64): the floor's inputs are known wheels.
 */
public final class InflateShaFloor {
  private record Entry(int method, long dataOffset, long compressed) {}

  public static void main(String[] args) throws Exception {
    Path wheel = Path.of(args[0]);
    int threads = Integer.parseInt(args[1]);
    int passes = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    try (FileChannel ch = FileChannel.open(wheel)) {
      MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
      map.order(ByteOrder.LITTLE_ENDIAN);
      List<Entry> entries = entries(map);
      for (int pass = 0; pass < passes; pass++) {
        long cpu0 = cpu();
        long t0 = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        long[] total = new long[threads];
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int id = t;
          Thread th = new Thread(() -> total[id] = work(map, entries, next));
          th.start();
          ts.add(th);
        }
        for (Thread th : ts) {
          th.join();
        }
        long bytes = 0;
        for (long b : total) {
          bytes += b;
        }
        if (pass == passes - 1) {
          System.out.println((System.nanoTime() - t0) / 1_000_000 + " " + (cpu() - cpu0) / 1_000_000 + " " + bytes);
        }
      }
    }
  }

  private static long work(ByteBuffer map, List<Entry> entries, AtomicInteger next) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      Inflater inf = new Inflater(true);
      byte[] out = new byte[1 << 16];
      long bytes = 0;
      for (int i = next.getAndIncrement(); i < entries.size(); i = next.getAndIncrement()) {
        Entry e = entries.get(i);
        ByteBuffer data = map.slice((int) e.dataOffset(), (int) e.compressed());
        if (e.method() == 0) {
          while (data.hasRemaining()) {
            int n = Math.min(out.length, data.remaining());
            data.get(out, 0, n);
            md.update(out, 0, n);
            bytes += n;
          }
        } else {
          inf.reset();
          inf.setInput(data);
          while (!inf.finished()) {
            int n = inf.inflate(out);
            if (n == 0 && !inf.finished() && (inf.needsInput() || inf.needsDictionary())) {
              throw new IllegalStateException("truncated entry " + i);
            }
            md.update(out, 0, n);
            bytes += n;
          }
        }
        md.digest();
      }
      inf.end();
      return bytes;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Entry> entries(ByteBuffer map) {
    int eocd = map.limit() - 22;
    while (map.getInt(eocd) != 0x06054b50) {
      eocd--;
    }
    int count = map.getShort(eocd + 10) & 0xffff;
    int pos = map.getInt(eocd + 16);
    List<Entry> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int method = map.getShort(pos + 10) & 0xffff;
      long compressed = map.getInt(pos + 20) & 0xffffffffL;
      int nameLen = map.getShort(pos + 28) & 0xffff;
      int extraLen = map.getShort(pos + 30) & 0xffff;
      int commentLen = map.getShort(pos + 32) & 0xffff;
      long local = map.getInt(pos + 42) & 0xffffffffL;
      boolean dir = map.get(pos + 46 + nameLen - 1) == '/';
      int lName = map.getShort((int) local + 26) & 0xffff;
      int lExtra = map.getShort((int) local + 28) & 0xffff;
      if (!dir) {
        out.add(new Entry(method, local + 30 + lName + lExtra, compressed));
      }
      pos += 46 + nameLen + extraLen + commentLen;
    }
    return out;
  }

  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }
}
