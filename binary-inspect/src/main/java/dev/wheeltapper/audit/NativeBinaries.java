package dev.wheeltapper.audit;

import dev.wheeltapper.inspect.BinaryInspection;
import dev.wheeltapper.inspect.BinaryInspector;
import dev.wheeltapper.bytes.ByteSource;
import dev.wheeltapper.bytes.ByteSources;
import dev.wheeltapper.bytes.NativeFormat;
import dev.wheeltapper.elf.ElfFile;
import dev.wheeltapper.elf.ElfFormatException;
import dev.wheeltapper.elf.ElfLimits;
import dev.wheeltapper.macho.MachOFile;
import dev.wheeltapper.macho.MachOFormatException;
import dev.wheeltapper.pe.PeFile;
import dev.wheeltapper.pe.PeFormatException;
import dev.wheeltapper.policy.BinaryLinkage;
import dev.wheeltapper.report.Codes;
import dev.wheeltapper.report.Finding;
import dev.wheeltapper.wheel.Wheel;
import dev.wheeltapper.wheel.WheelEntry;
import dev.wheeltapper.format.WheelFormatException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the native binaries of a wheel (or a bare file) by magic number, never by name, and inspects each one without
 * extracting the wheel: an entry is streamed once, its first bytes told apart by {@link NativeFormat}, and an ELF read
 * through {@link ElfFile#read(InputStream, long)} (in memory when small, a temporary file deleted afterwards when
 * large), a PE through {@link PeFile}, a Mach-O through {@link MachOFile} (one inspection per slice).
 *
 * <pre>{@code
 * NativeBinaries.Result r = NativeBinaries.inspectWheel(Path.of("foo-1.0-cp312-abi3-manylinux_2_17_x86_64.whl"));
 * for (BinaryInspection b : r.inspected()) {
 *   System.out.println(b.path() + " " + b.toolchain().languages());
 * }
 * }</pre>
 *
 * <p>WebAssembly modules are recognised and reported as such ({@code binary.unsupported-format}): they have no reader.
 * Stateless and thread-safe.
 */
public final class NativeBinaries {
  private static final Logger LOG = LoggerFactory.getLogger(NativeBinaries.class);

  private NativeBinaries() {}

  /**
   * What was found.
   *
   * @param inspected the binaries that were read and inspected, in entry order
   * @param recognised binaries recognised by magic number whose format has no reader (WebAssembly)
   * @param findings {@code binary.unparseable} errors, {@code binary.unsupported-format} notes and the inspected
   *     binaries' {@code hardening.*} warnings
   * @param linkages what each inspected binary needs from the system (ELF for the platform policy; ELF, PE and each
   *     Mach-O slice for abi3), in entry order
   */
  public record Result(List<BinaryInspection> inspected, List<Recognised> recognised, List<Finding> findings,
      List<BinaryLinkage> linkages) {
    /** Copies the lists. */
    public Result {
      inspected = List.copyOf(inspected);
      recognised = List.copyOf(recognised);
      findings = List.copyOf(findings);
      linkages = List.copyOf(linkages);
    }

    /**
     * A result without linkage facts.
     *
     * @param inspected the inspected binaries
     * @param recognised the recognised binaries
     * @param findings the findings
     */
    public Result(List<BinaryInspection> inspected, List<Recognised> recognised, List<Finding> findings) {
      this(inspected, recognised, findings, List.of());
    }
  }

  /**
   * A native binary recognised by its magic number, in a format without a reader yet.
   *
   * @param path the entry path inside the wheel, or the file path
   * @param format the format
   */
  public record Recognised(String path, NativeFormat format) {
    /** Rejects nulls. */
    public Recognised {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(format, "format");
    }
  }

  /**
   * Inspects every native binary inside a wheel. A wheel that cannot be opened as a ZIP has no binaries here: the
   * verifier reports why.
   *
   * @param wheel the wheel
   * @return what was found
   * @throws IOException when the file cannot be read
   */
  public static Result inspectWheel(Path wheel) throws IOException {
    return scanWheel(wheel).result();
  }

  /** A wheel's binaries and the names of its file entries. */
  record Scan(Result result, Set<String> entryNames) {}

