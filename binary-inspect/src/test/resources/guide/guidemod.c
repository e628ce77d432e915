/* OpenSSF guide fixture: a C "extension module" (PyInit_guidemod; no Python headers needed) whose code shows the
   guide's options: fortifiable calls (strcpy, sprintf, memcpy of a run-time size), a stack buffer (canary), a frame
   larger than a page (stack clash probes), pthread cancellation cleanup (-fexceptions), a flexible array member. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct blob {
  int n;
  char data[];
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void unlock(void *m) {
  pthread_mutex_unlock((pthread_mutex_t *) m);
}

int guide_copy(char *dst, const char *src, size_t n) {
  char buf[64];
  strcpy(buf, src);
  char *heap = malloc(n + 1);
  if (heap == NULL) {
    return -1;
  }
  memcpy(heap, src, n);
  heap[n] = 0;
  sprintf(dst, "%s %d", buf, (int) n);
  int r = (int) strlen(heap);
  free(heap);
  return r;
}

int guide_big(int i) {
  volatile char frame[70000];
  frame[i % 70000] = (char) i;
  return frame[(i * 7) % 70000];
}

int guide_locked(int (*fn)(void)) {
  int r;
  pthread_mutex_lock(&lock);
  pthread_cleanup_push(unlock, &lock);
  r = fn();
  pthread_cleanup_pop(1);
  return r;
}

size_t guide_blob(const struct blob *b) {
  return (size_t) b->n + sizeof *b;
}

void *PyInit_guidemod(void) {
  static char name[32];
  guide_copy(name, "guidemod", 8);
  return name;
}
