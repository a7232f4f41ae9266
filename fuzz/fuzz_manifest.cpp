// Manifest loader (YAML/JSON under hard limits) and the manifest rules over arbitrary bytes:
// must not crash, throw or blow the limits (an alias bomb is a finding, not a hang).
#include "detect/manifest/loader.hpp"
#include "fuzz_fixture.hpp"

using namespace hookguard;

namespace {

const Detector& detector() {
  static const auto d = make_manifest_detector(fuzz::fixture().context());
  return *d;
}

}  // namespace

// Rule loading happens once, outside the per-input timeout.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  detector();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  manifest::load_documents(text, manifest::LoadLimits{});
  for (const char* path : {"deploy/app.yaml", "task-definition.json", "docker-compose.yml"}) {
    auto u = fuzz::unit(path, data, size);
    if (!detector().wants(u)) continue;
    ScanOutput out;
    detector().scan(u, out);
  }
  return 0;
}
