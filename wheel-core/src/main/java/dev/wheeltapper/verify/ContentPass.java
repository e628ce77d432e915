package dev.wheeltapper.verify;

import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.verify.WheelVerifier.EntryListener;
import dev.wheeltapper.verify.WheelVerifier.EntrySink;
import dev.wheeltapper.wheel.DistInfoFiles;
import dev.wheeltapper.wheel.record.RecordEntry;
import dev.wheeltapper.zip.ByteSink;
import dev.wheeltapper.zip.EntryReadResult;
import dev.wheeltapper.zip.EntryReader;
import dev.wheeltapper.zip.ScannedEntry;
import dev.wheeltapper.zip.ZipScan;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The content pass: every file entry inflated exactly once, its CRC-32, its RECORD hash and the content hook fed from
 * the same buffer, one after another or by workers stealing entry indexes; the findings are merged in
 * central-directory order, so the report does not depend on the parallelism. The dist-info files already read whole
 * are hashed from memory. The hash and size verdicts are {@link RecordCheck}'s.
 */
final class ContentPass {
  private final RunState s;
  private final RecordCheck.Rows rows;
  private final int parallelism;
  private final EntryListener listener;
  private final AtomicLong budget;
  private final AtomicLong inflated = new AtomicLong();
  private final AtomicInteger checked = new AtomicInteger();

  /** What the pass read. */
  record Result(int checked, long inflated) {}

  ContentPass(RunState s, RecordCheck.Rows rows, int parallelism, EntryListener listener) {
    this.s = s;
    this.rows = rows;
    this.parallelism = parallelism;
    this.listener = listener;
    this.budget = new AtomicLong(s.limits.maxTotalUncompressed());
  }

  /** Runs the pass, on the pool when there is one; adds the findings to the run's. */
  Result run(ZipScan scan, Executor pool) throws IOException {
    List<ScannedEntry> files = scan.entries().stream().filter(e -> !e.isDirectory()).toList();
    AtomicReferenceArray<List<Finding>> perEntry = new AtomicReferenceArray<>(files.size());
    Set<String> present = new HashSet<>();
    for (ScannedEntry e : files) {
      present.add(e.name());
    }
    if (pool == null) {
      try (EntryReader reader = new EntryReader(s.channel, s.limits)) {
        for (int i = 0; i < files.size(); i++) {
          perEntry.set(i, checkEntry(reader, files.get(i)));
        }
      }
    } else {
      // Work stealing over an index. The caller is one of the workers; the others are tasks on the pool, which may
      // be the whole run's (its threads busy with other wheels): a helper the pool has not started yet is run by the
      // caller after its own share, where it finds the index spent and returns at once. So the caller never waits
      // for a task still queued behind other work (no deadlock on a pool shared by artifacts and entries), and a
      // pool thread that frees up joins the wheel's remaining entries.
      AtomicInteger next = new AtomicInteger();
      List<FutureTask<Void>> helpers = new ArrayList<>(parallelism - 1);
      for (int w = 1; w < parallelism; w++) {
        FutureTask<Void> helper = new FutureTask<>(() -> {
          drain(files, next, perEntry);
          return null;
        });
        helpers.add(helper);
        pool.execute(helper);
      }
      drain(files, next, perEntry);
      for (FutureTask<Void> helper : helpers) {
        helper.run(); // no-op when a pool thread has it
        WheelVerifier.await(helper);
      }
    }
    boolean limitReported = false;
    for (int i = 0; i < perEntry.length(); i++) {
      List<Finding> list = perEntry.get(i);
      if (list == null) {
        continue;
      }
      for (Finding f : list) {
        if (f.code().equals(Codes.ZIP_LIMIT_EXCEEDED)) {
          if (limitReported && f.path().isEmpty()) {
            continue;
          }
          limitReported |= f.path().isEmpty();
        }
        s.findings.add(f);
      }
    }
    if (!limitReported && scan.complete()) {
      RecordCheck.checkPresent(s, rows, present);
    }
    return new Result(checked.get(), inflated.get());
  }

