/**
 * Hardening checks with a status and the evidence read, one model for every binary format.
 */
package dev.wheeltapper.hardening;
