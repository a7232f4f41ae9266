#include "git/parallel_reads.hpp"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace hookguard::git {

void parallel_reads(std::size_t count, unsigned threads, std::size_t min_items, const std::function<bool()>& stop,
                    const std::function<void(git_repository*, std::size_t)>& body) {
  unsigned cores = threads ? threads : std::max(1u, std::thread::hardware_concurrency());
  unsigned used = unsigned(std::min<std::size_t>(cores, (count + min_items - 1) / std::max<std::size_t>(min_items, 1)));
  if (used == 0) return;
  std::vector<RepoPtr> repos;
  for (unsigned t = 0; t < used; ++t) repos.push_back(open_repository());  // serially: it reads the environment
  // Runs of up to 32 items, small enough that every thread gets several.
  std::size_t run_length = std::clamp<std::size_t>(count / (std::size_t(used) * 8), 1, 32);
  std::atomic<std::size_t> next{0};
  auto run = [&](git_repository* repo) {
    for (std::size_t first; (first = next.fetch_add(run_length)) < count;) {
      for (std::size_t i = first; i < std::min(count, first + run_length); ++i) {
        if (stop && stop()) return;
        body(repo, i);
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < used; ++t) pool.emplace_back(run, repos[t].get());
  run(repos[0].get());
  for (auto& th : pool) th.join();
}

}  // namespace hookguard::git
