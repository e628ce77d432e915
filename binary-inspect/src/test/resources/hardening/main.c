/* Hardening fixture: an executable, built as PIE and as a fixed-address executable. */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
  char buf[32];
  strncpy(buf, argc > 1 ? argv[1] : "fixture", sizeof buf - 1);
  buf[sizeof buf - 1] = 0;
  printf("%s\n", buf);
  return 0;
}
