// Shared state of the fuzz targets: the built-in rule set and a default config, built once per
// process (libFuzzer calls LLVMFuzzerTestOneInput millions of times).
#pragma once

#include "config/rule_files.hpp"

#include <hookguard/config.hpp>
#include <hookguard/detector.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace hookguard::fuzz {

struct Fixture {
  Config config;
  std::shared_ptr<const RuleSet> rules;
  DetectorContext context() const { return {config, rules->catalog}; }
};

const Fixture& fixture();

// A unit holding the fuzzer's bytes under `path`, whole file in scope.
ContentUnit unit(const std::string& path, const std::uint8_t* data, std::size_t size);

}  // namespace hookguard::fuzz
