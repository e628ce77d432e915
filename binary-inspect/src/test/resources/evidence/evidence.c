/* A C extension module shaped for the evidence channels of the OpenSSF guide profile (issue 22): an exported
 * PyInit_evidence (entry marker), a 70 000-byte frame and a 5 000-byte frame (stack-clash probes, or their absence),
 * a variable-length array (dynamic probes), and FORTIFY-able calls. No Python headers: only the shapes matter. */
#include <stdio.h>
#include <string.h>

int evidence_use(char *p, int n);

int evidence_big_frame(int n) {
  char buf[70000];
  memset(buf, n, sizeof buf);
  return evidence_use(buf, n);
}

int evidence_mid_frame(int n) {
  char buf[5000];
  memset(buf, n, sizeof buf);
  return evidence_use(buf, n);
}

int evidence_vla(int n) {
  char buf[n];
  memset(buf, n, (size_t) n);
  return evidence_use(buf, n);
}

int evidence_format(char *dst, const char *src, int n) {
  char tmp[32];
  strcpy(tmp, src);
  return sprintf(dst, "%s:%d", tmp, n);
}

int evidence_use(char *p, int n) {
  return p[n & 7] + n;
}

void *PyInit_evidence(void) {
  static char module[64];
  evidence_format(module, "evidence", 1);
  return module;
}
