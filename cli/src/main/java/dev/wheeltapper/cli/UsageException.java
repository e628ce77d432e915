package dev.wheeltapper.cli;

/** A usage error or an unreadable path: a one-line message and exit code 2. */
final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
