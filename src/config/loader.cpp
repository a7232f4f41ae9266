#include "config/loader.hpp"

#include "util/yaml_guard.hpp"

#include <fmt/format.h>
#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>

namespace hookguard::config {
namespace {

// A YAML node with the file name and key path for messages.
struct Node {
  const std::string& file;
  YAML::Node node;
  std::string key;

  [[noreturn]] void fail(const std::string& why) const {
    throw ConfigError(fmt::format("{}:{}: {}: {}", file, node.Mark().line + 1, key.empty() ? "(top level)" : key, why));
  }
  Node child(const std::string& name, const YAML::Node& n) const {
    return {file, n, key.empty() ? name : name.front() == '[' ? key + name : key + "." + name};
  }

  std::string str() const {
    if (!node.IsScalar()) fail("expected a string");
    return node.as<std::string>();
  }
  bool boolean() const {
    try {
      if (node.IsScalar()) return node.as<bool>();
    } catch (const YAML::Exception&) {
    }
    fail("expected true or false");
  }
  Severity severity() const {
    auto s = parse_severity(str());
    if (!s) fail("expected one of critical, high, medium, low, info");
    return *s;
  }
  std::vector<std::string> list() const {
    if (node.IsScalar()) return {str()};
    if (!node.IsSequence()) fail("expected a list of strings");
    std::vector<std::string> out;
    for (std::size_t i = 0; i < node.size(); ++i) out.push_back(child(fmt::format("[{}]", i), node[i]).str());
    return out;
  }
  std::uint64_t size() const {
    try {
      return parse_size(str());
    } catch (const std::exception&) {
      fail("expected a size such as 10MiB");
    }
  }
  std::chrono::milliseconds duration() const {
    try {
      return parse_duration(str());
    } catch (const std::exception&) {
      fail("expected a duration such as 4s or 500ms");
    }
  }
  // Calls handlers[key] for each key of a mapping; unknown keys are errors.
  void each(const std::map<std::string, std::function<void(const Node&)>>& handlers) const {
    if (node.IsNull()) return;
    if (!node.IsMap()) fail("expected a mapping");
    std::set<std::string> seen;
    for (const auto& kv : node) {
      std::string k = kv.first.as<std::string>();
      auto it = handlers.find(k);
      Node c = child(k, kv.second);
      // yaml-cpp keeps the first of duplicate keys; other readers keep the last: ambiguous.
      if (!seen.insert(k).second) Node{file, kv.first, c.key}.fail("duplicate key");
      if (it == handlers.end()) {
        Node at{file, kv.first, c.key};
        at.fail("unknown key");
      }
      it->second(c);
    }
  }
};

std::vector<std::string> globs(const Node& n) {
  auto out = n.list();
  for (const auto& g : out)
    if (g.empty()) n.fail("empty path pattern");
  return out;
}

void load_detector(const Node& n, DetectorConfig& d, Config& c, bool secrets) {
  std::map<std::string, std::function<void(const Node&)>> h = {
      {"enabled", [&](const Node& x) { d.enabled = x.boolean(); }},
      {"include", [&](const Node& x) { d.paths.include = globs(x); }},
      {"exclude", [&](const Node& x) { d.paths.exclude = globs(x); }},
      {"block", [&](const Node& x) { d.block = x.severity(); }},
  };
  if (secrets) {
    h["scan_binary"] = [&](const Node& x) { c.scan_binary = x.boolean(); };
  }
  h["extra_rules"] = [&](const Node& x) {
    for (auto& f : x.list()) {
      std::filesystem::path p(f);
      if (p.is_relative()) p = std::filesystem::path(n.file).parent_path() / p;
      c.extra_rule_files.push_back(p.lexically_normal().string());
    }
  };
  n.each(h);
}

void load_rule_overrides(const Node& n, Config& c) {
  if (!n.node.IsMap()) n.fail("expected a mapping of rule id -> settings");
  for (const auto& kv : n.node) {
    std::string id = kv.first.as<std::string>();
    Node r = n.child(id, kv.second);
    RuleOverride& o = c.rules[id];
    o.source = fmt::format("{}:{}", n.file, r.node.Mark().line + 1);
    r.each({
        {"enabled", [&](const Node& x) { o.enabled = x.boolean(); }},
        {"severity", [&](const Node& x) { o.severity = x.severity(); }},
        {"options", [&](const Node& x) {
           if (!x.node.IsMap()) x.fail("expected a mapping");
           for (const auto& okv : x.node) o.options[okv.first.as<std::string>()] = x.child(okv.first.as<std::string>(), okv.second).list();
         }},
    });
  }
}

void load_allow(const Node& n, Config& c) {
  if (!n.node.IsSequence()) n.fail("expected a list of {rules, paths, reason}");
  for (std::size_t i = 0; i < n.node.size(); ++i) {
    Node e = n.child(fmt::format("[{}]", i), n.node[i]);
    AllowEntry a;
    a.source = fmt::format("{}:{}", n.file, e.node.Mark().line + 1);
    e.each({
        {"rules", [&](const Node& x) { a.rules = x.list(); }},
        {"paths", [&](const Node& x) { a.paths = globs(x); }},
        {"reason", [&](const Node& x) { a.reason = x.str(); }},
    });
    if (a.reason.empty()) e.fail("every allow entry needs a reason");
    c.allow.push_back(std::move(a));
  }
}

void load_hook(const Node& n, HookConfig& h) {
  n.each({
      {"block", [&](const Node& x) { h.block = x.severity(); }},
      {"audit", [&](const Node& x) { h.audit = x.severity(); }},
      {"time_budget", [&](const Node& x) { h.time_budget = x.duration(); }},
      {"on_timeout", [&](const Node& x) {
         auto v = x.str();
         if (v == "reject") h.on_timeout = TimeoutAction::reject;
         else if (v == "accept-and-audit") h.on_timeout = TimeoutAction::accept_and_audit;
         else x.fail("expected reject or accept-and-audit");
       }},
      {"immutable_tags", [&](const Node& x) { h.immutable_tags = x.boolean(); }},
      {"protected_refs", [&](const Node& x) { h.protected_refs = x.list(); }},
      {"bypass_push_option", [&](const Node& x) { h.bypass_push_option = x.boolean(); }},
      {"inline_suppressions", [&](const Node& x) {
         auto v = x.str();
         if (v == "honour" || v == "honor") h.inline_suppressions = InlineSuppressions::honour;
         else if (v == "audit") h.inline_suppressions = InlineSuppressions::audit;
         else if (v == "ignore") h.inline_suppressions = InlineSuppressions::ignore;
         else x.fail("expected honour, audit or ignore");
       }},
  });
}

std::string path_setting(const Node& n) {
  std::filesystem::path p(n.str());
  if (p.is_relative()) p = std::filesystem::path(n.file).parent_path() / p;
  return p.lexically_normal().string();
}

void load_root(const Node& root, Config& c) {
  static const char* k_hooks[] = {"pre-commit", "pre-merge-commit", "pre-push", "pre-receive", "scan"};
  root.each({
      {"version", [&](const Node& x) { if (x.str() != "1") x.fail("only version 1 is known"); }},
      {"block", [&](const Node& x) { c.block = x.severity(); }},
      {"audit", [&](const Node& x) { c.audit = x.severity(); }},
      {"detectors", [&](const Node& x) {
         c.secrets.enabled = c.pii.enabled = c.dockerfile.enabled = c.manifest.enabled = false;
         for (const auto& name : x.list()) {
           auto d = parse_detector(name);
           if (!d || *d == DetectorKind::policy) x.fail("unknown detector '" + name + "' (secrets, pii, dockerfile, manifest)");
           const_cast<DetectorConfig&>(c.detector(*d)).enabled = true;
         }
       }},
      {"rules", [&](const Node& x) { load_rule_overrides(x, c); }},
      {"paths", [&](const Node& x) {
         // Global paths only exclude (CONTRACTS.md §6); include is per detector. A key that
         // would be accepted and never used is an error instead.
         x.each({{"exclude", [&](const Node& y) { c.paths.exclude = globs(y); }}});
       }},
      {"secrets", [&](const Node& x) { load_detector(x, c.secrets, c, true); }},
      {"pii", [&](const Node& x) { load_detector(x, c.pii, c, false); }},
      {"dockerfile", [&](const Node& x) { load_detector(x, c.dockerfile, c, false); }},
      {"manifest", [&](const Node& x) { load_detector(x, c.manifest, c, false); }},
      {"limits", [&](const Node& x) {
         x.each({{"max_file_size", [&](const Node& y) { c.max_file_size = y.size(); }},
                 {"file_time", [&](const Node& y) { c.file_time = y.duration(); }}});
       }},
      {"allow", [&](const Node& x) { load_allow(x, c); }},
      {"baseline", [&](const Node& x) { c.baseline = path_setting(x); }},
      {"audit_log", [&](const Node& x) { c.audit_log = path_setting(x); }},
      {"fingerprint_key_file", [&](const Node& x) { c.fingerprint_key_file = path_setting(x); }},
      {"cache_dir", [&](const Node& x) { c.cache_dir = path_setting(x); }},
      {"asff", [&](const Node& x) {
         x.each({{"aws_account_id", [&](const Node& y) { c.asff_account_id = y.str(); }},
                 {"region", [&](const Node& y) { c.asff_region = y.str(); }}});
       }},
      {"hooks", [&](const Node& x) {
         if (!x.node.IsMap()) x.fail("expected a mapping of hook name -> settings");
         for (const auto& kv : x.node) {
           std::string name = kv.first.as<std::string>();
           if (std::find(std::begin(k_hooks), std::end(k_hooks), name) == std::end(k_hooks))
             Node{x.file, kv.first, "hooks." + name}.fail("unknown hook (pre-commit, pre-merge-commit, pre-push, pre-receive, scan)");
           load_hook(x.child(name, kv.second), c.hooks[name]);
         }
       }},
  });
}

}  // namespace

std::uint64_t parse_size(const std::string& text) {
  std::size_t pos = 0;
  double value = std::stod(text, &pos);
  std::string unit = text.substr(pos);
  while (!unit.empty() && unit.front() == ' ') unit.erase(0, 1);
  static const std::map<std::string, double> k_units = {
      {"", 1}, {"b", 1}, {"k", 1024}, {"kb", 1000}, {"kib", 1024}, {"m", 1 << 20}, {"mb", 1e6}, {"mib", 1 << 20},
      {"g", 1 << 30}, {"gb", 1e9}, {"gib", 1 << 30}};
  std::string lower;
  for (char ch : unit) lower += char(std::tolower((unsigned char)ch));
  auto it = k_units.find(lower);
  if (it == k_units.end() || value < 0) throw std::invalid_argument(text);
  return std::uint64_t(value * it->second);
}

std::chrono::milliseconds parse_duration(const std::string& text) {
  std::size_t pos = 0;
  double value = std::stod(text, &pos);
  std::string unit = text.substr(pos);
  double ms = unit == "ms" ? value : unit == "s" || unit.empty() ? value * 1000 : unit == "m" ? value * 60000 : -1;
  if (ms < 0 || value < 0) throw std::invalid_argument(text);
  return std::chrono::milliseconds(std::int64_t(ms));
}

void load_text(const std::string& name, const std::string& text, Config& config) {
  if (auto line = util::yaml_hang_line(text))
    throw ConfigError(fmt::format("{}:{}: not valid YAML: {}", name, line, util::k_yaml_hang_reason));
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    throw ConfigError(fmt::format("{}:{}: {}", name, e.mark.line + 1, e.msg));
  }
  try {
    load_root(Node{name, root, ""}, config);
  } catch (const YAML::Exception& e) {
    throw ConfigError(fmt::format("{}:{}: {}", name, e.mark.line + 1, e.msg));
  }
  config.sources.push_back(name);
}

void load_file(const std::string& path, Config& config) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw ConfigError(fmt::format("{}:0: is a directory, not a config file", path));
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ConfigError(fmt::format("{}:0: cannot read the config file", path));
  std::ostringstream ss;
  ss << in.rdbuf();
  load_text(path, ss.str(), config);
}

}  // namespace hookguard::config
