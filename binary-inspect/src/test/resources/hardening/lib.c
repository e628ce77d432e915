/* Hardening fixture: a small shared library whose calls are fortifiable and whose stack buffer invites a canary. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int fixture_counter = 0;

int fixture_copy(char *dst, const char *src, int fd) {
  char buf[64];
  strcpy(buf, src);
  memcpy(dst, buf, strlen(buf) + 1);
  if (fd >= 0 && read(fd, buf, sizeof buf) < 0) {
    return -1;
  }
  printf("%s %d\n", buf, fixture_counter);
  return (int) strlen(dst);
}

int fixture_bump(void) {
  return ++fixture_counter;
}
