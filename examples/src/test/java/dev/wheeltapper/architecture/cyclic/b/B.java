package dev.wheeltapper.architecture.cyclic.b;

/** Half of a deliberate package cycle, for ArchitectureTest. */
public final class B {
  private B() {}

  /** @return the other half */
  public static Object other() {
    return dev.wheeltapper.architecture.cyclic.a.A.other();
  }
}
