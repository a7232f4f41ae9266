// LABEL rules: key syntax (DL3048) and hadolint's label schema (DL3049-DL3058). The schema is
// the `label_schema` option ("name:type" items) of dockerfile-label-missing.
#include "detect/dockerfile/key_values.hpp"
#include "detect/dockerfile/label_formats.hpp"
#include "detect/dockerfile/lint.hpp"
#include "detect/dockerfile/text.hpp"

#include <algorithm>

namespace hookguard::dockerfile {
namespace {

template <typename F>
void for_each_label(const Lint& l, F&& f) {
  for_each(l, "LABEL", [&](const Unit& u) {
    for (const auto& kv : key_values(u.ins->args, l.file.escape)) f(u, kv);
  });
}

bool valid_key(std::string_view k) {
  if (k.empty() || !(k.front() >= 'a' && k.front() <= 'z')) return false;
  if (!((k.back() >= 'a' && k.back() <= 'z') || (k.back() >= '0' && k.back() <= '9'))) return false;
  for (char c : k)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-')) return false;
  return !starts_with(k, "com.docker.") && !starts_with(k, "io.docker.") && !starts_with(k, "org.dockerproject.") &&
         !contains(k, "..") && !contains(k, "--");
}

void invalid_key(Lint& l) {
  for_each_label(l, [&](const Unit& u, const KeyValue& kv) {
    if (!valid_key(kv.key)) l.report("dockerfile-label-invalid-key", u, "label key `" + kv.key + "` is not a valid key");
  });
}

void missing(Lint& l) {
  for (const auto& entry : l.settings.label_schema) {
    std::vector<bool> has(l.model.stages.size(), false);
    for_each_label(l, [&](const Unit& u, const KeyValue& kv) {
      if (kv.key == entry.name && !u.onbuild && u.stage >= 0) has[static_cast<std::size_t>(u.stage)] = true;
    });
    for (const auto& st : l.model.stages)  // parents come first, so inheritance is one pass
      if (st.parent >= 0 && has[static_cast<std::size_t>(st.parent)]) has[st.index] = true;
    for_each(l, "FROM", [&](const Unit& u) {
      if (!u.onbuild && u.stage >= 0 && !has[static_cast<std::size_t>(u.stage)])
        l.report("dockerfile-label-missing", u, "label `" + entry.name + "` is missing");
    });
  }
}

bool in_schema(const Lint& l, std::string_view key) {
  return std::any_of(l.settings.label_schema.begin(), l.settings.label_schema.end(),
                     [&](const LabelSchemaEntry& e) { return e.name == key; });
}

void superfluous(Lint& l) {
  if (!l.settings.strict_labels) return;
  for_each_label(l, [&](const Unit& u, const KeyValue& kv) {
    if (!in_schema(l, kv.key)) l.report("dockerfile-label-superfluous", u, "label `" + kv.key + "` is not in the label schema");
  });
}

void empty(Lint& l) {
  for_each_label(l, [&](const Unit& u, const KeyValue& kv) {
    if (in_schema(l, kv.key) && kv.value.empty()) l.report("dockerfile-label-empty", u, "label `" + kv.key + "` is empty");
  });
}

// Checks the labels whose schema type is `type` with `valid`.
void typed(Lint& l, std::string_view type, std::string_view rule, bool (*valid)(std::string_view), std::string_view what) {
  for (const auto& e : l.settings.label_schema) {
    if (e.type != type) continue;
    for_each_label(l, [&](const Unit& u, const KeyValue& kv) {
      if (kv.key == e.name && !kv.value.empty() && !contains(kv.value, "$") && !valid(kv.value))
        l.report(rule, u, "label `" + kv.key + "` is not " + std::string(what));
    });
  }
}

void not_url(Lint& l) { typed(l, "url", "dockerfile-label-not-url", is_uri, "a valid URL"); }
void not_rfc3339(Lint& l) { typed(l, "rfc3339", "dockerfile-label-not-rfc3339", is_rfc3339, "an RFC 3339 time"); }
void not_spdx(Lint& l) { typed(l, "spdx", "dockerfile-label-not-spdx", is_spdx_id, "an SPDX license identifier"); }
void not_hash(Lint& l) { typed(l, "hash", "dockerfile-label-not-git-hash", is_git_hash, "a git hash"); }
void not_semver(Lint& l) { typed(l, "semver", "dockerfile-label-not-semver", is_semver, "a semantic version"); }
void not_email(Lint& l) { typed(l, "email", "dockerfile-label-not-email", is_email, "an email address"); }

constexpr RuleDef k_rules[] = {
    {"dockerfile-label-invalid-key", invalid_key}, {"dockerfile-label-missing", missing},
    {"dockerfile-label-superfluous", superfluous}, {"dockerfile-label-empty", empty},
    {"dockerfile-label-not-url", not_url},         {"dockerfile-label-not-rfc3339", not_rfc3339},
    {"dockerfile-label-not-spdx", not_spdx},       {"dockerfile-label-not-git-hash", not_hash},
    {"dockerfile-label-not-semver", not_semver},   {"dockerfile-label-not-email", not_email},
};

}  // namespace

std::span<const RuleDef> label_rules() { return k_rules; }

}  // namespace hookguard::dockerfile
