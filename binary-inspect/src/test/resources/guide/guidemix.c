/* OpenSSF guide fixture: a second compilation unit, built with other switches than guidemod.c (units disagree). */
#include <string.h>

int guide_mix(char *dst, const char *src) {
  char buf[32];
  strcpy(buf, src);
  strcpy(dst, buf);
  return (int) strlen(dst);
}
