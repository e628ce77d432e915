/**
 * The sample wheels bundled with the command line ({@link dev.wheeltapper.samples.BundledSamples}): built by the project
 * from its own sources, committed prebuilt under {@code cli/src/samples/prebuilt/}, and stored in the jar under
 * {@code /wheeltapper-samples/}, outside any package, so that they resolve on the class path and the module path alike.
 */
package dev.wheeltapper.samples;
