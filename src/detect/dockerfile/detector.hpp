// The Dockerfile detector's factory with an injectable ShellChecker (tests pass a fake or
// nullptr; make_dockerfile_detector(ctx) uses shellcheck from PATH when its rules are enabled).
#pragma once

#include "detect/dockerfile/shellcheck.hpp"

#include <hookguard/detector.hpp>

namespace hookguard {

std::unique_ptr<Detector> make_dockerfile_detector(const DetectorContext& ctx,
                                                   std::shared_ptr<const dockerfile::ShellChecker> checker);

}  // namespace hookguard
