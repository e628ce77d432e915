// OpenSSF guide fixture: a C++ "extension module" (PyInit_guidexx) whose std::vector::operator[] is checked under
// -D_GLIBCXX_ASSERTIONS: the index is a run-time argument, so the check survives optimisation.
#include <vector>

extern "C" int guide_at(const void *p, unsigned i) {
  const std::vector<int> &v = *static_cast<const std::vector<int> *>(p);
  return v[i];
}

extern "C" void *PyInit_guidexx(void) {
  static std::vector<int> v{1, 2, 3};
  static int r;
  r = guide_at(&v, 2);
  return &r;
}
