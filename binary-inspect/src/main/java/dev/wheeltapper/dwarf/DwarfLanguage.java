package dev.wheeltapper.dwarf;

import java.util.Map;

/**
 * The {@code DW_LANG_*} codes of DWARF 5 (section 7.12) and the DWARF language registry that the producers in wheels
 * use, by name.
 *
 * <pre>{@code
 * DwarfLanguage.name(0x1d);        // "C11"
 * DwarfLanguage.isCxx(0x21);       // true (C_plus_plus_14)
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class DwarfLanguage {
  private DwarfLanguage() {}

  private static final Map<Integer, String> NAMES = Map.ofEntries(
      Map.entry(0x01, "C89"), Map.entry(0x02, "C"), Map.entry(0x03, "Ada83"), Map.entry(0x04, "C_plus_plus"),
      Map.entry(0x05, "Cobol74"), Map.entry(0x06, "Cobol85"), Map.entry(0x07, "Fortran77"),
      Map.entry(0x08, "Fortran90"), Map.entry(0x09, "Pascal83"), Map.entry(0x0a, "Modula2"), Map.entry(0x0b, "Java"),
      Map.entry(0x0c, "C99"), Map.entry(0x0d, "Ada95"), Map.entry(0x0e, "Fortran95"), Map.entry(0x0f, "PLI"),
      Map.entry(0x10, "ObjC"), Map.entry(0x11, "ObjC_plus_plus"), Map.entry(0x12, "UPC"), Map.entry(0x13, "D"),
      Map.entry(0x14, "Python"), Map.entry(0x15, "OpenCL"), Map.entry(0x16, "Go"), Map.entry(0x17, "Modula3"),
      Map.entry(0x18, "Haskell"), Map.entry(0x19, "C_plus_plus_03"), Map.entry(0x1a, "C_plus_plus_11"),
      Map.entry(0x1b, "OCaml"), Map.entry(0x1c, "Rust"), Map.entry(0x1d, "C11"), Map.entry(0x1e, "Swift"),
      Map.entry(0x1f, "Julia"), Map.entry(0x20, "Dylan"), Map.entry(0x21, "C_plus_plus_14"),
      Map.entry(0x22, "Fortran03"), Map.entry(0x23, "Fortran08"), Map.entry(0x24, "RenderScript"),
      Map.entry(0x25, "BLISS"), Map.entry(0x26, "Kotlin"), Map.entry(0x27, "Zig"), Map.entry(0x28, "Crystal"),
      Map.entry(0x2a, "C_plus_plus_17"), Map.entry(0x2b, "C_plus_plus_20"), Map.entry(0x2c, "C17"),
      Map.entry(0x2d, "Fortran18"), Map.entry(0x2e, "Ada2005"), Map.entry(0x2f, "Ada2012"), Map.entry(0x30, "HIP"),
      Map.entry(0x31, "Assembly"), Map.entry(0x32, "C_sharp"), Map.entry(0x33, "Mojo"), Map.entry(0x34, "GLSL"),
      Map.entry(0x35, "GLSL_ES"), Map.entry(0x36, "HLSL"), Map.entry(0x37, "OpenCL_CPP"),
      Map.entry(0x38, "CPP_for_OpenCL"), Map.entry(0x39, "SYCL"), Map.entry(0x3a, "C_plus_plus_23"),
      Map.entry(0x3b, "Odin"), Map.entry(0x3c, "P4"), Map.entry(0x3d, "Metal"), Map.entry(0x3e, "C23"),
      Map.entry(0x3f, "Fortran23"), Map.entry(0x40, "Ruby"), Map.entry(0x41, "Move"), Map.entry(0x42, "Hylo"),
      Map.entry(0x8001, "Mips_Assembler"));

  /**
   * The name of a language code.
   *
   * @param code {@code DW_AT_language}
   * @return the name without {@code DW_LANG_}, or {@code 0x...} for a code not in the table
   */
  public static String name(int code) {
    String n = NAMES.get(code);
    return n != null ? n : "0x" + Integer.toHexString(code);
  }

  /**
   * Whether a code is one of the C languages (C89, C, C99, C11, C17, C23).
   *
   * @param code {@code DW_AT_language}
   * @return true for C
   */
  public static boolean isC(int code) {
    return code == 0x01 || code == 0x02 || code == 0x0c || code == 0x1d || code == 0x2c || code == 0x3e;
  }

  /**
   * Whether a code is one of the C++ languages (C++98 to C++23).
   *
   * @param code {@code DW_AT_language}
   * @return true for C++
   */
  public static boolean isCxx(int code) {
    return code == 0x04 || code == 0x19 || code == 0x1a || code == 0x21 || code == 0x2a || code == 0x2b
        || code == 0x3a;
  }
}
