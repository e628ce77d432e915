package dev.wheeltapper.fuzz;

import dev.wheeltapper.testsupport.Accessors;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wheeltapper.wheel.metadata.CoreMetadata;
import dev.wheeltapper.wheel.metadata.EntryPoints;
import dev.wheeltapper.wheel.metadata.MetadataFormatException;
import dev.wheeltapper.wheel.metadata.WheelInfo;
import dev.wheeltapper.wheel.record.HashFormatException;
import dev.wheeltapper.wheel.record.Record;
import dev.wheeltapper.wheel.record.RecordEntry;
import dev.wheeltapper.wheel.record.RecordFormatException;
import dev.wheeltapper.wheel.record.RecordParseResult;
import dev.wheeltapper.wheel.record.RecordParser;

/**
 * Fuzz targets for the dist-info files read whole into memory: RECORD (strict and lenient), METADATA, WHEEL and
 * entry_points.txt. Documented outcomes: a value, {@link RecordFormatException}, {@link MetadataFormatException} or
 * {@link HashFormatException}.
 */
class MetadataFuzzTest {

  @FuzzTest
  void record(byte[] bytes) throws Exception {
    RecordParseResult lenient = RecordParser.parseLenient(bytes);
    Accessors.touch(lenient);
    for (RecordEntry e : lenient.record().entries()) {
      Accessors.touch(e);
      if (e.hash().isPresent()) {
        Accessors.touch(e.hash().get(), HashFormatException.class);
      }
    }
    try {
      Record strict = RecordParser.parse(bytes);
      // The strict parser accepts exactly what the lenient one parses without problems.
      assertThat(lenient.isClean()).isTrue();
      assertThat(strict.entries()).isEqualTo(lenient.record().entries());
    } catch (RecordFormatException e) {
      assertThat(e.getMessage()).isNotBlank();
      assertThat(lenient.isClean()).isFalse();
    }
  }

  @FuzzTest
  void metadata(byte[] bytes) throws Exception {
    try {
      Accessors.touch(CoreMetadata.parse(bytes));
    } catch (MetadataFormatException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @FuzzTest
  void wheelInfo(byte[] bytes) throws Exception {
    try {
      Accessors.touch(WheelInfo.parse(bytes));
    } catch (MetadataFormatException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
    try {
      EntryPoints ep = EntryPoints.parse(bytes);
      Accessors.touch(ep);
      ep.all().forEach(p -> p.objectReference());
    } catch (MetadataFormatException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }
}
