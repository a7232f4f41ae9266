#include "cli/options.hpp"

#include "config/loader.hpp"
#include "config/peer_files.hpp"
#include "git/sources.hpp"
#include "source/file_source.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <unistd.h>

namespace fs = std::filesystem;

namespace hookguard::cli {
namespace {

report::Format format_named(const std::string& name) {
  auto f = report::parse_format(name);
  if (!f) throw UsageError(fmt::format("unknown format '{}' (text, json, sarif, asff, junit)", name));
  return *f;
}

// The working tree root above `dir` (a directory holding .git), or empty.
fs::path worktree_root(fs::path dir) {
  std::error_code ec;
  dir = fs::absolute(dir, ec);
  for (; !dir.empty(); dir = dir.parent_path()) {
    if (fs::exists(dir / ".git", ec)) return dir;
    if (dir == dir.root_path()) break;
  }
  return {};
}

}  // namespace

std::optional<std::string> Options::flag_value(const std::string& name) const {
  for (const auto& f : flags)
    if (f.rfind(name + "=", 0) == 0) return f.substr(name.size() + 1);
  return std::nullopt;
}

bool Options::has_flag(const std::string& name) const {
  for (const auto& f : flags)
    if (f == name || f.rfind(name + "=", 0) == 0) return true;
  return false;
}

Options parse_options(int argc, char** argv, const std::vector<std::string>& value_flags,
                      const std::vector<std::string>& bool_flags) {
  Options o;
  if (argc < 2) throw UsageError("no command given (try: hookguard scan .)");
  o.verb = argv[1];
  bool only_positional = false;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      auto eq = a.find('=');
      if (eq != std::string::npos) return a.substr(eq + 1);
      if (i + 1 >= argc) throw UsageError(fmt::format("{} needs a value", a));
      return argv[++i];
    };
    std::string name = a.substr(0, a.find('='));
    if (only_positional || a.empty() || a[0] != '-' || a == "-") o.positional.push_back(a);
    else if (a == "--") only_positional = true;
    else if (name == "--format" || name == "-f") o.format = format_named(value());
    else if (name == "--output" || name == "-o") o.output = value();
    else if (name == "--report") {
      auto spec = value();
      auto eq = spec.find('=');
      if (eq == std::string::npos) throw UsageError("--report takes FORMAT=FILE");
      o.reports.push_back({format_named(spec.substr(0, eq)), spec.substr(eq + 1)});
    } else if (name == "--sarif") o.reports.push_back({report::Format::sarif, value()});
    else if (name == "--config" || name == "-c") o.config = value();
    else if (name == "--cache-dir") o.cache_dir = value();
    else if (name == "--threads") {
      auto v = value();
      if (v.empty() || v.find_first_not_of("0123456789") != std::string::npos || v.size() > 4) throw UsageError("--threads takes a number");
      o.threads = unsigned(std::stoul(v));
    }
    else if (a == "-v" || a == "--verbose") o.verbose = true;
    else if (a == "--debug") o.debug = o.verbose = true;
    else if (a == "--no-redact") o.no_redact = true;
    else if (std::find(value_flags.begin(), value_flags.end(), name) != value_flags.end()) o.flags.push_back(name + "=" + value());
    else if (std::find(bool_flags.begin(), bool_flags.end(), a) != bool_flags.end()) o.flags.push_back(a);
    else throw UsageError(fmt::format("unknown option '{}' for '{}'", a, o.verb));
  }
  return o;
}

Config load_client_config(const Options& options) {
  Config config;
  std::error_code ec;
  fs::path root = worktree_root(fs::current_path(ec));
  if (!options.config.empty()) {
    config::load_file(options.config, config);
  } else {
    for (const auto& candidate : {root.empty() ? fs::path() : root / ".hookguard.yaml", fs::path(".hookguard.yaml")}) {
      if (!candidate.empty() && fs::exists(candidate, ec)) {
        config::load_file(candidate.lexically_normal().string(), config);
        break;
      }
    }
  }
  // The peers' files users already have (client side only; pre-receive never reads them).
  if (auto hadolint = config::find_hadolint_file(root.string()); !hadolint.empty())
    config::apply_hadolint_file(hadolint, config, config.dockerfile.block.has_value());
  if (!root.empty() && fs::exists(root / ".gitleaksignore", ec)) config::apply_gitleaksignore((root / ".gitleaksignore").string(), config);
  config.redact = !options.no_redact;
  return config;
}

RepoContext repo_context_here() {
  std::string root = git::working_tree_root(".");
  if (root.empty()) return {};
  return {root, [root](const std::string& cache_dir) { return git::fingerprint_key_at(root, cache_dir); }};
}

int exit_code(Outcome outcome) {
  switch (outcome) {
    case Outcome::block: return 1;
    case Outcome::error: return 2;
    default: return 0;
  }
}

int emit_reports(const Options& options, const ScanResult& result, std::ostream& human, const std::string& hook) {
  report::ReportOptions ro;
  ro.verbose = options.verbose;
  ro.hook = hook;
  ro.gitlab = std::getenv("GL_ID") || std::getenv("GL_USERNAME");
  ro.aws_account_id = result.aws_account_id;
  ro.aws_region = result.aws_region;
  int code = exit_code(result.report.verdict.outcome);
  auto write_to_file = [&](report::Format f, const std::string& path) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    report::write_report(f, out, result, ro);
    if (!out) {
      std::cerr << fmt::format("hookguard: {}: cannot write the report\n", path);
      code = 2;
    }
  };
  if (options.output.empty()) {
    bool tty = &human == &std::cout ? isatty(1) : isatty(2);
    ro.color = options.format == report::Format::text && tty && !std::getenv("NO_COLOR");
    report::write_report(options.format, human, result, ro);
    ro.color = false;
  } else {
    write_to_file(options.format, options.output);
  }
  for (const auto& r : options.reports) write_to_file(r.format, r.path);
  human.flush();
  report::write_errors(std::cerr, result.report);
  return code;
}

}  // namespace hookguard::cli
