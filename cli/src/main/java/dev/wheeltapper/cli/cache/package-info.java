/**
 * The database of {@code audit --cache} ({@code docs/cache.md}): the SQLite store of audited wheels' reports and the
 * operators' query tables ({@link dev.wheeltapper.cli.cache.AuditCache}), and the lossless stored form of a report
 * ({@link dev.wheeltapper.cli.cache.RecordCodec}). It knows nothing of the report model: the command line
 * ({@code dev.wheeltapper.cli}) fills its rows and decodes its blobs.
 */
package dev.wheeltapper.cli.cache;
