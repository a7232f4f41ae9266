// COPY and ADD: sources, destinations, stage references, remote downloads, leaked files.
#include "detect/dockerfile/lint.hpp"
#include "detect/dockerfile/text.hpp"
#include "util/glob.hpp"

#include <algorithm>
#include <set>

namespace hookguard::dockerfile {
namespace {

struct Operands {
  std::vector<std::string> sources;  // heredoc sources (<<EOF) left out
  std::string dest;
};

Operands operands(const Instruction& ins) {
  std::vector<std::string> words = ins.json_form ? ins.json_args : split_words(ins.args);
  Operands out;
  if (words.empty()) return out;
  out.dest = words.back();
  words.pop_back();
  for (auto& w : words)
    if (!starts_with(w, "<<")) out.sources.push_back(std::move(w));
  return out;
}

bool is_copy_or_add(const Unit& u) { return u.ins->keyword == "COPY" || u.ins->keyword == "ADD"; }

template <typename F>
void for_each_copy(const Lint& l, F&& f) {
  for (const auto& u : l.model.units)
    if (is_copy_or_add(u)) f(u, operands(*u.ins));
}

bool is_url(std::string_view s) {
  return starts_with(s, "http://") || starts_with(s, "https://") || starts_with(s, "git@") || starts_with(s, "ssh://") ||
         starts_with(s, "git://");
}

bool has_suffix(std::string_view s, std::initializer_list<std::string_view> suffixes) {
  return std::any_of(suffixes.begin(), suffixes.end(), [&](std::string_view x) { return ends_with(s, x); });
}

bool is_tar_archive(std::string_view s) {
  return has_suffix(s, {".tar", ".tar.bz2", ".tb2", ".tbz", ".tbz2", ".tar.gz", ".tgz", ".tpz", ".tar.lz", ".tar.lzma",
                        ".tlz", ".tar.xz", ".txz", ".tar.Z", ".tZ"});
}

bool is_archive(std::string_view s) {
  return is_tar_archive(s) || has_suffix(s, {".gz", ".bz2", ".xz", ".zip", ".lz", ".lzma", ".Z"});
}

void copy_archive(Lint& l) {
  for_each_copy(l, [&](const Unit& u, const Operands& o) {
    if (u.ins->keyword != "COPY") return;
    for (const auto& s : o.sources)
      if (is_tar_archive(s)) return l.report("dockerfile-copy-archive", u, "COPY of archive `" + s + "`: ADD would extract it");
  });
}

void add_instead_of_copy(Lint& l) {
  for_each_copy(l, [&](const Unit& u, const Operands& o) {
    if (u.ins->keyword != "ADD" || o.sources.empty()) return;
    if (std::all_of(o.sources.begin(), o.sources.end(), [](const std::string& s) { return is_archive(s) || is_url(s); })) return;
    l.report("dockerfile-add-instead-of-copy", u, "ADD of plain files: use COPY");
  });
}

void copy_multi_source(Lint& l) {
  for_each_copy(l, [&](const Unit& u, const Operands& o) {
    if (u.ins->keyword == "COPY" && o.sources.size() > 1 && !ends_with(o.dest, "/"))
      l.report("dockerfile-copy-multi-source-dest", u, "COPY of several sources needs a destination ending in `/`");
  });
}

// Stage names and indices defined before unit u.
bool names_earlier_stage(const Lint& l, const Unit& u, std::string_view from) {
  if (all_digits(from)) return std::stoul(std::string(from.substr(0, 9))) < static_cast<unsigned long>(std::max(u.stage, 0));
  const Stage* st = l.model.stage_named(from);
  return st && static_cast<int>(st->index) < u.stage;
}

bool looks_like_image(std::string_view from) { return contains(from, ":") || contains(from, "/") || contains(from, "@"); }

void copy_from_unknown(Lint& l) {
  for_each_copy(l, [&](const Unit& u, const Operands&) {
    const Flag* f = u.ins->flag("from");
    if (!f || u.onbuild || f->value.empty() || contains(f->value, "$") || looks_like_image(f->value)) return;
    const Stage* st = l.model.stage_named(f->value);
    bool self = st && static_cast<int>(st->index) == u.stage;
    if (!self && !names_earlier_stage(l, u, f->value))
      l.report("dockerfile-copy-from-unknown-stage", u, "COPY --from=" + f->value + " names no earlier stage");
  });
}

void copy_from_self(Lint& l) {
  for_each_copy(l, [&](const Unit& u, const Operands&) {
    const Flag* f = u.ins->flag("from");
    if (!f || u.onbuild || u.stage < 0) return;
    const Stage* st = l.model.stage_named(f->value);
    bool self = (st && static_cast<int>(st->index) == u.stage) || (all_digits(f->value) && f->value == std::to_string(u.stage));
    if (self) l.report("dockerfile-copy-from-self", u, "COPY --from=" + f->value + " names the stage it is in");
  });
}

bool absolute_dest(std::string_view d) {
  d = std::string_view(d);
  return starts_with(d, "/") || starts_with(d, "$") ||
         (d.size() >= 3 && std::isalpha(static_cast<unsigned char>(d[0])) && d[1] == ':' && (d[2] == '\\' || d[2] == '/'));
}

void copy_relative_without_workdir(Lint& l) {
  std::vector<bool> workdir(l.model.stages.size(), false);
  for (const auto& u : l.model.units) {
    if (u.onbuild || u.stage < 0) continue;
    auto s = static_cast<std::size_t>(u.stage);
    if (u.ins->keyword == "FROM" && l.model.stages[s].parent >= 0) workdir[s] = workdir[static_cast<std::size_t>(l.model.stages[s].parent)];
    if (u.ins->keyword == "WORKDIR") workdir[s] = true;
    if (u.ins->keyword != "COPY" || workdir[s]) continue;
    auto dest = unquote(operands(*u.ins).dest);
    if (!dest.empty() && !absolute_dest(dest))
      l.report("dockerfile-copy-relative-no-workdir", u, "COPY to relative `" + dest + "` before any WORKDIR");
  }
}

void copy_stage_root(Lint& l) {
  for_each_copy(l, [&](const Unit& u, const Operands& o) {
    if (u.ins->keyword != "COPY" || !u.ins->flag("from")) return;
    bool root_src = std::any_of(o.sources.begin(), o.sources.end(), [](const std::string& s) { return unquote(s) == "/"; });
    if (root_src && unquote(o.dest) == "/") l.report("dockerfile-copy-stage-root", u, "COPY --from copies a whole filesystem onto /");
  });
}

void add_without_checksum(Lint& l) {
  for_each_copy(l, [&](const Unit& u, const Operands& o) {
    if (u.ins->keyword != "ADD" || u.ins->flag("checksum")) return;
    for (const auto& s : o.sources)
      if (starts_with(s, "http://") || starts_with(s, "https://"))
        return l.report("dockerfile-add-remote-no-checksum", u, "ADD downloads `" + s + "` without --checksum");
  });
}

void copy_context_without_dockerignore(Lint& l) {
  if (!l.has_dockerignore || *l.has_dockerignore) return;
  for_each_copy(l, [&](const Unit& u, const Operands& o) {
    if (u.ins->flag("from")) return;
    for (const auto& s : o.sources)
      if (s == "." || s == "./")
        return l.report("dockerfile-copy-context-without-dockerignore", u,
                        u.ins->keyword + " of the whole build context without a .dockerignore");
  });
}

// A path component that is a credential or repository store.
bool sensitive_name(std::string_view name) {
  static constexpr std::string_view k_names[] = {".env", ".git", ".aws", ".ssh", ".gnupg", ".npmrc", ".pypirc",
                                                 ".netrc", ".git-credentials", ".docker", ".kube", "id_rsa",
                                                 "id_dsa", "id_ecdsa", "id_ed25519"};
  static constexpr std::string_view k_globs[] = {"*.pem", "*.key", "*.p12", "*.pfx", ".env.*", "id_rsa*", "*.tfstate"};
  static constexpr std::string_view k_safe[] = {".env.example", ".env.sample", ".env.template", ".env.dist"};
  if (std::find(std::begin(k_safe), std::end(k_safe), name) != std::end(k_safe) || ends_with(name, ".pub")) return false;
  if (std::find(std::begin(k_names), std::end(k_names), name) != std::end(k_names)) return true;
  return std::any_of(std::begin(k_globs), std::end(k_globs), [&](std::string_view g) { return util::wildcard_match(g, name); });
}

std::string sensitive_component(std::string_view path) {
  while (!path.empty()) {
    auto slash = path.find('/');
    auto part = path.substr(0, slash);
    if (sensitive_name(part)) return std::string(part);
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return {};
}

void copy_sensitive(Lint& l) {
  for_each_copy(l, [&](const Unit& u, const Operands& o) {
    if (u.ins->flag("from")) return;
    for (const auto& s : o.sources)
      if (auto what = sensitive_component(unquote(s)); !what.empty() && !is_url(s))
        return l.report("dockerfile-copy-sensitive-file", u, u.ins->keyword + " puts `" + what + "` into the image");
  });
}

constexpr RuleDef k_rules[] = {
    {"dockerfile-copy-archive", copy_archive},
    {"dockerfile-add-instead-of-copy", add_instead_of_copy},
    {"dockerfile-copy-multi-source-dest", copy_multi_source},
    {"dockerfile-copy-from-unknown-stage", copy_from_unknown},
    {"dockerfile-copy-from-self", copy_from_self},
    {"dockerfile-copy-relative-no-workdir", copy_relative_without_workdir},
    {"dockerfile-copy-stage-root", copy_stage_root},
    {"dockerfile-add-remote-no-checksum", add_without_checksum},
    {"dockerfile-copy-context-without-dockerignore", copy_context_without_dockerignore},
    {"dockerfile-copy-sensitive-file", copy_sensitive},
};

}  // namespace

std::span<const RuleDef> copy_rules() { return k_rules; }

}  // namespace hookguard::dockerfile
