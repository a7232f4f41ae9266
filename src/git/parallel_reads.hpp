// Reading git objects on several threads, each with its own repository handle (a handle's
// caches are not shared between threads here). Internal to src/git/.
#pragma once

#include "git/libgit2.hpp"

#include <cstddef>
#include <functional>

namespace hookguard::git {

// Runs body(repo, i) for every i in [0, count) on up to `threads` threads (0 = one per core),
// at least `min_items` items per thread, each thread with a handle of its own. Threads take runs
// of neighbouring items: neighbours share trees and delta bases, which a handle caches. `stop`
// (may be empty) is polled between items.
void parallel_reads(std::size_t count, unsigned threads, std::size_t min_items, const std::function<bool()>& stop,
                    const std::function<void(git_repository*, std::size_t)>& body);

}  // namespace hookguard::git
