#include "detect/secrets/matchers.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <set>

namespace hookguard::secrets {
namespace {

enum class Part { always, gated };

// The rules of one part, at their own indices (so hit ids stay rule indices); the others empty.
std::vector<PatternRule> part_of(const std::vector<PatternRule>& rules, Part part) {
  std::vector<PatternRule> out(rules.size());
  for (std::size_t i = 0; i < rules.size(); ++i) {
    if (rules[i].context.empty() != (part == Part::always)) continue;
    out[i].id = rules[i].id, out[i].source = rules[i].source, out[i].pattern = rules[i].pattern;
    out[i].caseless = rules[i].caseless, out[i].dotall = rules[i].dotall;
  }
  return out;
}

// Every rule's context keywords, once each, in order: the keyword database's pattern ids.
std::set<std::string_view> context_words(const std::vector<PatternRule>& rules) {
  std::set<std::string_view> words;
  for (const auto& r : rules) words.insert(r.context.begin(), r.context.end());
  return words;
}

// Context keywords as caseless literal patterns (every byte but [a-z0-9] escaped as \xHH, which
// Hyperscan and RE2 read alike), matching the engine's ASCII case-insensitive context check.
std::vector<PatternRule> keyword_rules(const std::vector<PatternRule>& rules) {
  std::vector<PatternRule> out;
  for (std::string_view w : context_words(rules)) {
    PatternRule p;
    p.id = "context:" + std::string(w), p.source = "context keywords", p.caseless = true;
    for (unsigned char c : w)
      p.pattern += (std::isalnum(c) && c < 0x80) ? std::string(1, char(c)) : fmt::format("\\x{:02x}", c);
    out.push_back(std::move(p));
  }
  return out;
}

bool has_gated(const std::vector<PatternRule>& rules) {
  return std::any_of(rules.begin(), rules.end(), [](const auto& r) { return !r.context.empty() && !r.pattern.empty(); });
}

void scan_range(const MatchBackend& backend, std::string_view text, std::size_t begin, std::size_t end,
                std::vector<RawHit>& hits) {
  std::size_t first = hits.size();
  backend.scan(text.substr(begin, end - begin), hits);
  for (std::size_t i = first; i < hits.size(); ++i) hits[i].first_end += begin, hits[i].last_end += begin;
}

std::size_t line_start(std::string_view text, std::size_t pos) {
  const void* nl = pos ? ::memrchr(text.data(), '\n', pos) : nullptr;
  return nl ? std::size_t(static_cast<const char*>(nl) - text.data()) + 1 : 0;
}

// Start of the line `n` lines above the one holding `pos`.
std::size_t lines_above(std::string_view text, std::size_t pos, int n) {
  pos = line_start(text, pos);
  for (; n > 0 && pos > 0; --n) pos = line_start(text, pos - 1);
  return pos;
}

// End (past the newline) of the line that starts at `pos`.
std::size_t line_end(std::string_view text, std::size_t pos) {
  const void* nl = pos < text.size() ? std::memchr(text.data() + pos, '\n', text.size() - pos) : nullptr;
  return nl ? std::size_t(static_cast<const char*>(nl) - text.data()) + 1 : text.size();
}

// Length-prefixed parts of the serialized form.
void put(std::string& out, const std::string& part) {
  std::uint64_t n = part.size();
  out.append(reinterpret_cast<const char*>(&n), sizeof n).append(part);
}

std::optional<std::string_view> take(std::string_view& in) {
  std::uint64_t n;
  if (in.size() < sizeof n) return std::nullopt;
  std::memcpy(&n, in.data(), sizeof n);
  if (n > in.size() - sizeof n) return std::nullopt;
  auto part = in.substr(sizeof n, n);
  in.remove_prefix(sizeof n + n);
  return part;
}

}  // namespace

Matchers Matchers::compile(const std::vector<PatternRule>& rules, std::vector<std::string>& notices) {
  Matchers m;
  m.m_always = compile_backend(part_of(rules, Part::always), notices);
  if (has_gated(rules)) {
    m.m_gated = compile_backend(part_of(rules, Part::gated), notices);
    m.m_keywords = compile_backend(keyword_rules(rules), notices);
  }
  return m;
}

std::optional<Matchers> Matchers::load(const std::vector<PatternRule>& rules, std::string_view bytes) {
  Matchers m;
  auto always = take(bytes), gated = take(bytes), keywords = take(bytes);
  if (!always || !gated || !keywords || !bytes.empty()) return std::nullopt;
  auto part = [&](Part p) { return [&rules, p] { return part_of(rules, p); }; };
  if (!(m.m_always = load_backend(part(Part::always), rules.size(), *always))) return std::nullopt;
  if (!has_gated(rules)) return m;
  m.m_gated = load_backend(part(Part::gated), rules.size(), *gated);
  m.m_keywords = load_backend([&rules] { return keyword_rules(rules); }, context_words(rules).size(), *keywords);
  if (!m.m_gated || !m.m_keywords) return std::nullopt;
  return m;
}

std::string Matchers::serialize() const {
  std::string out;
  put(out, m_always->serialize());
  put(out, m_gated ? m_gated->serialize() : std::string());
  put(out, m_keywords ? m_keywords->serialize() : std::string());
  return out;
}

// Lines from each context keyword to two lines below it, clipped to `ranges`. The keyword search
// starts two lines above each range: context on an unchanged line still counts for an added one.
// Hits come in order, so one forward walk over the lines serves them all (a minified file has
// thousands of keywords on one line: each line is measured once, not once per keyword).
ByteRanges Matchers::keyword_regions(std::string_view text, const ByteRanges& ranges) const {
  ByteRanges regions;
  std::vector<RawHit> found;
  for (auto [begin, end] : ranges) {
    found.clear();
    std::size_t line = lines_above(text, begin, 2);
    scan_range(*m_keywords, text, line, end, found);
    std::sort(found.begin(), found.end(), [](const RawHit& a, const RawHit& b) { return a.first_end < b.first_end; });
    std::size_t next = line_end(text, line), last_line = text.size() + 1;
    for (const auto& k : found) {
      std::size_t at = std::size_t(k.first_end) - 1;  // the keyword's last byte
      while (at >= next) line = next, next = line_end(text, line);
      if (line == last_line) continue;
      last_line = line;
      std::size_t from = std::max(begin, line), to = std::min(end, line_end(text, line_end(text, next)));
      if (from >= to) continue;
      if (!regions.empty() && regions.back().second >= from) regions.back().second = std::max(regions.back().second, to);
      else regions.emplace_back(from, to);
    }
  }
  return regions;
}

void Matchers::scan(std::string_view text, const ByteRanges& ranges, std::vector<RawHit>& hits) const {
  for (auto [begin, end] : ranges) scan_range(*m_always, text, begin, end, hits);
  if (!m_gated) return;
  for (auto [begin, end] : keyword_regions(text, ranges)) scan_range(*m_gated, text, begin, end, hits);
}

}  // namespace hookguard::secrets
