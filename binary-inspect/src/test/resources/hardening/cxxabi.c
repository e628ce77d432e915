/* Hardening fixture: C code calling the C++ runtime by its mangled names, so the shared object carries the C++
   evidence (libstdc++.so.6 needed, _Z imports, __cxa_* and __gxx_personality_v0) while needing only gcc (CI has no
   g++). */
extern void _ZSt9terminatev(void);                     /* std::terminate() */
extern void *__cxa_allocate_exception(unsigned long);  /* CXXABI_1.3 */
extern void __cxa_throw(void *, void *, void (*)(void *));
extern int __gxx_personality_v0;

void *fixture_cxx(int x) {
  volatile char scratch[16]; /* an array, so -fstack-protector-strong adds a canary */
  scratch[x & 15] = 1;
  if (x < 0) {
    _ZSt9terminatev();
  }
  if (x == 0) {
    __cxa_throw(__cxa_allocate_exception(8), 0, 0);
  }
  return &__gxx_personality_v0;
}
