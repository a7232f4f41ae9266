// Dockerfile parser and every Dockerfile rule over arbitrary bytes: must not crash, and every
// instruction and error must carry a line inside the input.
#include "detect/dockerfile/parser.hpp"
#include "fuzz_fixture.hpp"

#include <algorithm>
#include <cstdlib>

using namespace hookguard;

namespace {

const Detector& detector() {
  static const auto d = make_dockerfile_detector(fuzz::fixture().context());
  return *d;
}

}  // namespace

// Rule loading happens once, outside the per-input timeout. shellcheck is kept off PATH: a
// subprocess per input would make fuzzing slow and test shellcheck rather than hookguard.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  setenv("PATH", "/nonexistent", 1);
  detector();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto parsed = dockerfile::parse(text);
  auto lines = std::uint32_t(std::count(text.begin(), text.end(), '\n') + std::count(text.begin(), text.end(), '\r') + 1);
  for (const auto& i : parsed.instructions)
    if (i.line < 1 || i.end_line < i.line || i.end_line > lines) std::abort();
  for (const auto& e : parsed.errors)
    if (e.line > lines) std::abort();
  ScanOutput out;
  detector().scan(fuzz::unit("Dockerfile", data, size), out);
  return 0;
}
