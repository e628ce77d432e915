/* Hardening fixture: C code compiled into a Rust extension by its build script. */
#include <assert.h>
#include <string.h>

unsigned long wt_helper_checksum(const char *text) {
  assert(text != NULL);
  unsigned long sum = 0;
  size_t n = strlen(text);
  for (size_t i = 0; i < n; i++) {
    sum = sum * 31 + (unsigned char) text[i];
  }
  return sum;
}
