/**
 * The root of the wheel format's errors ({@link dev.wheeltapper.format.WheelFormatException}), below {@code wheel},
 * {@code wheel.metadata} and {@code wheel.record} so that each can extend it without importing the others.
 */
package dev.wheeltapper.format;