  static Scan scanWheel(Path wheel) throws IOException {
    List<BinaryInspection> inspected = new ArrayList<>();
    List<Recognised> recognised = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    List<BinaryLinkage> linkages = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Wheel w;
    try {
      w = Wheel.open(wheel);
    } catch (WheelFormatException e) {
      LOG.debug("{} cannot be opened for binary inspection: {}", wheel, e.getMessage());
      return new Scan(new Result(inspected, recognised, findings, linkages), names);
    }
    try (w) {
      for (WheelEntry e : w.entries()) {
        if (!e.directory()) {
          names.add(e.name());
        }
        if (e.directory() || e.size() < 4) {
          continue;
        }
        try (InputStream raw = w.openEntry(e.name());
            BufferedInputStream in = new BufferedInputStream(raw, NativeFormat.PROBE_LENGTH)) {
          in.mark(NativeFormat.PROBE_LENGTH);
          byte[] head = in.readNBytes(NativeFormat.PROBE_LENGTH);
          in.reset();
          NativeFormat format = NativeFormat.detect(head, head.length);
          if (format == NativeFormat.ELF) {
            inspectElf(in, e.size(), e.name(), true, inspected, findings, linkages);
          } else if (format == NativeFormat.PE || format == NativeFormat.MACHO) {
            try (ByteSource src = ByteSources.fromStream(in, e.size(), ByteSources.DEFAULT_MEMORY_THRESHOLD)) {
              inspectForeign(src, format, e.name(), inspected, findings, linkages);
            }
          } else if (format.isNative()) {
            recognise(e.name(), format, recognised, findings);
          }
        } catch (IOException ex) {
          // Unreadable content (a corrupt or lying entry) is the verifier's to report.
          LOG.debug("entry {} of {} cannot be read: {}", e.name(), wheel, ex.getMessage());
        }
      }
    }
    return new Scan(new Result(inspected, recognised, findings, linkages), names);
  }

  /**
   * Inspects the native entries a {@link WheelCapture} kept during verification, releasing each one's memory and
   * temporary file as soon as it is inspected. An entry the verifier could not read whole (a CRC-32 mismatch, a
   * limit) is not inspected: the verification report says why.
   */
  static Result inspectCaptured(WheelCapture capture, ElfLimits elfLimits) throws IOException {
    return inspectCaptured(capture, elfLimits, List.of());
  }

  /** As above, for a wheel with these platform tags (what the OpenSSF guide profile reads as the toolchain bound). */
  static Result inspectCaptured(WheelCapture capture, ElfLimits elfLimits, List<String> platformTags)
      throws IOException {
    List<BinaryInspection> inspected = new ArrayList<>();
    List<Recognised> recognised = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    List<BinaryLinkage> linkages = new ArrayList<>();
    for (WheelCapture.Captured c : capture.captured()) {
      inspectCaptured(capture, c, elfLimits, platformTags, inspected, recognised, findings, linkages);
    }
    return new Result(inspected, recognised, findings, linkages);
  }

  /** One captured entry of {@link #inspectCaptured}: what it adds to the four lists (ParallelInspection's unit). */
  static void inspectCaptured(WheelCapture capture, WheelCapture.Captured c, ElfLimits elfLimits,
      List<String> platformTags, List<BinaryInspection> inspected, List<Recognised> recognised,
      List<Finding> findings, List<BinaryLinkage> linkages) throws IOException {
    boolean readable = c.format != NativeFormat.WASM && c.complete && (c.bytes != null || c.file != null);
    long permits = readable ? InspectionBudget.acquire(c.size) : 0;
    try {
      if (c.format == NativeFormat.WASM) {
        recognise(c.path, c.format, recognised, findings);
      } else if (!readable) {
        LOG.debug("entry {} was not read whole; not inspected", c.path);
      } else if (c.format != NativeFormat.ELF) {
        try (ByteSource src = source(c)) {
          inspectForeign(src, c.format, c.path, inspected, findings, linkages);
        }
      } else {
        ByteSource src = source(c);
        try (ElfFile elf = ElfFile.of(src, elfLimits)) {
          BinaryInspection b = BinaryInspector.forPath(c.path).inWheel().onPlatforms(platformTags).inspect(elf);
          inspected.add(b);
          findings.addAll(b.findings());
          try {
            linkages.add(BinaryLinkage.of(elf, c.path));
          } catch (ElfFormatException ex) {
            LOG.debug("links of {} cannot be read: {}", c.path, ex.getMessage());
          }
        } catch (ElfFormatException ex) {
          findings.add(unparseable(c.path, ex));
        }
      }
    } finally {
      capture.release(c);
      InspectionBudget.release(permits);
    }
  }

  /**
   * A captured binary's bytes: the array without a copy, or its temporary file mapped until the inspection closes it
   * (the inspection's results hold strings and records, never a buffer of the source).
   */
  private static ByteSource source(WheelCapture.Captured c) throws IOException {
    return c.bytes != null
        ? ByteSources.of(java.nio.ByteBuffer.wrap(c.bytes, 0, c.length))
        : ByteSources.mapUntilClosed(c.file);
  }

