/**
 * The ELF reader: a raw layer that only reads bytes safely, and a typed layer with fluent queries.
 */
package dev.wheeltapper.elf;
