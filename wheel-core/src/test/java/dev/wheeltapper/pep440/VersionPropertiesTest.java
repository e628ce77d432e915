package dev.wheeltapper.pep440;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded random versions: ordering is a total order consistent with equals, hashCode and normalisation. */
class VersionPropertiesTest {

  private static final String[] PRE = {"a", "alpha", "b", "beta", "c", "rc", "pre", "preview", "A", "RC"};
  private static final String[] POST = {"post", "rev", "r", "POST"};
  private static final String[] SEP = {"", ".", "-", "_"};

  @Test
  void randomVersionsBehave() throws Exception {
    Random random = new Random(440);
    List<Version> versions = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      String text = randomVersion(random);
      Version v = Version.parse(text);
      // Normal form parses back to an equal version with the same normal form.
      Version again = Version.parse(v.toString());
      assertThat(again).as(text).isEqualTo(v).hasSameHashCodeAs(v).hasToString(v.toString());
      versions.add(v);
    }
    for (Version a : versions) {
      for (Version b : versions) {
        int ab = Integer.signum(a.compareTo(b));
        assertThat(Integer.signum(b.compareTo(a))).isEqualTo(-ab);
        assertThat(a.equals(b)).isEqualTo(ab == 0);
        if (ab == 0) {
          assertThat(a.hashCode()).isEqualTo(b.hashCode());
        }
      }
    }
    // Transitivity on sorted order.
    List<Version> sorted = new ArrayList<>(versions);
    sorted.sort(null);
    for (int i = 0; i + 1 < sorted.size(); i++) {
      for (int j = i + 1; j < Math.min(sorted.size(), i + 20); j++) {
        assertThat(sorted.get(i).compareTo(sorted.get(j))).isLessThanOrEqualTo(0);
      }
    }
  }

  private static String randomVersion(Random r) {
    StringBuilder b = new StringBuilder();
    if (r.nextInt(8) == 0) {
      b.append('v');
    }
    if (r.nextInt(6) == 0) {
      b.append(r.nextInt(3)).append('!');
    }
    int segments = 1 + r.nextInt(4);
    for (int i = 0; i < segments; i++) {
      if (i > 0) {
        b.append('.');
      }
      b.append(r.nextInt(3) == 0 ? "0" : "").append(r.nextInt(4));
    }
    if (r.nextInt(3) == 0) {
      b.append(SEP[r.nextInt(SEP.length)]).append(PRE[r.nextInt(PRE.length)]);
      if (r.nextBoolean()) {
        b.append(r.nextInt(3));
      }
    }
    if (r.nextInt(3) == 0) {
      if (r.nextInt(4) == 0) {
        b.append('-').append(r.nextInt(3));
      } else {
        b.append(SEP[r.nextInt(SEP.length)]).append(POST[r.nextInt(POST.length)]).append(r.nextInt(3));
      }
    }
    if (r.nextInt(3) == 0) {
      b.append(SEP[r.nextInt(SEP.length)]).append("dev");
      if (r.nextBoolean()) {
        b.append(r.nextInt(3));
      }
    }
    if (r.nextInt(4) == 0) {
      b.append('+');
      int parts = 1 + r.nextInt(3);
      for (int i = 0; i < parts; i++) {
        if (i > 0) {
          b.append(SEP[1 + r.nextInt(3)]);
        }
        b.append(r.nextBoolean() ? String.valueOf(r.nextInt(20)) : r.nextBoolean() ? "abc" : "Ubuntu");
      }
    }
    return b.toString();
  }
}
