#include "detect/pii/email_census.hpp"

#include <algorithm>
#include <unordered_set>

namespace hookguard::pii {
namespace {

bool local_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
         c == '%' || c == '+' || c == '-';
}
bool domain_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

bool ends_with_domain(std::string_view domain, std::string_view suffix) {
  return domain == suffix || (domain.size() > suffix.size() && domain.ends_with(suffix) &&
                              domain[domain.size() - suffix.size() - 1] == '.');
}

bool counts(std::string_view local, std::string_view domain, const std::vector<std::string>& ignored) {
  std::size_t dot = domain.rfind('.');
  if (local.empty() || dot == std::string_view::npos || domain.size() - dot - 1 < 2) return false;
  std::string_view tld = domain.substr(dot + 1);
  if (!std::all_of(tld.begin(), tld.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return false;
  static constexpr std::string_view k_reserved[] = {"test", "invalid", "example", "localhost", "local"};
  static constexpr std::string_view k_docs[] = {"example.com", "example.org", "example.net", "localhost"};
  if (std::find(std::begin(k_reserved), std::end(k_reserved), tld) != std::end(k_reserved)) return false;
  for (auto d : k_docs)
    if (ends_with_domain(domain, d)) return false;
  for (const auto& d : ignored)
    if (ends_with_domain(domain, lower(d))) return false;
  for (std::string_view bot : {"noreply", "no-reply", "donotreply", "do-not-reply", "mailer-daemon"})
    if (local.find(bot) != std::string_view::npos || domain.find(bot) != std::string_view::npos) return false;
  return local != "git";  // git@host:repo.git remotes
}

}  // namespace

EmailCensus count_real_emails(std::string_view text, const std::vector<std::string>& ignored_domains) {
  EmailCensus census;
  std::unordered_set<std::string> seen;
  for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    std::size_t start = at, end = at + 1;
    while (start > 0 && local_char(text[start - 1])) --start;
    while (end < text.size() && domain_char(text[end])) ++end;
    while (end > at + 1 && (text[end - 1] == '.' || text[end - 1] == '-')) --end;
    std::string local = lower(text.substr(start, at - start)), domain = lower(text.substr(at + 1, end - at - 1));
    if (!counts(local, domain, ignored_domains) || !seen.insert(local + "@" + domain).second) continue;
    if (!census.first_line)
      census.first_line = 1 + static_cast<std::uint32_t>(std::count(text.begin(), text.begin() + at, '\n'));
  }
  census.distinct = seen.size();
  return census;
}

}  // namespace hookguard::pii
