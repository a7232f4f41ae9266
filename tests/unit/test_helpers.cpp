#include "test_helpers.hpp"

#include "detect/secrets/match_backend.hpp"

#include <random>

namespace hookguard::testing {

ContentUnit text_unit(std::string path, std::string text) {
  ContentUnit u;
  u.path = u.rel_path = std::move(path);
  u.data = std::make_shared<const std::string>(std::move(text));
  return u;
}

EngineFixture::EngineFixture(const std::string& extra_yaml, Config config, Builtin builtin) : m_config(std::move(config)) {
  auto texts = builtin == Builtin::include ? rule_texts() : std::vector<RuleText>{};
  if (!extra_yaml.empty()) texts.push_back(RuleText::from_string("extra.yaml", extra_yaml));
  auto set = std::make_shared<RuleSet>(parse_rule_set(texts));
  std::vector<std::string> notices;
  m_compiled.matchers = std::make_shared<const secrets::Matchers>(secrets::Matchers::compile(set->patterns, notices));
  m_compiled.rules = set;
  DetectorContext ctx{m_config, set->catalog};
  m_engine = std::make_unique<secrets::PatternEngine>(m_compiled, ctx);
}

std::vector<Finding> EngineFixture::scan(const std::string& text, const std::string& path) const {
  ScanOutput out;
  m_engine->scan(text_unit(path, text), out);
  return out.findings;
}

std::vector<Finding> EngineFixture::scan_unit(const ContentUnit& unit) const {
  ScanOutput out;
  m_engine->scan(unit, out);
  return out.findings;
}

std::string alias_bomb(const std::string& head, const std::string& leaf) {
  std::string text = head + "  a: &a [" + leaf;
  for (int i = 1; i < 9; ++i) text += ", " + leaf;
  text += "]\n";
  for (char level = 'b'; level <= 'j'; ++level) {
    text += std::string("  ") + level + ": &" + level + " [";
    for (int i = 0; i < 9; ++i) text += std::string(i ? ", *" : "*") + static_cast<char>(level - 1);
    text += "]\n";
  }
  return text;
}

std::string seeded_token(std::size_t length, std::uint64_t seed, const std::string& alphabet) {
  std::mt19937_64 rng(seed);
  std::string out;
  for (std::size_t i = 0; i < length; ++i) out += alphabet[rng() % alphabet.size()];
  return out;
}

}  // namespace hookguard::testing
