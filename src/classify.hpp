// File-kind refinement by name (sources already set text/binary/oversize from content).
#pragma once

#include <hookguard/config.hpp>
#include <hookguard/types.hpp>

#include <string_view>

namespace hookguard {

// Dockerfile, Dockerfile.*, *.Dockerfile, *.dockerfile, Containerfile(.*), or a name matched by
// dockerfile.include -> dockerfile; *.yaml/*.yml/*.json or manifest.include -> manifest
// (the manifest detector decides by content whether it is one).
FileKind classify(const Config& config, std::string_view rel_path, FileKind sniffed);

// Is this detector switched off for this path (detector disabled or its exclude matches)?
bool detector_excluded(const Config& config, DetectorKind detector, std::string_view rel_path);

}  // namespace hookguard
