/** The wheeltapper command line (verify, inspect, audit), its report writers and the bundled sample wheels. */
module dev.wheeltapper.cli {
  requires dev.wheeltapper.core;
  requires dev.wheeltapper.binary;
  requires info.picocli;
  requires com.fasterxml.jackson.core;

  // The sample wheels, the default input of `wheeltapper audit` and of the examples.
  exports dev.wheeltapper.samples;

  // picocli reads the command classes' annotated fields reflectively
  opens dev.wheeltapper.cli to info.picocli;
}
