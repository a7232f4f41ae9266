// Per-stage structure: who the image runs as, health checks, CMD/ENTRYPOINT counts.
#include "detect/dockerfile/lint.hpp"
#include "detect/dockerfile/text.hpp"

#include <map>

namespace hookguard::dockerfile {
namespace {

bool is_root_user(std::string_view user) {
  auto name = user.substr(0, user.find(':'));
  return name == "root" || name == "0";
}

const Unit* stage_from(const Lint& l, int stage) {
  for (const auto& u : l.model.units)
    if (u.stage == stage && u.ins->keyword == "FROM" && !u.onbuild) return &u;
  return nullptr;
}

void last_user_root(Lint& l) {
  std::map<int, const Unit*> last_root;  // stage -> its last USER if that user is root
  for (const auto& u : l.model.units) {
    if (u.ins->keyword != "USER" || u.onbuild) continue;
    if (!u.expanded.unresolved && is_root_user(trim(u.expanded.text))) last_root[u.stage] = &u;
    else last_root.erase(u.stage);
  }
  for (const auto& [stage, unit] : last_root)
    l.report("dockerfile-last-user-root", *unit, "the last USER of the stage is `" + std::string(trim(unit->expanded.text)) + "`");
}

// Does the stage or one of its ancestors (FROM <stage>) contain `keyword`?
bool chain_has(const Lint& l, int stage, std::string_view keyword) {
  std::vector<bool> has(l.model.stages.size(), false);
  for (const auto& u : l.model.units)
    if (u.stage >= 0 && !u.onbuild && u.ins->keyword == keyword) has[static_cast<std::size_t>(u.stage)] = true;
  for (; stage >= 0; stage = l.model.stages[static_cast<std::size_t>(stage)].parent)
    if (has[static_cast<std::size_t>(stage)]) return true;
  return false;
}

bool image_runs_unprivileged(const Stage& st) {
  return contains(st.image.tag, "nonroot") || contains(st.image.name, "nonroot") || contains(st.image.tag, "rootless");
}

void no_user(Lint& l) {
  if (l.model.stages.empty()) return;
  int final_stage = static_cast<int>(l.model.stages.size()) - 1;
  const Stage& st = l.model.stages.back();
  if (chain_has(l, final_stage, "USER") || image_runs_unprivileged(st)) return;
  if (const Unit* from = stage_from(l, final_stage))
    l.report("dockerfile-no-user", *from, "the final stage sets no USER, so the container runs as root");
}

void missing_healthcheck(Lint& l) {
  if (l.model.stages.empty()) return;
  int final_stage = static_cast<int>(l.model.stages.size()) - 1;
  if (chain_has(l, final_stage, "HEALTHCHECK")) return;
  if (const Unit* from = stage_from(l, final_stage))
    l.report("dockerfile-missing-healthcheck", *from, "the final stage has no HEALTHCHECK");
}

// Reports every repeat of `keyword` within a stage.
void repeated(Lint& l, std::string_view keyword, std::string_view rule) {
  std::map<int, int> seen;
  for_each(l, keyword, [&](const Unit& u) {
    if (!u.onbuild && ++seen[u.stage] > 1) l.report(rule, u, "more than one " + std::string(keyword) + " in the stage: only the last counts");
  });
}

void multiple_healthcheck(Lint& l) { repeated(l, "HEALTHCHECK", "dockerfile-multiple-healthcheck"); }
void multiple_cmd(Lint& l) { repeated(l, "CMD", "dockerfile-multiple-cmd"); }
void multiple_entrypoint(Lint& l) { repeated(l, "ENTRYPOINT", "dockerfile-multiple-entrypoint"); }

constexpr RuleDef k_rules[] = {
    {"dockerfile-last-user-root", last_user_root},
    {"dockerfile-no-user", no_user},
    {"dockerfile-missing-healthcheck", missing_healthcheck},
    {"dockerfile-multiple-healthcheck", multiple_healthcheck},
    {"dockerfile-multiple-cmd", multiple_cmd},
    {"dockerfile-multiple-entrypoint", multiple_entrypoint},
};

}  // namespace

std::span<const RuleDef> stage_rules() { return k_rules; }

}  // namespace hookguard::dockerfile
