package dev.wheeltapper.macho;

import dev.wheeltapper.bytes.ByteSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads the embedded signature (Apple's {@code cs_blobs.h} layout, big-endian) and recomputes its hashes. Every length
 * is checked against the blob that holds it, every loop is bounded by a count those lengths cap, and the code range
 * never passes the slice.
 */
final class CodeSignatures {
  private static final long SUPERBLOB = 0xfade0cc0L;
  private static final long CODEDIRECTORY = 0xfade0c02L;
  private static final long CMS_WRAPPER = 0xfade0b01L;
  private static final int SLOT_CODEDIRECTORY = 0;
  private static final int SLOT_ALTERNATE_FIRST = 0x1000;
  private static final int SLOT_ALTERNATE_LAST = 0x1004;
  private static final int SLOT_SIGNATURE = 0x10000;
  /**
   * Special slots whose blob travels inside the signature: requirements, entitlements, DER entitlements and the four
   * launch constraints. (Info.plist and the resource directory live outside the binary.)
   */
  private static final int[] INTERNAL_SPECIAL_SLOTS = {2, 5, 7, 8, 9, 10, 11};
  private static final int MAX_BLOBS = 64;
  /** Signatures are kilobytes; anything beyond this is not read. */
  private static final int MAX_SIGNATURE = 16 << 20;
  private static final int HASH_CHUNK = 1 << 16;

  private CodeSignatures() {}

  private static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message, null, false, false);
    }
  }

  static CodeSignature verify(ByteSource src, long sliceOffset, long sliceSize, Optional<MachORecords.LinkeditData> cmd)
      throws IOException {
    if (cmd.isEmpty() || cmd.get().dataSize() == 0) {
      return new CodeSignature(CodeSignature.State.ABSENT, Optional.empty(), List.of(), 0, 0, false,
          "no LC_CODE_SIGNATURE");
    }
    long off = cmd.get().dataOffset();
    long size = cmd.get().dataSize();
    try {
      if (off < 0 || size < 0 || off > sliceSize || size > sliceSize - off || size > MAX_SIGNATURE) {
        throw new Malformed("LC_CODE_SIGNATURE data (" + size + " bytes at " + off + ") is not inside the slice");
      }
      ByteBuffer sig = src.slice(sliceOffset + off, (int) size).order(ByteOrder.BIG_ENDIAN);
      return verify(src, sliceOffset, sliceSize, off, sig);
    } catch (Malformed e) {
      return new CodeSignature(CodeSignature.State.MALFORMED, Optional.empty(), List.of(), 0, 0, false,
          "malformed code signature: " + e.getMessage());
    }
  }

  private static CodeSignature verify(ByteSource src, long sliceOffset, long sliceSize, long signatureOffset,
      ByteBuffer sig) throws IOException, Malformed {
    if (sig.remaining() < 12 || u32(sig, 0) != SUPERBLOB) {
      throw new Malformed("no SuperBlob magic");
    }
    long length = u32(sig, 4);
    long count = u32(sig, 8);
    if (length < 12 || length > sig.remaining()) {
      throw new Malformed("SuperBlob length " + length + " outside the " + sig.remaining() + "-byte signature");
    }
    if (count > MAX_BLOBS || 12 + count * 8 > length) {
      throw new Malformed("SuperBlob of " + count + " blobs does not fit its length " + length);
    }
    int[] types = new int[(int) count];
    int[] starts = new int[(int) count];
    int[] ends = new int[(int) count];
    for (int i = 0; i < count; i++) {
      long type = u32(sig, 12 + i * 8);
      long at = u32(sig, 16 + i * 8);
      if (at + 8 > length) {
        throw new Malformed("blob " + i + " at " + at + " outside the SuperBlob");
      }
      long blobLength = u32(sig, (int) at + 4);
      if (blobLength < 8 || at + blobLength > length) {
        throw new Malformed("blob " + i + " of " + blobLength + " bytes outside the SuperBlob");
      }
      for (int j = 0; j < i; j++) {
        if (types[j] == (int) type) {
          // two blobs for one slot: which one the kernel reads is not ours to guess, and each costs a pass
          throw new Malformed("two blobs of slot type 0x" + Long.toHexString(type));
        }
      }
      types[i] = (int) type;
      starts[i] = (int) at;
      ends[i] = (int) (at + blobLength);
    }
    Optional<String> identifier = Optional.empty();
    List<String> hashTypes = new ArrayList<>();
    int pages = 0;
    long flags = 0;
    boolean primary = false;
    boolean cms = false;
    for (int i = 0; i < count; i++) {
      int t = types[i];
      if (t == SLOT_SIGNATURE) {
        cms = u32(sig, starts[i]) == CMS_WRAPPER && ends[i] - starts[i] > 8;
        continue;
      }
      if (t != SLOT_CODEDIRECTORY && (t < SLOT_ALTERNATE_FIRST || t > SLOT_ALTERNATE_LAST)) {
        continue;
      }
      ByteBuffer cd = sig.slice(starts[i], ends[i] - starts[i]).order(ByteOrder.BIG_ENDIAN);
      Directory d = Directory.read(cd, sliceSize);
      if (t == SLOT_CODEDIRECTORY) {
        primary = true;
        flags = d.flags;
        identifier = d.identifier;
      }
      hashTypes.add(d.algorithm);
      Optional<String> mismatch = d.codeLimit == signatureOffset ? Optional.empty()
          : Optional.of("the CodeDirectory covers " + d.codeLimit + " bytes, but the code runs to the signature at "
              + signatureOffset);
      if (mismatch.isEmpty()) {
        mismatch = d.checkSpecialSlots(sig, types, starts, ends);
      }
      if (mismatch.isEmpty()) {
        mismatch = d.checkCode(src, sliceOffset, sliceSize);
      }
      if (mismatch.isPresent()) {
        return new CodeSignature(CodeSignature.State.INVALID, d.identifier, hashTypes, pages, d.flags, cms,
            mismatch.get() + " (" + d.algorithm + " CodeDirectory): modified after signing");
      }
      pages += d.codeSlots;
    }
    if (!primary) {
      throw new Malformed("no CodeDirectory");
    }
    String kind = cms ? "signed (CMS blob present, signer not verified)" : (flags & 0x20000) != 0
        ? "ad-hoc, linker-signed" : (flags & 0x2) != 0 ? "ad-hoc" : "unsigned CodeDirectory";
    return new CodeSignature(CodeSignature.State.VALID, identifier, hashTypes, pages, flags, cms,
        kind + " signature" + identifier.map(s -> " of \"" + printable(s) + "\"").orElse("") + ": " + pages
            + " code page hashes (" + String.join(", ", hashTypes) + ") verified");
  }

  /** One CodeDirectory's fields, bounds-checked against its blob. */
  private static final class Directory {
    final ByteBuffer cd;
    final long flags;
    final int hashOffset;
    final int specialSlots;
    final int codeSlots;
    final long codeLimit;
    final int hashSize;
    final String algorithm;
    final String jca;
    final int pageShift;
    final Optional<String> identifier;

    private Directory(ByteBuffer cd, long flags, int hashOffset, int specialSlots, int codeSlots, long codeLimit,
        int hashSize, String algorithm, String jca, int pageShift, Optional<String> identifier) {
      this.cd = cd;
      this.flags = flags;
      this.hashOffset = hashOffset;
      this.specialSlots = specialSlots;
      this.codeSlots = codeSlots;
      this.codeLimit = codeLimit;
      this.hashSize = hashSize;
      this.algorithm = algorithm;
      this.jca = jca;
      this.pageShift = pageShift;
      this.identifier = identifier;
    }

    static Directory read(ByteBuffer cd, long sliceSize) throws Malformed {
      int len = cd.remaining();
      if (len < 44 || u32(cd, 0) != CODEDIRECTORY) {
        throw new Malformed("CodeDirectory without magic or shorter than its header");
      }
      long version = u32(cd, 8);
      long flags = u32(cd, 12);
      long hashOffset = u32(cd, 16);
      long identOffset = u32(cd, 20);
      long special = u32(cd, 24);
      long code = u32(cd, 28);
      long codeLimit = u32(cd, 32);
      int hashSize = cd.get(36) & 0xff;
      int hashType = cd.get(37) & 0xff;
      int pageShift = cd.get(39) & 0xff;
      if (version >= 0x20300 && len >= 64 && cd.getLong(56) != 0) {
        codeLimit = cd.getLong(56); // codeLimit64 wins when set, as the kernel's signing limit does
      }
      if (Long.compareUnsigned(codeLimit, sliceSize) > 0) {
        throw new Malformed("code limit " + Long.toUnsignedString(codeLimit) + " past the " + sliceSize
            + "-byte slice");
      }
      String algorithm;
      String jca;
      int expected;
      switch (hashType) {
        case 1 -> { algorithm = "SHA-1"; jca = "SHA-1"; expected = 20; }
        case 2 -> { algorithm = "SHA-256"; jca = "SHA-256"; expected = 32; }
        case 3 -> { algorithm = "SHA-256 truncated"; jca = "SHA-256"; expected = 20; }
        case 4 -> { algorithm = "SHA-384"; jca = "SHA-384"; expected = 48; }
        default -> throw new Malformed("unknown hash type " + hashType);
      }
      if (hashSize != expected) {
        throw new Malformed(algorithm + " hashes of " + hashSize + " bytes");
      }
      if (hashOffset > len || special * hashSize > hashOffset || code * hashSize > len - hashOffset) {
        throw new Malformed("hash slots outside the CodeDirectory");
      }
      if (pageShift != 0 && (pageShift < 9 || pageShift > 24)) {
        throw new Malformed("page size 2^" + pageShift);
      }
      long expectedSlots = codeLimit == 0 ? 0 : pageShift == 0 ? 1 : ((codeLimit - 1) >>> pageShift) + 1;
      if (code != expectedSlots) {
        // fewer slots than pages would leave code unhashed; more would hash bytes past codeLimit
        throw new Malformed(code + " code slots for a code limit of " + codeLimit + " bytes");
      }
      Optional<String> ident = Optional.empty();
      if (identOffset > 0 && identOffset < len) {
        int end = (int) identOffset;
        while (end < len && cd.get(end) != 0 && end - identOffset < 1024) {
          end++;
        }
        byte[] b = new byte[end - (int) identOffset];
        cd.get((int) identOffset, b);
        ident = Optional.of(new String(b, StandardCharsets.UTF_8));
      }
      return new Directory(cd, flags, (int) hashOffset, (int) special, (int) code, codeLimit, hashSize, algorithm, jca,
          pageShift, ident);
    }

    private byte[] slot(int index) {
      byte[] h = new byte[hashSize];
      cd.get(hashOffset + index * hashSize, h);
      return h;
    }

    /** The requirements and entitlements blobs the signature carries against their special slots. */
    Optional<String> checkSpecialSlots(ByteBuffer sig, int[] types, int[] starts, int[] ends) throws Malformed {
      for (int slot : INTERNAL_SPECIAL_SLOTS) {
        if (slot > specialSlots) {
          continue;
        }
        byte[] want = slot(-slot);
        int blob = -1;
        for (int i = 0; i < types.length; i++) {
          if (types[i] == slot) {
            blob = i;
          }
        }
        boolean zero = Arrays.equals(want, new byte[hashSize]);
        if (blob < 0) {
          if (!zero) {
            return Optional.of("special slot " + slot + " hashes a blob the signature no longer carries");
          }
          continue;
        }
        MessageDigest md = digest();
        md.update(sig.slice(starts[blob], ends[blob] - starts[blob]));
        if (!Arrays.equals(Arrays.copyOf(md.digest(), hashSize), want)) {
          return Optional.of("special slot " + slot + " does not match its blob");
        }
      }
      return Optional.empty();
    }

    /** Every code page of the slice against its slot. */
    Optional<String> checkCode(ByteSource src, long sliceOffset, long sliceSize) throws IOException, Malformed {
      long page = pageShift == 0 ? codeLimit : 1L << pageShift;
      MessageDigest md = digest();
      for (int i = 0; i < codeSlots; i++) {
        long start = i * page;
        long end = Math.min(start + page, codeLimit);
        for (long p = start; p < end; p += HASH_CHUNK) {
          md.update(src.slice(sliceOffset + p, (int) Math.min(HASH_CHUNK, end - p)));
        }
        if (!Arrays.equals(Arrays.copyOf(md.digest(), hashSize), slot(i))) {
          return Optional.of("code page " + i + " of " + codeSlots + " (bytes " + start + " to " + end
              + ") does not match its hash");
        }
      }
      return Optional.empty();
    }

    private MessageDigest digest() throws Malformed {
      try {
        return MessageDigest.getInstance(jca);
      } catch (NoSuchAlgorithmException e) {
        throw new Malformed(algorithm + " unavailable");
      }
    }
  }

  private static long u32(ByteBuffer b, int at) {
    return b.getInt(at) & 0xffffffffL;
  }

  private static String printable(String s) {
    return dev.wheeltapper.report.Untrusted.printable(s);
  }
}
