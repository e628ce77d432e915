package dev.wheeltapper.elf;

/**
 * One property of an {@code NT_GNU_PROPERTY_TYPE_0} note ({@code .note.gnu.property}).
 *
 * <pre>{@code
 * elf.notes().gnuProperties().find(GnuProperties.X86_FEATURE_1_AND).map(GnuProperty::value);
 * }</pre>
 *
 * @param type {@code pr_type}
 * @param dataSize {@code pr_datasz}
 * @param value the data read as an unsigned integer in the file's byte order when {@code pr_datasz} is 4 or 8, else 0
 */
public record GnuProperty(long type, long dataSize, long value) {}
