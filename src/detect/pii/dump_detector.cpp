// Placeholder until the PII dump detector lands.
#include <hookguard/detector.hpp>

namespace hookguard {

std::unique_ptr<Detector> make_pii_dump_detector(const DetectorContext&) { return nullptr; }

}  // namespace hookguard
