// The secrets/pii pattern engine with the built-in rules, plus the whole-file PII checks, over
// arbitrary bytes. Findings must lie inside the input and never carry the full secret in the
// excerpt (redaction) when the secret is long enough to redact.
#include "detect/secrets/match_backend.hpp"
#include "detect/secrets/pattern_engine.hpp"
#include "fuzz_fixture.hpp"

#include <cstdlib>

using namespace hookguard;

namespace {

const secrets::PatternEngine& engine() {
  static const auto e = [] {
    const auto& f = fuzz::fixture();
    std::vector<std::string> notices;
    secrets::CompiledRules compiled;
    compiled.rules = f.rules;
    compiled.matchers = std::make_shared<const secrets::Matchers>(secrets::Matchers::compile(f.rules->patterns, notices));
    return std::make_unique<secrets::PatternEngine>(compiled, f.context());
  }();
  return *e;
}

const Detector* dumps() {
  static const auto d = make_pii_dump_detector(fuzz::fixture().context());
  return d.get();
}

}  // namespace

// Rule loading and the pattern database compile happen once, outside the per-input timeout.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  engine();
  dumps();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  for (const char* path : {"notes.txt", "customers.csv"}) {
    auto u = fuzz::unit(path, data, size);
    ScanOutput out;
    engine().scan(u, out);
    if (dumps() && dumps()->wants(u)) dumps()->scan(u, out);
    for (const auto& f : out.findings) {
      if (f.line < 1 || f.end_line < f.line) std::abort();
      if (f.match_key.size() >= 12 && f.excerpt.find(f.match_key) != std::string::npos) std::abort();
    }
  }
  return 0;
}
