package dev.wheeltapper.elf;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A file's notes with decoders for the well-known ones: the GNU build id and ABI tag, the GNU properties
 * ({@code .note.gnu.property}), the {@code .note.package} JSON metadata, and the Go build id.
 *
 * <pre>{@code
 * Notes n = elf.notes();
 * Optional<String> id = n.buildId();
 * boolean ibt = n.gnuProperties().ibt();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Notes extends Selection<Note> {
  private final Machine machine;
  private final int bits;

  Notes(List<Note> list, Machine machine, int bits) {
    super(list);
    this.machine = Objects.requireNonNull(machine, "machine");
    this.bits = bits;
  }

  /**
   * The notes of one owner.
   *
   * @param owner for example {@code GNU}
   * @return the notes
   */
  public List<Note> owner(String owner) {
    return list.stream().filter(n -> n.owner().equals(owner)).collect(Collectors.toUnmodifiableList());
  }

  /**
   * The first note of an owner and type.
   *
   * @param owner the owner
   * @param type the type
   * @return the note, empty when absent
   */
  public Optional<Note> find(String owner, long type) {
    return list.stream().filter(n -> n.owner().equals(owner) && n.type() == type).findFirst();
  }

  /**
   * The GNU build id ({@code NT_GNU_BUILD_ID}) as lower-case hex.
   *
   * @return the id, empty when absent
   */
  public Optional<String> buildId() {
    return find("GNU", Note.NT_GNU_BUILD_ID).map(Note::descriptorHex);
  }

  /**
   * The GNU ABI tag ({@code NT_GNU_ABI_TAG}).
   *
   * @return the tag, empty when absent or shorter than 16 bytes
   */
  public Optional<AbiTag> abiTag() {
    return find("GNU", Note.NT_GNU_ABI_TAG)
        .filter(n -> n.descriptorSize() >= 16)
        .map(
            n -> {
              ByteBuffer b = n.descriptor();
              return new AbiTag(
                  b.getInt(0) & 0xffffffffL,
                  b.getInt(4) & 0xffffffffL,
                  b.getInt(8) & 0xffffffffL,
                  b.getInt(12) & 0xffffffffL);
            });
  }

  /**
   * The properties of every {@code NT_GNU_PROPERTY_TYPE_0} note. Each descriptor is a sequence of
   * {@code pr_type}, {@code pr_datasz}, data padded to 8 bytes (ELFCLASS64) or 4 (ELFCLASS32); a property whose size
   * overruns the descriptor ends the walk.
   *
   * @return the decoded properties
   */
  public GnuProperties gnuProperties() {
    List<GnuProperty> out = new ArrayList<>();
    int pad = bits == 64 ? 8 : 4;
    for (Note n : list) {
      if (!n.isGnu(Note.NT_GNU_PROPERTY_TYPE_0)) {
        continue;
      }
      ByteBuffer b = n.descriptor();
      int pos = 0;
      int end = b.limit();
      while (end - pos >= 8) {
        long type = b.getInt(pos) & 0xffffffffL;
        long size = b.getInt(pos + 4) & 0xffffffffL;
        if (size > end - pos - 8) {
          break;
        }
        long value = 0;
        if (size == 4) {
          value = b.getInt(pos + 8) & 0xffffffffL;
        } else if (size == 8) {
          value = b.getLong(pos + 8);
        }
        out.add(new GnuProperty(type, size, value));
        long next = pos + 8 + ((size + pad - 1) / pad) * pad;
        if (next > end) {
          break;
        }
        pos = (int) next;
      }
    }
    return new GnuProperties(out, machine);
  }

  /**
   * The {@code .note.package} metadata ({@code FDO} owner, type {@code 0xcafe1a7e}): a JSON object naming the
   * distribution package the binary came from.
   *
   * @return the JSON text without trailing NULs, empty when absent
   */
  public Optional<String> packageMetadata() {
    return find("FDO", Note.NT_FDO_PACKAGING_METADATA).map(n -> text(n.descriptorBytes()));
  }

  /**
   * The Go build id (owner {@code Go}, type 4, section {@code .note.go.buildid}).
   *
   * @return the id text, empty when absent
   */
  public Optional<String> goBuildId() {
    return find("Go", Note.NT_GO_BUILDID).map(n -> text(n.descriptorBytes()));
  }

  private static String text(byte[] bytes) {
    int len = bytes.length;
    while (len > 0 && bytes[len - 1] == 0) {
      len--;
    }
    return new String(bytes, 0, len, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "Notes" + list;
  }
}
