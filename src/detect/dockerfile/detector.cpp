// Placeholder until the dockerfile linter lands: wants nothing, finds nothing.
#include <hookguard/detector.hpp>

namespace hookguard {

std::unique_ptr<Detector> make_dockerfile_detector(const DetectorContext&) { return nullptr; }

}  // namespace hookguard
