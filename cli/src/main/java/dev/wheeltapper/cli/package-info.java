/** The {@code wheeltapper} command line: verify, inspect and audit, with text, JSON and SARIF output. */
package dev.wheeltapper.cli;
