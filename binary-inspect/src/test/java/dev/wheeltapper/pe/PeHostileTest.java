package dev.wheeltapper.pe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheeltapper.inspect.BinaryInspection;
import dev.wheeltapper.inspect.BinaryInspector;
import dev.wheeltapper.bytes.ByteSources;
import dev.wheeltapper.hardening.HardeningCheck;
import dev.wheeltapper.testsupport.Corpus;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hostile PE input built by mutating real corpus files: a typed exception or a partial result, never a crash. */
class PeHostileTest {

  private static byte[] load(String rel) throws Exception {
    return Files.readAllBytes(Corpus.corpus("wheels/delvewheel/binaries/" + rel));
  }

  /** Reads and inspects; only {@link PeFormatException} may escape. Returns the file, or null when rejected. */
  private static PeFile survive(byte[] b) {
    try {
      PeFile pe = PeFile.read(ByteSources.of(b));
      BinaryInspection i = BinaryInspector.forPath("x.dll").inspect(pe);
      assertThat(i.hardening().results()).isNotEmpty();
      assertThat(pe.overlaySize()).isBetween(0L, (long) b.length);
      pe.rvaToOffset(-1);
      pe.rvaToOffset(Long.MAX_VALUE);
      return pe;
    } catch (PeFormatException e) {
      assertThat(e.reason()).isNotBlank();
      return null;
    }
  }

