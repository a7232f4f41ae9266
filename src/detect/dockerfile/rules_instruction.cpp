// Single-instruction checks: WORKDIR, EXPOSE, CMD/ENTRYPOINT form, ONBUILD, ENV, USER, order.
#include "detect/dockerfile/key_values.hpp"
#include "detect/dockerfile/lint.hpp"
#include "detect/dockerfile/text.hpp"

#include <cctype>
#include <set>

namespace hookguard::dockerfile {
namespace {

void workdir_relative(Lint& l) {
  for_each(l, "WORKDIR", [&](const Unit& u) {
    auto dir = unquote(trim(u.ins->args));
    bool windows = dir.size() >= 2 && std::isalpha(static_cast<unsigned char>(dir[0])) && dir[1] == ':';
    if (!dir.empty() && dir[0] != '/' && dir[0] != '$' && !windows)
      l.report("dockerfile-workdir-relative", u, "WORKDIR `" + dir + "` is relative");
  });
}

// "8080", "8080/tcp", "8000-8100/udp" -> false if any number exceeds 65535.
bool valid_port(std::string_view word) {
  word = word.substr(0, word.find('/'));
  while (!word.empty()) {
    auto dash = word.find('-');
    auto num = word.substr(0, dash);
    if (!all_digits(num)) return true;  // variables and oddities are not ours to judge
    if (num.size() > 5 || std::stoul(std::string(num)) > 65535) return false;
    if (dash == std::string_view::npos) break;
    word.remove_prefix(dash + 1);
  }
  return true;
}

void invalid_port(Lint& l) {
  for_each(l, "EXPOSE", [&](const Unit& u) {
    if (u.expanded.unresolved) return;
    for (const auto& w : split_words(u.expanded.text))
      if (!valid_port(w)) return l.report("dockerfile-invalid-port", u, "port `" + w + "` is outside 0-65535");
  });
}

void shell_form_cmd(Lint& l) {
  for (const auto& u : l.model.units)
    if ((u.ins->keyword == "CMD" || u.ins->keyword == "ENTRYPOINT") && !u.ins->json_form && !u.ins->args.empty())
      l.report("dockerfile-cmd-shell-form", u, u.ins->keyword + " in shell form: signals do not reach the process");
}

void onbuild_forbidden(Lint& l) {
  for (const auto& u : l.model.units)
    if (u.onbuild && (u.ins->keyword == "ONBUILD" || u.ins->keyword == "FROM" || u.ins->keyword == "MAINTAINER"))
      l.report("dockerfile-onbuild-forbidden", u, "ONBUILD cannot trigger " + u.ins->keyword);
}

bool references(std::string_view value, std::string_view name) {
  std::string braced = "${" + std::string(name);
  for (auto p = value.find(braced); p != std::string_view::npos; p = value.find(braced, p + 1)) {
    char next = p + braced.size() < value.size() ? value[p + braced.size()] : '\0';
    if (next == '}' || next == ':' || next == '-' || next == '+') return true;
  }
  std::string bare = "$" + std::string(name);
  for (auto p = value.find(bare); p != std::string_view::npos; p = value.find(bare, p + 1)) {
    char next = p + bare.size() < value.size() ? value[p + bare.size()] : '\0';
    if (!std::isalnum(static_cast<unsigned char>(next)) && next != '_') return true;
  }
  return false;
}

void env_self_reference(Lint& l) {
  std::set<std::string, std::less<>> defined;
  for (const auto& u : l.model.units) {
    if (u.onbuild || (u.ins->keyword != "ENV" && u.ins->keyword != "ARG")) continue;
    auto pairs = key_values(u.ins->args, l.file.escape);
    if (u.ins->keyword == "ENV")
      for (std::size_t i = 0; i < pairs.size(); ++i)
        for (std::size_t j = 0; j < pairs.size(); ++j)
          if (i != j && !defined.count(pairs[i].key) && references(pairs[j].value, pairs[i].key)) {
            l.report("dockerfile-env-self-reference", u, "`" + pairs[i].key + "` is used in the ENV that defines it");
            i = j = pairs.size();
          }
    for (const auto& p : pairs) defined.insert(p.key);
  }
}

void instruction_order(Lint& l) {
  for (const auto& u : l.model.units) {
    if (u.stage >= 0) return;
    if (u.outer->keyword != "ARG")
      l.report("dockerfile-instruction-order", u, u.outer->keyword + " before the first FROM");
  }
}

void maintainer(Lint& l) {
  for_each(l, "MAINTAINER", [&](const Unit& u) { l.report("dockerfile-maintainer-deprecated", u, "MAINTAINER is deprecated"); });
}

void user_non_numeric(Lint& l) {
  for_each(l, "USER", [&](const Unit& u) {
    auto user = std::string(trim(u.expanded.text));
    auto uid = user.substr(0, user.find(':'));
    if (!u.expanded.unresolved && !uid.empty() && !all_digits(uid))
      l.report("dockerfile-user-non-numeric", u, "USER `" + user + "` is a name: use a numeric UID");
  });
}

constexpr RuleDef k_rules[] = {
    {"dockerfile-workdir-relative", workdir_relative},
    {"dockerfile-invalid-port", invalid_port},
    {"dockerfile-cmd-shell-form", shell_form_cmd},
    {"dockerfile-onbuild-forbidden", onbuild_forbidden},
    {"dockerfile-env-self-reference", env_self_reference},
    {"dockerfile-instruction-order", instruction_order},
    {"dockerfile-maintainer-deprecated", maintainer},
    {"dockerfile-user-non-numeric", user_non_numeric},
};

}  // namespace

std::span<const RuleDef> instruction_rules() { return k_rules; }

}  // namespace hookguard::dockerfile
