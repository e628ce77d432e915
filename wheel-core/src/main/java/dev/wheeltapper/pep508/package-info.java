/**
 * PEP 508 dependency specifiers (requirements) and environment markers.
 */
package dev.wheeltapper.pep508;
