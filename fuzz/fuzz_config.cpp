// .hookguard.yaml loader over arbitrary bytes: either a Config or a ConfigError, nothing else.
#include "config/loader.hpp"

#include <cstddef>
#include <cstdint>

using namespace hookguard;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Config config;
  try {
    config::load_text(".hookguard.yaml", std::string(reinterpret_cast<const char*>(data), size), config);
  } catch (const config::ConfigError&) {
  }
  return 0;
}
