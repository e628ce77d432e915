// A C++ extension module for the evidence channels (issue 22): an exported PyInit_evidencexx and a checked
// std::vector access (under -D_GLIBCXX_ASSERTIONS it calls std::__glibcxx_assert_fail). No Python headers.
#include <string>
#include <vector>

extern "C" int evidencexx_at(const std::vector<int> &v, unsigned i) {
  return v[i];
}

extern "C" void *PyInit_evidencexx() {
  static std::vector<int> v{1, 2, 3};
  static std::string name = "evidencexx";
  return evidencexx_at(v, 1) == 2 ? &name : nullptr;
}
