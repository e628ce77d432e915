package dev.wheeltapper.elf;

import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

/**
 * The ELF {@code e_machine} values a Python wheel (or a library it bundles) can target, with the descriptions
 * {@code readelf -h} prints and the short labels the JSON report uses. Values this enum does not name map to
 * {@link #UNKNOWN}; the raw number stays available from {@link ElfHeader#rawMachine()}.
 *
 * <p>Labels ({@link #label(int, ByteOrder)}) follow the {@code uname -m} spelling that wheel platform tags derive
 * from, where the ELF header decides it: {@code x86_64} ({@code x32} for ELFCLASS32), {@code i386}, {@code aarch64}
 * ({@code aarch64_be}), {@code arm} ({@code armeb}), {@code ppc64le} / {@code ppc64} (one {@code e_machine}, 21, told
 * apart by byte order), {@code ppc} ({@code ppcle}), {@code s390x} / {@code s390} (by class), {@code riscv64} /
 * {@code riscv32}, {@code loongarch64} / {@code loongarch32}, {@code mips64} / {@code mips} (by class, either byte
 * order, as {@code uname} reports a mips64el kernel), {@code sparc64} / {@code sparc}, {@code ia64}, {@code alpha},
 * {@code parisc} / {@code parisc64}, {@code m68k}, {@code sh}. Unknown machines read {@code em_<number>}.
 *
 * <pre>{@code
 * Machine m = elf.machine();
 * String label = elf.header().machineLabel();   // "ppc64le"
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public enum Machine {
  /** No machine (0). */
  NONE(0, "None", "none"),
  /** AT&amp;T WE 32100 (1). */
  M32(1, "WE32100", "m32"),
  /** SPARC (2). */
  SPARC(2, "Sparc", "sparc"),
  /** Intel 80386 and successors, 32-bit x86 (3). */
  I386(3, "Intel 80386", "i386"),
  /** Motorola 68000 (4). */
  M68K(4, "MC68000", "m68k"),
  /** Motorola 88000 (5). */
  M88K(5, "MC88000", "m88k"),
  /** Intel MCU (6). */
  IAMCU(6, "Intel MCU", "iamcu"),
  /** Intel 80860 (7). */
  I860(7, "Intel 80860", "i860"),
  /** MIPS, 32 and 64 bit, either byte order (8). */
  MIPS(8, "MIPS R3000", "mips"),
  /** IBM System/370 (9). */
  S370(9, "IBM System/370", "s370"),
  /** MIPS R3000 little-endian, old value (10). */
  MIPS_RS3_LE(10, "MIPS R4000 big-endian", "mips"),
  /** HP PA-RISC (15). */
  PARISC(15, "HPPA", "parisc"),
  /** SPARC v8+ (18). */
  SPARC32PLUS(18, "Sparc v8+", "sparc"),
  /** Intel 80960 (19). */
  I960(19, "Intel 80960", "i960"),
  /** 32-bit PowerPC (20). */
  PPC(20, "PowerPC", "ppc"),
  /** 64-bit PowerPC, both byte orders (21). */
  PPC64(21, "PowerPC64", "ppc64"),
  /** IBM S/390 and z/Architecture (22). */
  S390(22, "IBM S/390", "s390"),
  /** Cell SPU (23). */
  SPU(23, "SPU", "spu"),
  /** 32-bit ARM (40). */
  ARM(40, "ARM", "arm"),
  /** SuperH (42). */
  SH(42, "Renesas / SuperH SH", "sh"),
  /** SPARC v9, 64-bit (43). */
  SPARCV9(43, "Sparc v9", "sparc64"),
  /** Intel Itanium (50). */
  IA_64(50, "Intel IA-64", "ia64"),
  /** AMD x86-64 (62). */
  X86_64(62, "Advanced Micro Devices X86-64", "x86_64"),
  /** Atmel AVR (83). */
  AVR(83, "Atmel AVR 8-bit microcontroller", "avr"),
  /** OpenRISC (92). */
  OPENRISC(92, "OpenRISC 1000", "openrisc"),
  /** ARC Compact (93). */
  ARC_COMPACT(93, "ARCompact", "arc"),
  /** Tensilica Xtensa (94). */
  XTENSA(94, "Tensilica Xtensa Processor", "xtensa"),
  /** TI MSP430 (105). */
  MSP430(105, "Texas Instruments msp430 microcontroller", "msp430"),
  /** Altera Nios II (113). */
  ALTERA_NIOS2(113, "Altera Nios II", "nios2"),
  /** Qualcomm Hexagon (164). */
  HEXAGON(164, "QUALCOMM DSP6 Processor", "hexagon"),
  /** 64-bit ARM (183). */
  AARCH64(183, "AArch64", "aarch64"),
  /** Xilinx MicroBlaze (189). */
  MICROBLAZE(189, "Xilinx MicroBlaze", "microblaze"),
  /** NVIDIA CUDA (190). */
  CUDA(190, "NVIDIA CUDA architecture", "cuda"),
  /** Tilera TILE-Gx (191). */
  TILEGX(191, "Tilera TILE-Gx", "tilegx"),
  /** ARCv2 (195). */
  ARC_COMPACT2(195, "ARCv2", "arc"),
  /** AMD GPU (224). */
  AMDGPU(224, "AMD GPU", "amdgpu"),
  /** RISC-V (243). */
  RISCV(243, "RISC-V", "riscv"),
  /** Linux BPF (247). */
  BPF(247, "Linux BPF", "bpf"),
  /** C-SKY (252). */
  CSKY(252, "C-SKY", "csky"),
  /** LoongArch (258). */
  LOONGARCH(258, "LoongArch", "loongarch"),
  /** DEC Alpha, unofficial value 0x9026 used by Linux. */
  ALPHA(0x9026, "Alpha", "alpha"),
  /** A value this enum does not name; see {@link ElfHeader#rawMachine()}. */
  UNKNOWN(-1, "unknown", "unknown");

  private static final Map<Integer, Machine> BY_VALUE = new HashMap<>();

  static {
    for (Machine m : values()) {
      if (m.value >= 0) {
        BY_VALUE.putIfAbsent(m.value, m);
      }
    }
  }

  private final int value;
  private final String description;
  private final String base;

  Machine(int value, String description, String base) {
    this.value = value;
    this.description = description;
    this.base = base;
  }

  /**
   * The {@code e_machine} number.
   *
   * @return the value, -1 for {@link #UNKNOWN}
   */
  public int value() {
    return value;
  }

  /**
   * What {@code readelf -h} prints on its {@code Machine:} line.
   *
   * @return the description
   */
  public String description() {
    return description;
  }

  /**
   * The machine for an {@code e_machine} value.
   *
   * @param value the raw number
   * @return the machine, {@link #UNKNOWN} when not named here
   */
  public static Machine of(int value) {
    return BY_VALUE.getOrDefault(value, UNKNOWN);
  }

  /**
   * The report label for this machine in a file of the given class and byte order (see the class comment).
   *
   * @param bits 32 or 64
   * @param order the file's byte order
   * @return the label, for example {@code x86_64} or {@code ppc64le}
   */
  public String label(int bits, ByteOrder order) {
    boolean le = order == ByteOrder.LITTLE_ENDIAN;
    boolean b64 = bits == 64;
    switch (this) {
      case X86_64:
        return b64 ? "x86_64" : "x32";
      case AARCH64:
        return le ? "aarch64" : "aarch64_be";
      case ARM:
        return le ? "arm" : "armeb";
      case PPC64:
        return le ? "ppc64le" : "ppc64";
      case PPC:
        return le ? "ppcle" : "ppc";
      case S390:
        return b64 ? "s390x" : "s390";
      case RISCV:
        return b64 ? "riscv64" : "riscv32";
      case LOONGARCH:
        return b64 ? "loongarch64" : "loongarch32";
      case MIPS:
      case MIPS_RS3_LE:
        return b64 ? "mips64" : "mips";
      case SPARC:
      case SPARC32PLUS:
      case SPARCV9:
        return b64 ? "sparc64" : "sparc";
      case PARISC:
        return b64 ? "parisc64" : "parisc";
      default:
        return base;
    }
  }
}
