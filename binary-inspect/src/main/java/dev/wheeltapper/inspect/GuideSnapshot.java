package dev.wheeltapper.inspect;

import dev.wheeltapper.elf.ElfFile;
import dev.wheeltapper.elf.ElfFormatException;
import dev.wheeltapper.elf.VersionNeed;
import dev.wheeltapper.guide.GuideInputs;
import dev.wheeltapper.hardening.ElfFacts;
import dev.wheeltapper.hardening.ElfHardening;
import dev.wheeltapper.toolchain.Toolchain;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The evidence the OpenSSF guide profile reads beyond {@link ElfSnapshot}'s facts, taken from the ELF reader: the
 * libraries {@code .gnu.version_r} requires versions from (the absence of {@code --as-needed}). Optional evidence: a
 * damaged part is skipped, never fatal.
 *
 * <p>Stateless and thread-safe.
 */
final class GuideSnapshot {
  private static final Logger LOG = LoggerFactory.getLogger(GuideSnapshot.class);

  private GuideSnapshot() {}

  static GuideInputs of(ElfFile elf, ElfFacts facts, ElfHardening hardening, Toolchain toolchain) {
    GuideInputs in = GuideInputs.of(facts, hardening, toolchain);
    try {
      List<String> libraries = new ArrayList<>();
      for (VersionNeed n : elf.versionRequirements().needs()) {
        libraries.add(n.library());
      }
      in = in.withVersionedLibraries(libraries);
    } catch (ElfFormatException e) {
      LOG.debug("skipping version requirements for the guide: {}", e.getMessage());
    }
    return in;
  }
}
