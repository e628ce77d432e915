// Hardening fixture: a C++ shared library (libstdc++, _Z symbols, exceptions).
#include <stdexcept>
#include <string>

extern "C" int fixture_length(const char *s) {
  std::string text(s);
  if (text.empty()) {
    throw std::invalid_argument("empty");
  }
  return static_cast<int>(text.size());
}
