package dev.wheeltapper.architecture.cyclic.a;

/** Half of a deliberate package cycle, for ArchitectureTest. */
public final class A {
  private A() {}

  /** @return the other half */
  public static Object other() {
    return dev.wheeltapper.architecture.cyclic.b.B.class;
  }
}
