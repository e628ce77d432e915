package dev.wheeltapper.cli;

/** Entry point of {@code wheeltapper.jar}. */
public final class Main {
  private Main() {}

  /**
   * Runs the command line and exits with its exit code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    System.exit(0);
  }
}
