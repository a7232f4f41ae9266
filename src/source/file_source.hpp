// Plain files and directories (`hookguard scan PATH...`): recursive, dotfiles included, only
// `.git/` skipped, symlinks never followed (explicit arguments excepted), binary and oversize
// files counted, unreadable files reported as errors.
#pragma once

#include "pipeline.hpp"

#include <string>
#include <vector>

namespace hookguard {

// Inside a clone, `repo_root` (absolute, trailing '/') makes rel_path repository-root relative
// and `repo_key` supplies the fingerprint key lazily (only runs with findings need it).
struct RepoContext {
  std::string root;
  std::function<std::string(const std::string& cache_dir)> key;
};

class FileSource final : public UnitSource {
 public:
  FileSource(std::vector<std::string> paths, const Config& config, RepoContext repo = {});
  void collect(const std::function<void(ContentUnit)>& emit, Report& report) override;
  std::string fingerprint_key(const std::string& cache_dir) const override;

 private:
  void visit_file(const std::string& root, const std::string& shown, const std::string& rel,
                  const std::function<void(ContentUnit)>& emit, Report& report);
  std::string relative_to_repo(const std::string& shown, const std::string& fallback) const;
  std::vector<std::string> m_paths;
  const Config& m_config;
  RepoContext m_repo;
};

}  // namespace hookguard