  /**
   * Checks entries taken from the shared index until none is left, with one reader (buffers, inflater) opened only
   * once an entry is taken.
   */
  private void drain(List<ScannedEntry> files, AtomicInteger next, AtomicReferenceArray<List<Finding>> perEntry)
      throws IOException {
    int i = next.getAndIncrement();
    if (i >= files.size()) {
      return;
    }
    try (EntryReader reader = new EntryReader(s.channel, s.limits)) {
      for (; i < files.size(); i = next.getAndIncrement()) {
        perEntry.set(i, checkEntry(reader, files.get(i)));
      }
    }
  }

  private List<Finding> checkEntry(EntryReader reader, ScannedEntry e) throws IOException {
    List<Finding> out = new ArrayList<>(1);
    String path = e.name();
    RecordCheck.checkListed(s, rows, path, out);
    if (!e.readable() || e.isEncrypted()
        || (e.method() != ScannedEntry.STORED && e.method() != ScannedEntry.DEFLATED)) {
      return out; // The structure scan already reported why the data cannot be read.
    }
    long remaining = budget.get();
    if (remaining <= 0) {
      out.add(Finding.error(Codes.ZIP_LIMIT_EXCEEDED, "",
          "Verification stopped: the archive inflates to more than " + s.limits.maxTotalUncompressed()
              + " bytes, the configured total limit."));
      return out;
    }
    byte[] expected = rows.expected().get(path);
    RecordEntry row = path.equals(rows.recordPath()) ? null : rows.byPath().get(path);
    RecordHash.Running digest = expected == null ? null : RecordHash.start(row.hash().orElseThrow().algorithm());
    // The content hook sees the same bytes from the same buffer, after the digest.
    EntrySink tap = listener == null ? null : listener.entry(path, e.index(), e.uncompressedSize()).orElse(null);
    long produced;
    boolean complete;
    Optional<DistInfoFiles.FileRead> whole = s.files.kept(e.index());
    if (whole.isPresent()) {
      // Already inflated (and CRC-checked) while reading the dist-info files: hash the bytes in memory.
      byte[] bytes = whole.get().bytes().orElseThrow();
      if (digest != null) {
        digest.accept(bytes, 0, bytes.length);
      }
      if (tap != null) {
        tap.accept(bytes, 0, bytes.length);
      }
      produced = bytes.length;
      complete = true;
      out.addAll(whole.get().findings());
    } else {
      // A large entry is hashed on a second thread while this one inflates it (only when running in parallel).
      PipelinedDigest pipe = digest != null && parallelism > 1 && e.uncompressedSize() >= PipelinedDigest.MIN_SIZE
          ? new PipelinedDigest(digest) : null;
      RecordHash.Running sink = pipe != null ? pipe : digest;
      ByteSink[] sinks = sink == null
          ? (tap == null ? new ByteSink[0] : new ByteSink[] {tap})
          : (tap == null ? new ByteSink[] {sink} : new ByteSink[] {sink, tap});
      EntryReadResult r;
      try {
        r = reader.read(e, remaining, sinks);
      } catch (IOException | RuntimeException ex) {
        if (pipe != null) {
          pipe.abandon();
        }
        throw ex;
      }
      out.addAll(r.findings());
      produced = r.bytesProduced();
      complete = !r.limitHit() && r.crcOk();
      budget.addAndGet(-produced);
      digest = sink;
    }
    if (tap != null) {
      tap.end(complete);
    }
    inflated.addAndGet(produced);
    checked.incrementAndGet();
    // Always finish a digest: a pipelined one ends its hashing thread here.
    byte[] actual = digest == null ? null : digest.finish();
    if (complete && row != null) {
      RecordCheck.checkContent(row, expected, actual, produced, out);
    }
    return out;
  }
}
