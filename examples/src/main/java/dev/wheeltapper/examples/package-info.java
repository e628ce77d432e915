/**
 * Runnable examples of the main tasks, each a short program with a {@code main} that runs with no argument on the
 * sample wheels bundled in the jar: {@link dev.wheeltapper.examples.ReadMetadata},
 * {@link dev.wheeltapper.examples.VerifyWheel}, {@link dev.wheeltapper.examples.VerifySignatures},
 * {@link dev.wheeltapper.examples.InspectElf} and {@link dev.wheeltapper.examples.AuditDirectory}. The same tasks as
 * scripts are in {@code examples/jshell} and {@code examples/groovy}. Every example and script runs in the test suite.
 *
 * <pre>{@code
 * java -cp cli/target/wheeltapper.jar:examples/target/wheeltapper-examples.jar dev.wheeltapper.examples.VerifyWheel some.whl
 * }</pre>
 */
package dev.wheeltapper.examples;
