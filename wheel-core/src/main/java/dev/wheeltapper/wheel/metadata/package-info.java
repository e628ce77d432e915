/**
 * Core metadata (METADATA, versions 1.0 to 2.5), WHEEL, entry points, license files and PEP 770 SBOM entries.
 */
package dev.wheeltapper.wheel.metadata;
