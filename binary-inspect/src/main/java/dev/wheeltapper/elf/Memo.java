package dev.wheeltapper.elf;

/**
 * A value computed once on first use, thread-safely; a failure is memoized too, so every later call sees the same
 * exception. Any unchecked exception from the computation (a reader bug) becomes an {@link ElfFormatException}, so
 * none escapes a public accessor.
 */
final class Memo<T> {
  interface Compute<T> {
    T get() throws ElfFormatException;
  }

  private final String part;
  private final Compute<T> compute;
  private volatile Object result;

  Memo(String part, Compute<T> compute) {
    this.part = part;
    this.compute = compute;
  }

  @SuppressWarnings("unchecked")
  T get() throws ElfFormatException {
    Object r = result;
    if (r == null) {
      synchronized (this) {
        r = result;
        if (r == null) {
          try {
            r = compute.get();
          } catch (ElfFormatException e) {
            r = e;
          } catch (RuntimeException e) {
            r = new ElfFormatException(-1, "cannot read " + part + ": " + e, e);
          }
          result = r;
        }
      }
    }
    if (r instanceof ElfFormatException) {
      throw (ElfFormatException) r;
    }
    return (T) r;
  }
}
