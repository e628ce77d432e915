/**
 * The one result model of every check: {@link dev.wheeltapper.report.Finding}, {@link
 * dev.wheeltapper.report.Severity} and the contract's finding {@link dev.wheeltapper.report.Codes}.
 */
package dev.wheeltapper.report;
