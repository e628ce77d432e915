/**
 * Wheel integrity verification: RECORD, ZIP structure, paths and consistency, reported as findings.
 */
package dev.wheeltapper.verify;
