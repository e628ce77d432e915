/**
 * Joins a wheel and its native binaries into one audit report.
 */
package dev.wheeltapper.audit;
