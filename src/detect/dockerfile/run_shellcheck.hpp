// Feeds the RUN scripts of a linted Dockerfile to ShellChecker and turns its comments into hits
// of dockerfile-shellcheck-<level>, on the RUN they came from, carrying the SC code for pragmas.
#pragma once

#include "detect/dockerfile/lint.hpp"
#include "detect/dockerfile/shellcheck.hpp"

#include <functional>

namespace hookguard::dockerfile {

// `changed(unit)` says whether a RUN is worth checking (a hook checks only changed RUNs).
// Returns false when shellcheck could not run.
bool shellcheck_runs(Lint& l, const ShellChecker& checker, const std::function<bool(const Unit&)>& changed);

}  // namespace hookguard::dockerfile
