/** Runnable examples of the wheeltapper API, each executed by this module's tests. */
module dev.wheeltapper.examples {
  requires dev.wheeltapper.core;
  requires dev.wheeltapper.binary;
  requires dev.wheeltapper.cli;

  exports dev.wheeltapper.examples;
}