  /**
   * Inspects a bare file that may be a native binary.
   *
   * @param file the file
   * @param display the path to report
   * @return what was found (nothing when the file is not a native binary)
   * @throws IOException when the file cannot be read
   */
  public static Result inspectFile(Path file, String display) throws IOException {
    List<BinaryInspection> inspected = new ArrayList<>();
    List<Recognised> recognised = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(NativeFormat.PROBE_LENGTH);
    }
    NativeFormat format = NativeFormat.detect(head, head.length);
    if (format == NativeFormat.ELF) {
      try (ElfFile elf = ElfFile.open(file)) {
        BinaryInspection b = BinaryInspector.forPath(display).inspect(elf);
        inspected.add(b);
        findings.addAll(b.findings());
      } catch (ElfFormatException ex) {
        findings.add(unparseable(display, ex));
      }
    } else if (format == NativeFormat.PE || format == NativeFormat.MACHO) {
      inspectOther(() -> BinaryInspector.forPath(display).inspect(file), format, display, inspected, findings);
    } else if (format.isNative()) {
      recognise(display, format, recognised, findings);
    }
    return new Result(inspected, recognised, findings);
  }

  /** A PE or Mach-O read: one inspection, or one per slice of a fat Mach-O. */
  private interface Reading {
    List<BinaryInspection> read() throws IOException;
  }

  /** A PE or Mach-O entry of a wheel: inspected (one result per fat slice), with what it imports for abi3. */
  private static void inspectForeign(ByteSource src, NativeFormat format, String path,
      List<BinaryInspection> inspected, List<Finding> findings, List<BinaryLinkage> linkages) throws IOException {
    try {
      if (format == NativeFormat.PE) {
        try (PeFile pe = PeFile.read(src)) {
          BinaryInspection b = BinaryInspector.forPath(path).inWheel().inspect(pe);
          inspected.add(b);
          findings.addAll(b.findings());
          linkages.add(BinaryLinkage.ofPe(pe, path));
        }
      } else {
        try (MachOFile m = MachOFile.read(src)) {
          for (BinaryInspection b : BinaryInspector.forPath(path).inWheel().inspect(m)) {
            inspected.add(b);
            findings.addAll(b.findings());
          }
          m.slices().forEach(slice -> linkages.add(BinaryLinkage.ofMachO(slice, path)));
        }
      }
    } catch (PeFormatException | MachOFormatException ex) {
      findings.add(Finding.error(Codes.BINARY_UNPARSEABLE, path,
          "The file starts like a " + format.name() + " binary but cannot be read: " + ex.getMessage()));
    }
  }

  private static void inspectOther(Reading reading, NativeFormat format, String path,
      List<BinaryInspection> inspected, List<Finding> findings) throws IOException {
    try {
      for (BinaryInspection b : reading.read()) {
        inspected.add(b);
        findings.addAll(b.findings());
      }
    } catch (PeFormatException | MachOFormatException ex) {
      findings.add(Finding.error(Codes.BINARY_UNPARSEABLE, path,
          "The file starts like a " + format.name() + " binary but cannot be read: " + ex.getMessage()));
    }
  }

  private static void inspectElf(InputStream in, long size, String path, boolean inWheel,
      List<BinaryInspection> inspected, List<Finding> findings, List<BinaryLinkage> linkages) throws IOException {
    try (ElfFile elf = ElfFile.read(in, size)) {
      BinaryInspector inspector = inWheel ? BinaryInspector.forPath(path).inWheel() : BinaryInspector.forPath(path);
      BinaryInspection b = inspector.inspect(elf);
      inspected.add(b);
      findings.addAll(b.findings());
      try {
        linkages.add(BinaryLinkage.of(elf, path));
      } catch (ElfFormatException ex) {
        // Inspected, but its links cannot be read: the platform policy judges the binaries it can read.
        LOG.debug("links of {} cannot be read: {}", path, ex.getMessage());
      }
    } catch (ElfFormatException ex) {
      findings.add(unparseable(path, ex));
    }
  }

  private static Finding unparseable(String path, ElfFormatException ex) {
    return Finding.error(Codes.BINARY_UNPARSEABLE, path,
        "The file starts like an ELF binary but cannot be read: " + ex.getMessage());
  }

  private static void recognise(String path, NativeFormat format, List<Recognised> recognised,
      List<Finding> findings) {
    recognised.add(new Recognised(path, format));
    findings.add(Finding.note(Codes.BINARY_UNSUPPORTED_FORMAT, path,
        "A " + format.name() + " module: recognised by its magic number; WebAssembly has no reader in this version."));
  }
}
