// Base image rules: tags, digests, registries, platforms and stage names.
#include "detect/dockerfile/lint.hpp"
#include "detect/dockerfile/text.hpp"
#include "util/glob.hpp"

#include <algorithm>
#include <set>

namespace hookguard::dockerfile {
namespace {

// The stage a FROM unit opens, when its image is an external one we can judge.
const Stage* external_image(const Lint& l, const Unit& u) {
  if (u.onbuild || u.stage < 0) return nullptr;
  const Stage& st = l.model.stages[static_cast<std::size_t>(u.stage)];
  if (st.image.unresolved || st.image.is_scratch() || st.parent >= 0 || st.image_text.empty()) return nullptr;
  return &st;
}

void untagged_image(Lint& l) {
  for_each(l, "FROM", [&](const Unit& u) {
    const Stage* st = external_image(l, u);
    if (st && st->image.tag.empty() && st->image.digest.empty())
      l.report("dockerfile-untagged-image", u, "image `" + st->image_text + "` has no tag: pin a version");
  });
}

void latest_tag(Lint& l) {
  for_each(l, "FROM", [&](const Unit& u) {
    const Stage* st = external_image(l, u);
    if (st && st->image.tag == "latest")
      l.report("dockerfile-latest-tag", u, "image `" + st->image_text + "` uses the `latest` tag");
  });
}

void not_pinned_by_digest(Lint& l) {
  for_each(l, "FROM", [&](const Unit& u) {
    const Stage* st = external_image(l, u);
    if (st && st->image.digest.empty())
      l.report("dockerfile-image-not-pinned-by-digest", u, "image `" + st->image_text + "` is not pinned by digest");
  });
}

bool registry_trusted(const std::vector<std::string>& trusted, const ImageRef& image) {
  std::string registry = image.registry.empty() ? "docker.io" : image.registry;
  if (image.registry.empty() && std::count(trusted.begin(), trusted.end(), "hub.docker.com")) return true;
  return std::any_of(trusted.begin(), trusted.end(),
                     [&](const std::string& t) { return util::wildcard_match(lower(t), registry); });
}

// COPY --from=<image> and RUN --mount=from=<image> name images too (hadolint 2.15).
std::string image_operand(const Lint& l, const Unit& u) {
  std::string from;
  if (const Flag* f = u.ins->flag("from")) from = f->value;
  for (const auto& f : u.ins->flags)
    if (f.name == "mount" && !csv_option(f.value, "from").empty()) from = csv_option(f.value, "from");
  if (from.empty() || all_digits(from) || l.model.stage_named(from) || contains(from, "$")) return {};
  return from;
}

void untrusted_registry(Lint& l) {
  const auto& trusted = l.settings.trusted_registries;
  if (trusted.empty()) return;
  for (const auto& u : l.model.units) {
    std::string text;
    if (u.ins->keyword == "FROM") {
      if (const Stage* st = external_image(l, u)) text = st->image_text;
    } else if (u.ins->keyword == "COPY" || u.ins->keyword == "RUN") {
      text = image_operand(l, u);
    }
    if (!text.empty() && !registry_trusted(trusted, parse_image_ref(text))) {
      auto ref = parse_image_ref(text);
      l.report("dockerfile-untrusted-registry", u,
               "image `" + text + "` comes from `" + (ref.registry.empty() ? "docker.io" : ref.registry) +
                   "`, which is not a trusted registry");
    }
  }
}

bool platform_is_variable(std::string_view p) { return contains(p, "$"); }

void from_platform(Lint& l) {
  for_each(l, "FROM", [&](const Unit& u) {
    const Flag* p = u.ins->flag("platform");
    if (p && !p->value.empty() && !platform_is_variable(p->value))
      l.report("dockerfile-from-platform", u, "FROM pins `--platform=" + p->value + "`");
  });
}

void redundant_target_platform(Lint& l) {
  for_each(l, "FROM", [&](const Unit& u) {
    const Flag* p = u.ins->flag("platform");
    if (p && (p->value == "$TARGETPLATFORM" || p->value == "${TARGETPLATFORM}"))
      l.report("dockerfile-redundant-target-platform", u, "`--platform=" + p->value + "` is already the default");
  });
}

void reserved_stage_name(Lint& l) {
  for_each(l, "FROM", [&](const Unit& u) {
    if (u.onbuild || u.stage < 0) return;
    const auto& name = l.model.stages[static_cast<std::size_t>(u.stage)].name;
    if (name == "scratch" || name == "context") l.report("dockerfile-reserved-stage-name", u, "stage name `" + name + "` is reserved");
  });
}

void duplicate_stage_name(Lint& l) {
  std::set<std::string> seen;
  for (const auto& u : l.model.units) {
    if (u.ins->keyword != "FROM" || u.onbuild || u.stage < 0) continue;
    const Stage& st = l.model.stages[static_cast<std::size_t>(u.stage)];
    if (!st.name.empty() && !seen.insert(st.name).second)
      l.report("dockerfile-duplicate-stage-name", u, "stage name `" + st.name + "` is already used");
  }
}

constexpr RuleDef k_rules[] = {
    {"dockerfile-untagged-image", untagged_image},
    {"dockerfile-latest-tag", latest_tag},
    {"dockerfile-image-not-pinned-by-digest", not_pinned_by_digest},
    {"dockerfile-untrusted-registry", untrusted_registry},
    {"dockerfile-from-platform", from_platform},
    {"dockerfile-redundant-target-platform", redundant_target_platform},
    {"dockerfile-reserved-stage-name", reserved_stage_name},
    {"dockerfile-duplicate-stage-name", duplicate_stage_name},
};

}  // namespace

std::span<const RuleDef> image_rules() { return k_rules; }

}  // namespace hookguard::dockerfile
