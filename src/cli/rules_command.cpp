// `hookguard rules [--format text|json] [--markdown]` and `hookguard explain RULE`.
#include "cli/verbs.hpp"
#include "util/json.hpp"

#include <fmt/format.h>

#include <iostream>

namespace hookguard::cli {
namespace {

std::shared_ptr<const RuleCatalog> catalog_for(const Options& o) {
  Config config = load_client_config(o);
  ScanOptions so;
  so.cache_dir = o.cache_dir;
  std::vector<std::string> notices;
  return load_catalog(config, so, notices);
}

std::string markdown_cell(std::string s) {
  for (auto& c : s)
    if (c == '|' || c == '\n') c = ' ';
  return s;
}

void write_markdown(const RuleCatalog& catalog) {
  for (auto detector : {DetectorKind::secrets, DetectorKind::pii, DetectorKind::dockerfile, DetectorKind::manifest,
                        DetectorKind::policy}) {
    std::size_t n = 0;
    for (const auto& r : catalog.rules()) n += r.detector == detector;
    if (!n) continue;
    std::cout << fmt::format("\n### {} ({} rules)\n\n| id | severity | title | aliases |\n|---|---|---|---|\n", to_string(detector), n);
    for (const auto& r : catalog.rules())
      if (r.detector == detector)
        std::cout << fmt::format("| `{}` | {} | {} | {} |\n", r.id, to_string(r.severity), markdown_cell(r.title),
                                 markdown_cell(fmt::format("{}", fmt::join(r.aliases, ", "))));
  }
}

void write_json_catalog(const RuleCatalog& catalog) {
  util::JsonWriter w(std::cout);
  w.begin_object().key("rules").begin_array();
  for (const auto& r : catalog.rules()) {
    w.begin_object().field("id", r.id).string_array("aliases", r.aliases).field("detector", to_string(r.detector));
    w.field("severity", to_string(r.severity)).field("title", r.title).field("help", r.help).end_object();
  }
  w.end_array().end_object();
  std::cout << '\n';
}

}  // namespace

int rules_command(const Options& o) {
  auto catalog = catalog_for(o);
  if (o.has_flag("--markdown")) write_markdown(*catalog);
  else if (o.format == report::Format::json) write_json_catalog(*catalog);
  else
    for (const auto& r : catalog->rules())
      std::cout << fmt::format("{:<48} {:<8} {:<10} {}\n", r.id, to_string(r.severity), to_string(r.detector), r.title);
  return 0;
}

int explain_command(const Options& o) {
  if (o.positional.size() != 1) throw UsageError("explain takes one rule id or alias");
  auto catalog = catalog_for(o);
  const RuleInfo* r = catalog->find(o.positional[0]);
  if (!r) {
    std::cerr << fmt::format("hookguard: no rule '{}' (see `hookguard rules`)\n", o.positional[0]);
    return 2;
  }
  std::cout << fmt::format("{} [{}] {}\n", r->id, to_string(r->severity), r->title);
  if (!r->aliases.empty()) std::cout << fmt::format("aliases: {}\n", fmt::join(r->aliases, ", "));
  std::cout << fmt::format("detector: {}\n\n{}\n", to_string(r->detector), r->help);
  for (const auto& [k, v] : r->options) std::cout << fmt::format("option {}: [{}]\n", k, fmt::join(v, ", "));
  return 0;
}

}  // namespace hookguard::cli
