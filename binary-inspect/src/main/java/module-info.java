/**
 * wheeltapper binary-inspect: bounds-checked native binary readers (ELF, PE, Mach-O), hardening checks, toolchain and
 * language detection, and wheel audits with platform policy.
 */
// aircompressor's jar has no module name: its automatic name comes from the file name, which javac warns about
@SuppressWarnings("requires-automatic")
module dev.wheeltapper.binary {
  // Its exported types expose the core's (Finding, Tag, WheelVerifier, VerificationReport): readers get it too.
  requires transitive dev.wheeltapper.core;
  requires org.slf4j;
  requires com.fasterxml.jackson.core;
  requires org.bouncycastle.provider;
  requires org.bouncycastle.util;
  requires org.bouncycastle.pkix;
  // Zstandard sections (elf.CompressedSectionReader)
  requires aircompressor;

  exports dev.wheeltapper.audit;
  exports dev.wheeltapper.bytes;
  exports dev.wheeltapper.inspect;
  exports dev.wheeltapper.isa;
  exports dev.wheeltapper.dwarf;
  exports dev.wheeltapper.elf;
  exports dev.wheeltapper.guide;
  exports dev.wheeltapper.hardening;
  exports dev.wheeltapper.macho;
  exports dev.wheeltapper.pe;
  exports dev.wheeltapper.policy;
  exports dev.wheeltapper.toolchain;
}
