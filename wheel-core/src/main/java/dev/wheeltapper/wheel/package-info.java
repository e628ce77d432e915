/**
 * Opening a wheel (PEP 427 and the binary distribution format specification): its file name and tags, its entries and its single .dist-info directory.
 */
package dev.wheeltapper.wheel;
