/**
 * PEP 440 versions and version specifiers: {@link dev.wheeltapper.pep440.Version} (parse, normalise, order), {@link
 * dev.wheeltapper.pep440.Specifier} and {@link dev.wheeltapper.pep440.SpecifierSet} (containment and filtering with
 * PEP 440's pre-release rules).
 *
 * <pre>{@code
 * Version v = Version.parse("1.0.post1");
 * SpecifierSet.parse(">=1.0,<2").contains(v);   // true
 * }</pre>
 *
 * <p>Every type is immutable and thread-safe; invalid input gives {@link
 * dev.wheeltapper.pep440.InvalidVersionException} or {@link dev.wheeltapper.pep440.InvalidSpecifierException}.
 */
package dev.wheeltapper.pep440;