  private static ByteBuffer le(byte[] b) {
    return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static int lfanew(byte[] b) {
    return le(b).getInt(0x3c);
  }

  private static int opt(byte[] b) {
    return lfanew(b) + 24;
  }

  /** The file offset of data directory {@code i} of a PE32+ image. */
  private static int dir(byte[] b, int i) {
    return opt(b) + 112 + 8 * i;
  }

  @Test
  void everyTruncationIsRejectedOrPartial() throws Exception {
    for (String f : new String[] {"x64/simpledll.dll", "x86/simpledll.dll"}) {
      byte[] full = load(f);
      int accepted = 0;
      for (int n = 0; n < full.length; n += n < 2048 ? 1 : 13) {
        byte[] cut = java.util.Arrays.copyOf(full, n);
        if (survive(cut) != null) {
          accepted++;
        }
      }
      // once the section table is in, the file opens, with defects for what is cut off
      assertThat(accepted).isPositive();
    }
  }

  @Test
  void randomByteFlipsNeverCrash() throws Exception {
    byte[] full = load("x64/FixedAddress/simpledll.dll");
    Random rnd = new Random(20261125L);
    for (int round = 0; round < 3000; round++) {
      byte[] b = full.clone();
      int flips = 1 + rnd.nextInt(8);
      for (int k = 0; k < flips; k++) {
        // most flips land in the headers and the first data, where the structure is
        int at = rnd.nextInt(4) == 0 ? rnd.nextInt(b.length) : rnd.nextInt(Math.min(b.length, 0x2000));
        b[at] = (byte) rnd.nextInt(256);
      }
      survive(b);
    }
  }

  @Test
  void lyingHeadersAreTypedExceptions() throws Exception {
    byte[] b = load("x64/simpledll.dll");
    byte[] m = b.clone();
    le(m).putInt(0x3c, 0x7ffffff0);
    assertThatThrownBy(() -> PeFile.read(ByteSources.of(m))).isInstanceOf(PeFormatException.class)
        .hasMessageContaining("PE signature");
    byte[] s = b.clone();
    le(s).putShort(lfanew(s) + 6, (short) 0xffff);
    assertThatThrownBy(() -> PeFile.read(ByteSources.of(s))).isInstanceOf(PeFormatException.class)
        .hasMessageContaining("NumberOfSections 65535 exceeds 96");
    byte[] o = b.clone();
    le(o).putShort(lfanew(o) + 20, (short) 8);
    assertThatThrownBy(() -> PeFile.read(ByteSources.of(o))).isInstanceOf(PeFormatException.class)
        .hasMessageContaining("SizeOfOptionalHeader 8");
    byte[] g = b.clone();
    le(g).putShort(opt(g), (short) 0x107);
    PeFormatException e = org.junit.jupiter.api.Assertions.assertThrows(PeFormatException.class,
        () -> PeFile.read(ByteSources.of(g)));
    assertThat(e.offset()).isEqualTo(opt(g));
    byte[] z = "MZ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> PeFile.read(ByteSources.of(z))).isInstanceOf(PeFormatException.class);
  }

  @Test
  void lyingDirectoriesAreDefects() throws Exception {
    byte[] b = load("x64/simpledll.dll");
    byte[] n = b.clone();
    le(n).putInt(dir(n, 0) - 4, 0xffffffff); // NumberOfRvaAndSizes
    PeFile pe = survive(n);
    assertThat(pe.dataDirectories()).hasSize(16);
    assertThat(pe.defects()).anyMatch(d -> d.contains("NumberOfRvaAndSizes"));

    byte[] i = b.clone();
    le(i).putInt(dir(i, 1), 0x7fffffff);
    pe = survive(i);
    assertThat(pe.imports()).isEmpty();
    assertThat(pe.defects()).anyMatch(d -> d.startsWith("import table") && d.contains("no section"));

    byte[] c = b.clone();
    le(c).putInt(dir(c, 4), c.length - 4);
    le(c).putInt(dir(c, 4) + 4, 0x1000);
    pe = survive(c);
    assertThat(pe.certificateTable()).isPresent();
    assertThat(pe.defects()).anyMatch(d -> d.startsWith("certificate table"));
  }

  @Test
  void defectsReachTheInspectionAsOneMalformedWarning() throws Exception {
    byte[] i = load("x64/simpledll.dll");
    le(i).putInt(dir(i, 1), 0x7fffffff);
    PeFile pe = survive(i);
    BinaryInspection inspection = BinaryInspector.forPath("x.dll").inspect(pe);
    assertThat(inspection.findings()).filteredOn(f -> f.code().equals("binary.malformed")).singleElement()
        .satisfies(f -> {
          assertThat(f.severity()).isEqualTo(dev.wheeltapper.report.Severity.WARNING);
          assertThat(f.path()).isEqualTo("x.dll");
          assertThat(f.message()).startsWith("The PE image has " + pe.defects().size() + " structural defect")
              .contains(pe.defects().get(0));
        });
    // the clean original has none
    assertThat(BinaryInspector.forPath("x.dll").inspect(survive(load("x64/simpledll.dll"))).findings())
        .noneMatch(f -> f.code().equals("binary.malformed"));
  }

  @Test
  void lyingCountsInsideTablesAreBounded() throws Exception {
    byte[] b = load("x64/simpledll.dll");
    PeFile orig = PeFile.read(ByteSources.of(b));
    int exp = (int) (long) orig.rvaToOffset(orig.directory(0).get().address()).get();
    byte[] x = b.clone();
    le(x).putInt(exp + 24, 0xffffffff); // NumberOfNames
    PeFile pe = survive(x);
    assertThat(pe.exports()).isEmpty();
    assertThat(pe.defects()).anyMatch(d -> d.contains("NumberOfNames"));

    int lc = (int) (long) orig.rvaToOffset(orig.directory(10).get().address()).get();
    byte[] l = b.clone();
    le(l).putInt(lc, 0xffffffff); // the load config claims 4 GiB: read as far as the file goes
    pe = survive(l);
    assertThat(pe.loadConfig().get().securityCookie()).isEqualTo(orig.loadConfig().get().securityCookie());
    byte[] s = b.clone();
    le(s).putInt(lc, 8); // too short for the cookie: /GS cannot be shown
    pe = survive(s);
    assertThat(BinaryInspector.forPath("x").inspect(pe).hardening().result(HardeningCheck.GS).evidence())
        .contains("too short");

    byte[] d = b.clone();
    le(d).putInt(dir(d, 6) + 4, 0x7fffffff); // debug directory size: capped entry count
    pe = survive(d);
    assertThat(pe.debugEntries().size()).isLessThanOrEqualTo(PeFile.MAX_DEBUG_ENTRIES);

    // an import descriptor chain that never ends: every descriptor names the same DLL (lying table)
    int imp = (int) (long) orig.rvaToOffset(orig.directory(1).get().address()).get();
    byte[] loop = b.clone();
    for (int k = 0; k < 5; k++) {
      System.arraycopy(b, imp, loop, imp + 20 * k, 20);
    }
    pe = survive(loop);
    assertThat(pe.imports().size()).isLessThanOrEqualTo(PeFile.MAX_DLLS);
  }

  @Test
  void corruptRichHeaderIsADefect() throws Exception {
    byte[] b = load("x64/simpledll.dll");
    PeFile orig = PeFile.read(ByteSources.of(b));
    assertThat(orig.richHeader()).isNotEmpty();
    byte[] r = b.clone();
    for (int p = 0x80; p < lfanew(r); p += 4) {
      if (le(r).getInt(p) == 0x68636952) { // "Rich"
        for (int q = 0x40; q < p; q++) {
          r[q] = 0; // wipe the masked DanS and entries
        }
        break;
      }
    }
    PeFile pe = survive(r);
    assertThat(pe.richHeader()).isEmpty();
    assertThat(pe.defects()).anyMatch(d -> d.contains("DanS"));
  }
}
