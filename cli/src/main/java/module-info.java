/** The wheeltapper command line (verify, inspect, audit), its report writers and the bundled sample wheels. */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.wheeltapper.cli {
  requires dev.wheeltapper.core;
  requires dev.wheeltapper.binary;
  requires info.picocli;
  requires com.fasterxml.jackson.core;
  // cyclonedx-core-java and packageurl-java have neither a module-info nor an Automatic-Module-Name: their names
  // come from their jar names (the shaded jar runs on the class path, where the names play no part).
  requires cyclonedx.core.java;
  requires packageurl.java;
  // audit --cache: JDBC, and the SQLite driver it finds through DriverManager (docs/cache.md)
  requires java.sql;
  requires org.xerial.sqlitejdbc;

  // The sample wheels, the default input of `wheeltapper audit` and of the examples.
  exports dev.wheeltapper.samples;

  // picocli reads the command classes' annotated fields reflectively
  opens dev.wheeltapper.cli to info.picocli;
}
