#include "config/rule_files.hpp"

#include "config/embedded_rules.hpp"
#include "detect/pii/validators.hpp"
#include "util/hash.hpp"
#include "util/text.hpp"
#include "util/yaml_guard.hpp"

#include <fmt/format.h>
#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <set>
#include <sstream>
#include <utility>

namespace hookguard {
namespace {

const std::set<std::string> k_pattern_keys = {
    "id", "title", "severity", "pattern", "flags", "secret", "keywords", "context", "min_entropy",
    "allow", "path", "validate", "options", "aliases", "help", "examples", "negative_examples"};
const std::set<std::string> k_catalog_keys = {"id", "title", "severity", "aliases", "help", "options"};

[[noreturn]] void fail(const std::string& file, const YAML::Node& node, const std::string& id, const std::string& why) {
  int line = node.IsDefined() ? node.Mark().line + 1 : 0;
  if (id.empty()) throw RuleFileError(fmt::format("{}:{}: {}", file, line, why));
  throw RuleFileError(fmt::format("{}:{}: rule {}: {}", file, line, id, why));
}

std::vector<std::string> string_list(const std::string& file, const YAML::Node& node, const std::string& id) {
  std::vector<std::string> out;
  if (!node) return out;
  if (node.IsScalar()) return {node.as<std::string>()};
  if (!node.IsSequence()) fail(file, node, id, "expected a list of strings");
  for (const auto& item : node) {
    if (!item.IsScalar()) fail(file, item, id, "expected a string");
    out.push_back(item.as<std::string>());
  }
  return out;
}

RuleOptions parse_options(const std::string& file, const YAML::Node& node, const std::string& id) {
  RuleOptions options;
  if (!node) return options;
  if (!node.IsMap()) fail(file, node, id, "options must be a mapping");
  for (const auto& kv : node) options[kv.first.as<std::string>()] = string_list(file, kv.second, id);
  return options;
}

void check_regex(const std::string& file, const YAML::Node& node, const std::string& id, const std::string& what,
                 const std::string& regex, int want_groups) {
  RE2 re(regex, RE2::Quiet);
  if (!re.ok()) fail(file, node, id, fmt::format("{} does not compile: {}", what, re.error()));
  if (want_groups >= 0 && re.NumberOfCapturingGroups() != want_groups)
    fail(file, node, id, fmt::format("{} must have exactly {} capture group(s), has {}", what, want_groups,
                                     re.NumberOfCapturingGroups()));
}

DetectorKind detector_of(const std::string& file, const std::string& id) {
  for (auto [prefix, kind] : {std::pair{"secret", DetectorKind::secrets}, {"pii", DetectorKind::pii},
                              {"dockerfile", DetectorKind::dockerfile}, {"manifest", DetectorKind::manifest},
                              {"policy", DetectorKind::policy}}) {
    if (id.rfind(std::string(prefix) + "-", 0) == 0) return kind;
    if (file.rfind(std::string(prefix), 0) == 0) return kind;
  }
  return DetectorKind::secrets;
}

RuleInfo parse_info(const std::string& file, const YAML::Node& r, const std::string& id) {
  RuleInfo info;
  info.id = id;
  info.detector = detector_of(file, id);
  info.title = r["title"] ? r["title"].as<std::string>() : "";
  if (info.title.empty()) fail(file, r, id, "missing title");
  auto sev = r["severity"] ? parse_severity(r["severity"].as<std::string>()) : std::nullopt;
  if (!sev) fail(file, r["severity"] ? r["severity"] : r, id, "severity must be one of critical, high, medium, low, info");
  info.severity = *sev;
  info.help = r["help"] ? r["help"].as<std::string>() : "";
  if (info.help.empty()) fail(file, r, id, "missing help (say how to fix it)");
  info.aliases = string_list(file, r["aliases"], id);
  info.options = parse_options(file, r["options"], id);
  info.source = fmt::format("{}:{}", file, r.Mark().line + 1);
  return info;
}

PatternRule parse_pattern(const std::string& file, const YAML::Node& r, const RuleInfo& info) {
  const std::string& id = info.id;
  PatternRule p;
  p.id = id;
  p.detector = info.detector;
  p.source = info.source;
  p.pattern = r["pattern"] ? r["pattern"].as<std::string>() : "";
  p.path_globs = string_list(file, r["path"], id);
  if (p.pattern.empty() && p.path_globs.empty()) fail(file, r, id, "needs a pattern or a path");
  for (const auto& flag : string_list(file, r["flags"], id)) {
    if (flag == "caseless") p.caseless = true;
    else if (flag == "dotall") p.dotall = true;
    else fail(file, r["flags"], id, "unknown flag '" + flag + "' (caseless, dotall)");
  }
  if (!p.pattern.empty()) check_regex(file, r["pattern"], id, "pattern", p.pattern, -1);
  p.secret = r["secret"] ? r["secret"].as<std::string>() : "";
  if (!p.secret.empty()) check_regex(file, r["secret"], id, "secret", p.secret, 1);
  for (const auto& k : string_list(file, r["keywords"], id)) p.keywords.push_back(util::to_lower(k));
  for (const auto& k : string_list(file, r["context"], id)) p.context.push_back(util::to_lower(k));
  if (r["min_entropy"]) {
    try {
      p.min_entropy = r["min_entropy"].as<double>();
    } catch (const YAML::Exception&) {
      fail(file, r["min_entropy"], id, "min_entropy must be a number");
    }
  }
  p.allow = string_list(file, r["allow"], id);
  for (const auto& a : p.allow) check_regex(file, r["allow"], id, "allow entry", a, -1);
  p.validate = r["validate"] ? r["validate"].as<std::string>() : "";
  if (!p.validate.empty() && !pii::find_validator(p.validate))
    fail(file, r["validate"], id, "unknown validator '" + p.validate + "'");
  p.examples = string_list(file, r["examples"], id);
  p.negative_examples = string_list(file, r["negative_examples"], id);
  return p;
}

void parse_rule(const std::string& file, const YAML::Node& r, RuleSet& set, std::set<std::string>& seen);

void parse_file(const RuleText& t, RuleSet& set, std::set<std::string>& seen) {
  if (auto line = util::yaml_hang_line(t.text))
    throw RuleFileError(fmt::format("{}:{}: not valid YAML: {}", t.name, line, util::k_yaml_hang_reason));
  YAML::Node root;
  try {
    root = YAML::Load(std::string(t.text));
  } catch (const YAML::Exception& e) {
    throw RuleFileError(fmt::format("{}:{}: {}", t.name, e.mark.line + 1, e.msg));
  }
  if (!root || root.IsNull()) return;
  if (!root.IsMap() || !root["rules"] || !root["rules"].IsSequence())
    fail(t.name, root, "", "expected a mapping with a 'rules:' list");
  for (const auto& kv : root)
    if (kv.first.as<std::string>() != "rules") fail(t.name, kv.first, "", "unknown key '" + kv.first.as<std::string>() + "'");
  try {
    for (const auto& r : root["rules"]) parse_rule(t.name, r, set, seen);
  } catch (const YAML::Exception& e) {
    throw RuleFileError(fmt::format("{}:{}: {}", t.name, e.mark.line + 1, e.msg));
  }
}

void parse_rule(const std::string& file, const YAML::Node& r, RuleSet& set, std::set<std::string>& seen) {
  if (!r.IsMap() || !r["id"]) fail(file, r, "", "every rule needs an id");
  std::string id = r["id"].as<std::string>();
  if (!seen.insert(id).second) fail(file, r, id, "duplicate id");
  RuleInfo info = parse_info(file, r, id);
  bool pattern_rule = info.detector == DetectorKind::secrets || info.detector == DetectorKind::pii;
  const auto& allowed = pattern_rule ? k_pattern_keys : k_catalog_keys;
  for (const auto& kv : r) {
    auto key = kv.first.as<std::string>();
    if (!allowed.count(key)) fail(file, kv.first, id, "unknown key '" + key + "'");
  }
  if (pattern_rule && (r["pattern"] || r["path"])) set.patterns.push_back(parse_pattern(file, r, info));
  set.catalog.add(std::move(info));
}

}  // namespace

std::vector<RuleText> rule_texts(const std::vector<std::string>& extra_files) {
  std::vector<RuleText> texts;
  for (const auto& f : embedded_rule_files()) texts.push_back({f.name, f.text, nullptr, true});
  for (const auto& path : extra_files) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw RuleFileError(fmt::format("{}:0: cannot read rule file", path));
    std::ostringstream ss;
    ss << in.rdbuf();
    texts.push_back(RuleText::from_string(path, ss.str()));
  }
  return texts;
}

std::string rule_digest(const std::vector<RuleText>& texts) {
  // The built-in files are identified by their build-time digest: a warm start never reads them.
  std::uint64_t h = util::fnv1a64("hookguard-rules-v2");
  bool embedded_seen = false;
  for (const auto& t : texts) {
    if (t.embedded) {
      if (!std::exchange(embedded_seen, true)) h = util::fnv1a64(embedded_rules_digest(), h);
      continue;
    }
    h = util::fnv1a64(t.text, util::fnv1a64(t.name, h));
  }
  return util::to_hex(h);
}

RuleSet parse_rule_set(const std::vector<RuleText>& texts) {
  RuleSet set;
  std::set<std::string> seen;
  for (const auto& t : texts) parse_file(t, set, seen);
  set.digest = rule_digest(texts);
  return set;
}

}  // namespace hookguard
