/** The wheeltapper command line and the runnable examples. */
module dev.wheeltapper.examples {
  requires dev.wheeltapper.core;
  requires dev.wheeltapper.binary;
  requires info.picocli;
  requires com.fasterxml.jackson.core;

  exports dev.wheeltapper.examples;

  // picocli reads the command classes' annotated fields reflectively
  opens dev.wheeltapper.cli to info.picocli;
}
