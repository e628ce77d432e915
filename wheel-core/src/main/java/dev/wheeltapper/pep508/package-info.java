/**
 * PEP 508 dependency specifiers and environment markers: {@link dev.wheeltapper.pep508.Requirement}, {@link
 * dev.wheeltapper.pep508.Marker} and the {@link dev.wheeltapper.pep508.Environment} a marker is evaluated in.
 *
 * <pre>{@code
 * Requirement r = Requirement.parse("numpy>=1.26; python_version >= '3.9'");
 * r.appliesTo(Environment.of(Map.of("python_version", "3.12")));   // true
 * }</pre>
 *
 * <p>Every type is immutable and thread-safe (except {@link dev.wheeltapper.pep508.Environment.Builder}); invalid
 * input gives {@link dev.wheeltapper.pep508.InvalidRequirementException} or {@link
 * dev.wheeltapper.pep508.InvalidMarkerException} with the position, and an undefined comparison gives {@link
 * dev.wheeltapper.pep508.MarkerEvaluationException}.
 */
package dev.wheeltapper.pep508;
