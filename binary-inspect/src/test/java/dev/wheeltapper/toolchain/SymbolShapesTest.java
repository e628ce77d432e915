package dev.wheeltapper.toolchain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link SymbolShapes} answers exactly what the regular expressions it replaced answer: on hand-picked names at the
 * edges of each pattern, and on a seeded 300,000 names built from the patterns' own pieces (where a random name
 * would almost never come near a match).
 */
class SymbolShapesTest {
  private static final Pattern RUST_LEGACY = Pattern.compile("17h[0-9a-f]{16}E");
  private static final Pattern RUST_V0 = Pattern.compile("(?:^|[^A-Za-z0-9])_R[0-9]*(?:N[vtCcINSXYMB]|I[NC]|C[s0-9])");
  private static final Pattern FORTRAN_MODULE = Pattern.compile("^__[A-Za-z0-9_]+_MOD_[A-Za-z0-9_]+");

  private static void assertSame(String n) {
    assertThat(SymbolShapes.rustLegacyHash(n)).as("legacy %s", n).isEqualTo(RUST_LEGACY.matcher(n).find());
    assertThat(SymbolShapes.rustV0(n)).as("v0 %s", n).isEqualTo(RUST_V0.matcher(n).find());
    assertThat(SymbolShapes.fortranModule(n)).as("fortran %s", n).isEqualTo(FORTRAN_MODULE.matcher(n).find());
  }

  @Test
  void edgesAnswerAsThePatterns() {
    List<String> names = List.of("", "_", "_R", "_RN", "_RNv", "_R12Nv", "x_RNv", "._RNv", "é_RNvC", "_R0Cs", "_RCs",
        "_RC9", "_RIN", "_RIC", "_RIx", "a_R_RNt", "_ZN3foo17h0123456789abcdefE", "_ZN3foo17h0123456789abcdeE",
        "_ZN3foo17h0123456789ABCDEFE", "17h0123456789abcdefE", "17h17h0123456789abcdefE", "17h0123456789abcdef",
        "__a_MOD_b", "___MOD_b", "__a_MOD_", "__a_MOD_.", "__a._MOD_b", "__a_MOD__MOD_b", "__x_MOD_y.z", "_a_MOD_b",
        "__ab_MOD_c_MOD_d", "__é_MOD_b", "__a_MOD_é", "__a_MOD_b_", "__MOD_a_MOD_b");
    names.forEach(SymbolShapesTest::assertSame);
  }

  @Test
  void seededNamesAnswerAsThePatterns() {
    String[] pieces = {"_R", "_Z", "N", "v", "t", "C", "s", "I", "0", "9", "17h", "0123456789abcdef", "ABCDEF", "E",
        "__", "_MOD_", "_", "a", ".", "$", "é", "x", "12", "f"};
    Random r = new Random(19);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 300_000; i++) {
      StringBuilder b = new StringBuilder();
      int k = r.nextInt(8);
      for (int j = 0; j < k; j++) {
        b.append(pieces[r.nextInt(pieces.length)]);
      }
      names.add(b.toString());
    }
    int[] matched = new int[3];
    for (String n : names) {
      assertSame(n);
      matched[0] += RUST_LEGACY.matcher(n).find() ? 1 : 0;
      matched[1] += RUST_V0.matcher(n).find() ? 1 : 0;
      matched[2] += FORTRAN_MODULE.matcher(n).find() ? 1 : 0;
    }
    // the generator reaches matches of every pattern (about 0.3 % of the names match one)
    assertThat(matched[0]).as("legacy matches").isGreaterThan(20);
    assertThat(matched[1]).as("v0 matches").isGreaterThan(20);
    assertThat(matched[2]).as("fortran matches").isGreaterThan(20);
  }
}
