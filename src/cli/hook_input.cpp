#include "cli/hook_input.hpp"

#include "cli/options.hpp"

#include <fmt/format.h>

#include <iostream>
#include <sstream>

namespace hookguard::cli {
namespace {

std::vector<std::vector<std::string>> read_fields(std::istream& in, std::size_t count, const char* what) {
  std::vector<std::vector<std::string>> lines;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    std::istringstream ss(line);
    std::vector<std::string> fields;
    for (std::string f; ss >> f;) fields.push_back(f);
    if (fields.size() != count) throw UsageError(fmt::format("malformed {} input line: expected {} fields", what, count));
    lines.push_back(std::move(fields));
  }
  return lines;
}

}  // namespace

std::vector<RefUpdate> read_push_lines(std::istream& in) {
  std::vector<RefUpdate> out;
  for (auto& f : read_fields(in, 4, "pre-push")) out.push_back({f[0], f[3], f[1], f[2]});
  return out;
}

std::vector<RefUpdate> read_receive_lines(std::istream& in) {
  std::vector<RefUpdate> out;
  for (auto& f : read_fields(in, 3, "pre-receive")) out.push_back({"", f[0], f[1], f[2]});
  return out;
}

int guard_git(const std::function<int()>& body) {
  try {
    return body();
  } catch (const git::GitError& e) {
    std::cerr << "hookguard: " << e.what() << " (failing closed)\n";
    return 2;
  }
}

}  // namespace hookguard::cli
