/*
 * A small Python extension module used for wheeltapper's bundled sample wheels.
 *
 * It declares the few CPython entry points it uses instead of including Python.h, so the samples build with gcc
 * alone on a machine without Python headers. The module is built twice: once with the usual hardening flags and once
 * without, so that an audit of the bundled samples shows both kinds of result.
 */
#include <stdio.h>
#include <string.h>

#define CAT2(a, b) a##b
#define CAT(a, b) CAT2(a, b)
#define STR2(x) #x
#define STR(x) STR2(x)

typedef struct _object PyObject;
extern PyObject *PyLong_FromLong(long v);
extern PyObject *PyUnicode_FromString(const char *s);
extern PyObject *PyModule_New(const char *name);
extern int PyModule_AddObject(PyObject *module, const char *name, PyObject *value);

/* Copies through a stack buffer so that the compiler inserts a stack protector and fortified calls. */
static long checksum(const char *text) {
  char buf[64];
  long sum = 0;
  size_t n = strlen(text);
  if (n >= sizeof buf) {
    n = sizeof buf - 1;
  }
  memcpy(buf, text, n);
  buf[n] = '\0';
  char line[80];
  snprintf(line, sizeof line, "%s!", buf);
  for (size_t i = 0; line[i] != '\0'; i++) {
    sum = sum * 31 + (unsigned char)line[i];
  }
  return sum;
}

PyObject *CAT(PyInit_, MODULE_NAME)(void) {
  PyObject *m = PyModule_New(STR(MODULE_NAME));
  if (m == NULL) {
    return NULL;
  }
  PyModule_AddObject(m, "checksum", PyLong_FromLong(checksum("wheeltapper")));
  PyModule_AddObject(m, "flavour", PyUnicode_FromString(FLAVOUR));
  return m;
}
