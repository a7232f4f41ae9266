#include "source/file_source.hpp"

#include "source/read_file.hpp"
#include "util/glob.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <system_error>

namespace fs = std::filesystem;

namespace hookguard {
namespace {

// "./src//a" -> "src/a"; keeps absolute paths absolute.
std::string display_path(const fs::path& p) {
  std::string s = p.lexically_normal().generic_string();
  while (s.size() > 2 && s.compare(0, 2, "./") == 0) s.erase(0, 2);
  return s;
}

bool excluded(const Config& config, const std::string& rel) {
  for (const auto& pattern : config.paths.exclude)
    if (util::gitignore_match(pattern, rel)) return true;
  return false;
}

}  // namespace

FileSource::FileSource(std::vector<std::string> paths, const Config& config, RepoContext repo)
    : m_paths(std::move(paths)), m_config(config), m_repo(std::move(repo)) {}

std::string FileSource::fingerprint_key(const std::string& cache_dir) const {
  return m_repo.key ? m_repo.key(cache_dir) : "hookguard-scan";
}

std::string FileSource::relative_to_repo(const std::string& shown, const std::string& fallback) const {
  if (m_repo.root.empty()) return fallback;
  std::error_code ec;
  auto rel = fs::absolute(shown, ec).lexically_normal().lexically_relative(m_repo.root).generic_string();
  return ec || rel.empty() || rel.rfind("..", 0) == 0 ? fallback : rel;
}

void FileSource::visit_file(const std::string& root, const std::string& shown, const std::string& rel,
                            const std::function<void(ContentUnit)>& emit, Report& report) {
  ContentUnit unit;
  unit.path = shown;
  unit.rel_path = relative_to_repo(shown, rel);
  if (excluded(m_config, unit.rel_path)) return;
  auto result = read_file_capped(shown, m_config.max_file_size);
  if (!result.error.empty()) {
    report.errors.push_back({shown, 0, result.error});
    return;
  }
  unit.kind = result.kind;
  unit.data = std::move(result.data);
  unit.exists = [root](std::string_view other_rel) {
    std::error_code ec;
    return fs::exists(fs::path(root) / fs::path(other_rel), ec);
  };
  emit(std::move(unit));
}

void FileSource::collect(const std::function<void(ContentUnit)>& emit, Report& report) {
  for (const auto& arg : m_paths) {
    std::error_code ec;
    auto status = fs::status(arg, ec);
    if (ec || !fs::exists(status)) {
      report.errors.push_back({arg, 0, "no such file or directory"});
      continue;
    }
    if (!fs::is_directory(status)) {
      auto parent = fs::path(arg).parent_path().string();
      visit_file(parent.empty() ? "." : parent, display_path(arg), fs::path(arg).filename().string(), emit, report);
      continue;
    }
    fs::recursive_directory_iterator it(arg, fs::directory_options::none, ec), end;
    if (ec) {
      report.errors.push_back({arg, 0, ec.message()});
      continue;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) {
        report.errors.push_back({display_path(it->path()), 0, ec.message()});
        ec.clear();
        continue;
      }
      const auto& entry = *it;
      auto name = entry.path().filename().string();
      std::string rel = display_path(entry.path().lexically_relative(arg));
      if (entry.is_symlink(ec)) {
        report.stats.skipped_paths.push_back(display_path(entry.path()) + ": symlink not followed");
        continue;
      }
      if (entry.is_directory(ec)) {
        if (name == ".git") it.disable_recursion_pending();
        else if (!rel.empty() && excluded(m_config, rel + "/")) it.disable_recursion_pending();
        continue;
      }
      if (!entry.is_regular_file(ec)) continue;  // sockets, fifos: nothing to read
      visit_file(arg, display_path(entry.path()), rel, emit, report);
    }
  }
}

}  // namespace hookguard
