// RE2-only backend for machines without Hyperscan (it is amd64-only). An RE2::Set finds which
// rules occur at all; each of those is then searched for its match ends. Slower, same answers.
#include "detect/secrets/match_backend.hpp"

#include <re2/re2.h>
#include <re2/set.h>

namespace hookguard::secrets {
namespace {

class Re2Backend final : public MatchBackend {
 public:
  explicit Re2Backend(const std::vector<PatternRule>& rules) : m_set(RE2::Options(RE2::Latin1), RE2::UNANCHORED) {
    RE2::Options options(RE2::Latin1);
    options.set_log_errors(false);
    for (std::size_t i = 0; i < rules.size(); ++i) {
      if (rules[i].pattern.empty()) continue;
      auto re = std::make_unique<RE2>(re2_pattern(rules[i]), options);
      if (!re->ok()) throw RuleFileError(rules[i].source + ": rule " + rules[i].id + ": " + re->error());
      m_set.Add(re2_pattern(rules[i]), nullptr);
      m_rules.push_back(unsigned(i));
      m_regexes.push_back(std::move(re));
    }
    m_set.Compile();
  }

  void scan(std::string_view text, std::vector<RawHit>& hits) const override {
    std::vector<int> which;
    if (m_regexes.empty() || !m_set.Match(text, &which)) return;
    for (int w : which) {
      const RE2& re = *m_regexes[std::size_t(w)];
      std::size_t pos = 0;
      re2::StringPiece m;
      while (pos <= text.size() && re.Match(text, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
        std::size_t end = std::size_t(m.data() - text.data()) + m.size();
        hits.push_back({m_rules[std::size_t(w)], end, end});
        pos = end > pos ? end : pos + 1;
      }
    }
  }

  std::string serialize() const override { return {}; }
  std::string name() const override { return "re2"; }

 private:
  RE2::Set m_set;
  std::vector<unsigned> m_rules;
  std::vector<std::unique_ptr<RE2>> m_regexes;
};

}  // namespace

std::unique_ptr<MatchBackend> compile_backend(const std::vector<PatternRule>& rules, std::vector<std::string>&) {
  return std::make_unique<Re2Backend>(rules);
}

std::unique_ptr<MatchBackend> load_backend(const RuleListFn& rules, std::size_t, std::string_view) {
  return std::make_unique<Re2Backend>(rules());
}

std::string backend_fingerprint() { return "re2"; }

}  // namespace hookguard::secrets
