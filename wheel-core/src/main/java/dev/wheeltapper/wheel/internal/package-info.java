/** Helpers shared by the wheel readers (strict UTF-8 decoding, message escaping). Not exported; not API. */
package dev.wheeltapper.wheel.internal;
