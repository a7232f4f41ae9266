#include "detect/dockerfile/shellcheck.hpp"

#include "detect/dockerfile/text.hpp"

#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace hookguard::dockerfile {
namespace {

namespace fs = std::filesystem;

std::optional<fs::path> find_on_path(std::string_view program) {
  const char* path = std::getenv("PATH");
  if (!path) return std::nullopt;
  std::string_view rest = path;
  while (!rest.empty()) {
    auto colon = rest.find(':');
    fs::path candidate = fs::path(std::string(rest.substr(0, colon))) / std::string(program);
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    if (colon == std::string_view::npos) break;
    rest.remove_prefix(colon + 1);
  }
  return std::nullopt;
}

// Runs argv, returns its stdout (nullopt if it could not be started).
std::optional<std::string> run_capture(const std::vector<std::string>& argv) {
  int fds[2];
  if (::pipe(fds) != 0) return std::nullopt;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, fds[0]);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  int rc = posix_spawn(&pid, argv[0].c_str(), &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(fds[1]);
  if (rc != 0) return ::close(fds[0]), std::nullopt;
  std::string out;
  char buf[8192];
  for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;) out.append(buf, static_cast<std::size_t>(n));
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return out;
}

class TempDir {
 public:
  TempDir() {
    std::string templ = (fs::temp_directory_path() / "hookguard-sc-XXXXXX").string();
    if (::mkdtemp(templ.data())) m_path = templ;
  }
  ~TempDir() {
    std::error_code ec;
    if (!m_path.empty()) fs::remove_all(m_path, ec);
  }
  const fs::path& path() const { return m_path; }

 private:
  fs::path m_path;
};

class ProcessShellChecker final : public ShellChecker {
 public:
  explicit ProcessShellChecker(fs::path program) : m_program(std::move(program)) {}

  std::optional<std::vector<ShellcheckComment>> check(const std::vector<ShellScript>& scripts) const override {
    if (scripts.empty()) return std::vector<ShellcheckComment>{};
    TempDir dir;
    if (dir.path().empty()) return std::nullopt;
    std::vector<std::string> argv = {m_program.string(), "--format=gcc", "--exclude=SC1090,SC1091,SC2187"};
    std::vector<std::string> files;
    for (std::size_t i = 0; i < scripts.size(); ++i) {
      files.push_back((dir.path() / ("run" + std::to_string(i) + ".sh")).string());
      std::ofstream(files.back(), std::ios::binary) << scripts[i].text;
      argv.push_back(files.back());
    }
    auto out = run_capture(argv);
    if (!out) return std::nullopt;
    std::vector<ShellcheckComment> comments;
    std::string_view rest = *out;
    while (!rest.empty()) {
      auto nl = rest.find('\n');
      if (auto c = parse_gcc_line(rest.substr(0, nl), files)) comments.push_back(std::move(*c));
      if (nl == std::string_view::npos) break;
      rest.remove_prefix(nl + 1);
    }
    return comments;
  }

 private:
  fs::path m_program;
};

}  // namespace

std::optional<ShellcheckComment> parse_gcc_line(std::string_view line, const std::vector<std::string>& files) {
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (!starts_with(line, files[i]) || line.size() <= files[i].size() || line[files[i].size()] != ':') continue;
    auto rest = line.substr(files[i].size() + 1);
    auto c1 = rest.find(':'), c2 = rest.find(':', c1 + 1), c3 = rest.find(':', c2 + 1);
    auto open = rest.rfind(" [SC");
    if (c3 == std::string_view::npos || open == std::string_view::npos || !all_digits(rest.substr(0, c1))) return std::nullopt;
    ShellcheckComment c;
    c.script = i;
    c.line = static_cast<std::uint32_t>(std::stoul(std::string(rest.substr(0, c1))));
    c.level = std::string(trim(rest.substr(c2 + 1, c3 - c2 - 1)));
    c.message = std::string(trim(rest.substr(c3 + 1, open - c3 - 1)));
    c.code = std::string(rest.substr(open + 2, rest.find(']', open) - open - 2));
    return c;
  }
  return std::nullopt;
}

std::shared_ptr<const ShellChecker> make_process_shellchecker() {
  auto program = find_on_path("shellcheck");
  if (!program) return nullptr;
  return std::make_shared<ProcessShellChecker>(*program);
}

}  // namespace hookguard::dockerfile
