package dev.wheeltapper.zip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ZipLimitsTest {

  @Test
  void defaults() {
    ZipLimits d = ZipLimits.defaults();
    assertThat(d.maxEntries()).isEqualTo(100_000);
    assertThat(d.maxTotalUncompressed()).isEqualTo(8L << 30);
    assertThat(d.maxEntryRatio()).isEqualTo(200);
    assertThat(d.entryRatioFloor()).isEqualTo(64L << 20);
    assertThat(d.maxTotalRatio()).isEqualTo(50);
    assertThat(d.totalRatioFloor()).isEqualTo(64L << 20);
    assertThat(d.maxMetadataFileSize()).isEqualTo(16L << 20);
    assertThat(d.maxFindings()).isEqualTo(1_000);
  }

  @Test
  void withersChangeOneValue() {
    ZipLimits l = ZipLimits.defaults().withMaxEntries(7).withMaxTotalUncompressed(9).withEntryRatio(3, 4)
        .withTotalRatio(5, 6).withMaxMetadataFileSize(8).withMaxFindings(2);
    assertThat(l).isEqualTo(new ZipLimits(7, 9, 3, 4, 5, 6, 8, 2));
  }

  @Test
  void capsSaturateInsteadOfOverflowing() {
    ZipLimits l = ZipLimits.defaults();
    assertThat(l.entryRatioCap(10)).isEqualTo(64L << 20);
    assertThat(l.entryRatioCap(1L << 30)).isEqualTo(200L << 30);
    assertThat(l.entryRatioCap(Long.MAX_VALUE / 2)).isEqualTo(Long.MAX_VALUE);
    assertThat(l.totalRatioCap(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    assertThat(l.totalRatioCap(-5)).isEqualTo(64L << 20);
  }

  @Test
  void rejectsNonPositiveLimits() {
    assertThatThrownBy(() -> ZipLimits.defaults().withMaxEntries(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxEntries");
    assertThatThrownBy(() -> ZipLimits.defaults().withEntryRatio(10, -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("entryRatioFloor");
    assertThatThrownBy(() -> ZipLimits.defaults().withMaxMetadataFileSize(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
