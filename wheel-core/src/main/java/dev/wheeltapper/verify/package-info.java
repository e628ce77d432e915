/**
 * Wheel integrity verification: RECORD, ZIP structure, paths and consistency, reported as findings.
 * {@link dev.wheeltapper.verify.WheelVerifier} runs the stages, each a package-private class named after it:
 * {@code DistInfoConsistency}, {@code RecordCheck}, {@code ContentPass} and {@code SignatureDispatch}.
 */
package dev.wheeltapper.verify;
