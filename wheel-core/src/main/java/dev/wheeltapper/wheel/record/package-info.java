/**
 * RECORD (PEP 376 as used by wheels): rows of path, hash and size, and hash values.
 */
package dev.wheeltapper.wheel.record;
