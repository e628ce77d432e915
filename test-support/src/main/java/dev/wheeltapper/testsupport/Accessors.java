package dev.wheeltapper.testsupport;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Calls every public no-argument instance method of a parsed object (the "call every accessor" step of a fuzz target,
 * as Go's {@code debug/elf} FuzzReader does), so that lazily parsed parts are parsed too. Only the exception types
 * the caller names may come out; anything else is rethrown and fails the fuzz target.
 */
public final class Accessors {
  private static final Set<String> SKIPPED = Set.of("close", "hashCode", "getClass", "notify", "notifyAll", "wait");

  private Accessors() {}

  /**
   * Calls every accessor of {@code target}; returns the results so that callers may descend into them.
   *
   * @param target the parsed object
   * @param allowed the documented checked exceptions an accessor may throw
   * @return the values the accessors returned (nulls for failures)
   * @throws Exception an exception that is not {@code allowed}
   */
  public static List<Object> touch(Object target, Class<?>... allowed) throws Exception {
    Method[] methods = target.getClass().getMethods();
    // Stable order, so that a finding reproduces the same way.
    Arrays.sort(methods, Comparator.comparing(Method::getName));
    Object[] results = new Object[methods.length];
    for (int i = 0; i < methods.length; i++) {
      Method m = methods[i];
      if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || SKIPPED.contains(m.getName())
          || m.getReturnType() == void.class) {
        continue;
      }
      try {
        m.setAccessible(true);
        Object r = m.invoke(target);
        if (r instanceof java.util.stream.BaseStream<?, ?> s) {
          s.iterator().forEachRemaining(x -> {});
        } else if (r instanceof Iterable<?> it) {
          it.forEach(Object::toString);
        }
        results[i] = r;
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (!(cause instanceof Exception ex) || Arrays.stream(allowed).noneMatch(a -> a.isInstance(ex))) {
          if (cause instanceof Error err) {
            throw err;
          }
          throw (Exception) cause;
        }
      }
    }
    return Arrays.asList(results);
  }
}
