// Placeholder until the manifest linter lands: wants nothing, finds nothing.
#include <hookguard/detector.hpp>

namespace hookguard {

std::unique_ptr<Detector> make_manifest_detector(const DetectorContext&) { return nullptr; }

}  // namespace hookguard
