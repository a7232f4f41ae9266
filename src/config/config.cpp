#include <hookguard/config.hpp>

namespace hookguard {

Severity Config::audit_level() const {
  if (audit) return *audit;
  return block == Severity::info ? Severity::info : static_cast<Severity>(static_cast<int>(block) - 1);
}

const DetectorConfig& Config::detector(DetectorKind kind) const {
  switch (kind) {
    case DetectorKind::secrets: return secrets;
    case DetectorKind::pii: return pii;
    case DetectorKind::dockerfile: return dockerfile;
    case DetectorKind::manifest: return manifest;
    case DetectorKind::policy: break;
  }
  static const DetectorConfig k_always_on;
  return k_always_on;
}

}  // namespace hookguard
