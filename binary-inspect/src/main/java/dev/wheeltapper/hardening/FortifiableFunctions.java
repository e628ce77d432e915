package dev.wheeltapper.hardening;

import java.util.Set;
import java.util.TreeSet;

/**
 * The glibc functions that have a {@code __<name>_chk} FORTIFY_SOURCE variant: the 79-name list that Debian's
 * {@code hardening-check} and {@code checksec.rs} use (glibc's exported {@code _chk} functions), as data.
 *
 * <pre>{@code
 * FortifiableFunctions.contains("memcpy");   // true
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class FortifiableFunctions {
  private FortifiableFunctions() {}

  private static final Set<String> NAMES = Set.copyOf(new TreeSet<>(Set.of(
      "asprintf", "confstr", "dprintf", "explicit_bzero", "fdelt", "fgets", "fgets_unlocked", "fgetws",
      "fgetws_unlocked", "fprintf", "fread", "fread_unlocked", "fwprintf", "getcwd", "getdomainname", "getgroups",
      "gethostname", "getlogin_r", "gets", "getwd", "longjmp", "mbsnrtowcs", "mbsrtowcs", "mbstowcs", "memcpy",
      "memmove", "mempcpy", "memset", "obstack_printf", "obstack_vprintf", "poll", "ppoll", "pread", "pread64",
      "printf", "ptsname_r", "read", "readlink", "readlinkat", "realpath", "recv", "recvfrom", "snprintf",
      "sprintf", "stpcpy", "stpncpy", "strcat", "strcpy", "strncat", "strncpy", "swprintf", "syslog", "ttyname_r",
      "vasprintf", "vdprintf", "vfprintf", "vfwprintf", "vprintf", "vsnprintf", "vsprintf", "vswprintf",
      "vsyslog", "vwprintf", "wcpcpy", "wcpncpy", "wcrtomb", "wcscat", "wcscpy", "wcsncat", "wcsncpy",
      "wcsnrtombs", "wcsrtombs", "wcstombs", "wctomb", "wmemcpy", "wmemmove", "wmempcpy", "wmemset", "wprintf")));

  /**
   * All names, sorted.
   *
   * @return an unmodifiable sorted copy
   */
  public static Set<String> names() {
    return java.util.Collections.unmodifiableSortedSet(new TreeSet<>(NAMES));
  }

  /**
   * Whether a plain function name has a fortified variant.
   *
   * @param name for example {@code memcpy}
   * @return true when {@code __<name>_chk} exists in glibc
   */
  public static boolean contains(String name) {
    return NAMES.contains(name);
  }

  /**
   * The base name of a fortified function: {@code __memcpy_chk} gives {@code memcpy}.
   *
   * @param name a symbol name
   * @return the base name, or null when the name is not of the form {@code __<name>_chk}
   */
  static String fortifiedBase(String name) {
    if (name.length() > 6 && name.startsWith("__") && name.endsWith("_chk")) {
      String base = name.substring(2, name.length() - 4);
      return base.isEmpty() || base.startsWith("_") ? null : base;
    }
    return null;
  }
}
