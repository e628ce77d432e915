/**
 * The one result model of every check: {@link dev.wheeltapper.report.Finding}, {@link
 * dev.wheeltapper.report.Severity}, the contract's finding {@link dev.wheeltapper.report.Codes}, and the {@link
 * dev.wheeltapper.report.CodeRegistry} that describes each code.
 */
package dev.wheeltapper.report;
