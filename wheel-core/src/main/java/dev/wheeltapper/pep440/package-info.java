/**
 * PEP 440 versions and version specifiers.
 */
package dev.wheeltapper.pep440;
