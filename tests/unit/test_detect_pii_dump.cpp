// The customer-data dump detector (pii-customer-data-dump) on tests/corpus/pii/ files and
// generated mailing lists.
#include <doctest/doctest.h>

#include "config/rule_files.hpp"
#include "pii_generators.hpp"

#include <hookguard/detector.hpp>


using namespace hookguard;
using hookguard::test::read_pii_corpus;

namespace {

const RuleSet& rules() {
  static const RuleSet k_rules = load_rule_set();
  return k_rules;
}

ContentUnit unit_of(const std::string& path, std::string text) {
  ContentUnit u;
  u.path = u.rel_path = path;
  u.data = std::make_shared<const std::string>(std::move(text));
  u.added_lines = {{1, 1}};  // a one-line change: the dump check still judges the whole file
  return u;
}

std::vector<Finding> scan_with(const Config& config, const ContentUnit& unit) {
  auto detector = make_pii_dump_detector(DetectorContext{config, rules().catalog});
  REQUIRE(detector != nullptr);
  ScanOutput out;
  if (detector->wants(unit)) detector->scan(unit, out);
  return out.findings;
}

std::vector<Finding> scan_file(const std::string& name) { return scan_with(Config{}, unit_of(name, read_pii_corpus(name))); }

std::string mailing_list(int people, const std::string& domain) {
  std::string text = "subscribers:\n";
  for (int i = 0; i < people; ++i) text += "  - reader" + std::to_string(i) + "." + std::to_string(i * 7) + "@" + domain + "\n";
  return text;
}

}  // namespace

TEST_CASE("pii dump detector finds record files naming personal fields") {
  struct Row { const char* file; std::uint32_t line; const char* counts; };
  const Row rows[] = {
      {"customers.csv", 2, "50 records"},        {"customers.json", 4, "30 records"},
      {"customers.jsonl", 1, "25 records"},      {"dump.sql", 3, "30 records"},
      {"pg_dump.sql", 3, "25 records"},          {"fixtures_customers.yml", 1, "22 records"},
      {"people.md", 3, "21 records"},
  };
  for (const Row& r : rows) {
    SUBCASE(r.file) {
      auto findings = scan_file(r.file);
      REQUIRE(findings.size() == 1);
      const Finding& f = findings.front();
      CHECK(f.rule_id == "pii-customer-data-dump");
      CHECK(f.detector == DetectorKind::pii);
      CHECK(f.severity == Severity::medium);
      CHECK(f.file_scope);
      CHECK(f.line == r.line);
      CHECK(f.message.find(r.counts) != std::string::npos);
      // Counts only: no address, name or number from the records.
      CHECK(f.excerpt.find('@') == std::string::npos);
      CHECK(f.excerpt.find("Test") == std::string::npos);
      CHECK(f.excerpt.find("555") == std::string::npos);
    }
  }
}

TEST_CASE("pii dump detector ignores near misses") {
  for (const char* file : {"customers_19_rows.csv", "products.csv", "inventory.csv", "user_form.js", "schema.json",
                           "package-lock.json", "fp_traps.txt", "payment_sdk_fixture.js"}) {
    SUBCASE(file) { CHECK(scan_file(file).empty()); }
  }
}

TEST_CASE("pii dump detector counts real-looking email addresses") {
  SUBCASE("a list of 25 distinct addresses is a dump, at the first address") {
    auto findings = scan_with(Config{}, unit_of("lists/newsletter.yaml", mailing_list(25, "mailbox-provider.de")));
    REQUIRE(findings.size() == 1);
    CHECK(findings.front().line == 2);
    CHECK(findings.front().message.find("25 distinct email addresses") != std::string::npos);
    CHECK(findings.front().excerpt == "25 distinct email addresses");
  }
  SUBCASE("documentation and reserved domains never count") {
    for (const char* domain : {"example.com", "mail.example.org", "example.net", "shop.test", "x.invalid", "corp.example",
                               "localhost", "users.noreply.github.com"})
      CHECK_MESSAGE(scan_with(Config{}, unit_of("a.txt", mailing_list(40, domain))).empty(), domain);
  }
  SUBCASE("no-reply senders and duplicates never count") {
    std::string text;
    for (int i = 0; i < 30; ++i) text += "noreply" + std::to_string(i) + "@shop-mail.de, ops@shop-mail.de\n";
    CHECK(scan_with(Config{}, unit_of("a.txt", text)).empty());
  }
  SUBCASE("contributor lists are not customer data") {
    CHECK(scan_with(Config{}, unit_of("AUTHORS", mailing_list(40, "mailbox-provider.de"))).empty());
    CHECK(scan_with(Config{}, unit_of("docs/CHANGELOG.md", mailing_list(40, "mailbox-provider.de"))).empty());
    CHECK(scan_with(Config{}, unit_of("NEWSLETTER.txt", mailing_list(40, "mailbox-provider.de"))).size() == 1);
  }
  SUBCASE("19 addresses stay below the default threshold") {
    CHECK(scan_with(Config{}, unit_of("a.txt", mailing_list(19, "mailbox-provider.de"))).empty());
  }
}

TEST_CASE("pii dump detector follows the config") {
  SUBCASE("min_rows, min_emails and ignored_domains are options") {
    Config config;
    config.rules["pii-customer-data-dump"].options = {
        {"min_rows", {"10"}}, {"min_emails", {"5"}}, {"ignored_domains", {"mailbox-provider.de"}}};
    CHECK(scan_with(config, unit_of("c.csv", read_pii_corpus("customers_19_rows.csv"))).size() == 1);
    CHECK(scan_with(config, unit_of("a.txt", mailing_list(8, "mailbox-provider.de"))).empty());
    CHECK(scan_with(config, unit_of("a.txt", mailing_list(8, "other-provider.fr"))).size() == 1);
  }
  SUBCASE("the severity can be raised so a dump blocks") {
    Config config;
    config.rules["pii-customer-data-dump"].severity = Severity::high;
    auto findings = scan_with(config, unit_of("customers.csv", read_pii_corpus("customers.csv")));
    REQUIRE(findings.size() == 1);
    CHECK(findings.front().severity == Severity::high);
  }
  SUBCASE("a disabled rule or detector builds no detector") {
    Config config;
    config.rules["pii-customer-data-dump"].enabled = false;
    CHECK(make_pii_dump_detector(DetectorContext{config, rules().catalog}) == nullptr);
    Config off;
    off.pii.enabled = false;
    CHECK(make_pii_dump_detector(DetectorContext{off, rules().catalog}) == nullptr);
  }
  SUBCASE("binary and oversize units are not wanted") {
    auto detector = make_pii_dump_detector(DetectorContext{Config{}, rules().catalog});
    auto unit = unit_of("x.csv", read_pii_corpus("customers.csv"));
    unit.kind = FileKind::binary;
    CHECK_FALSE(detector->wants(unit));
    unit.kind = FileKind::oversize;
    CHECK_FALSE(detector->wants(unit));
  }
}

TEST_CASE("pii dump detector survives bad input") {
  std::string csv = read_pii_corpus("customers.csv");
  SUBCASE("NUL bytes and invalid UTF-8 inside records") {
    std::string text = csv;
    text.insert(text.find("Fake"), std::string("\0\xff\xfe", 3));
    CHECK(scan_with(Config{}, unit_of("c.csv", text)).size() == 1);
  }
  SUBCASE("a huge line and deep nesting") {
    std::string text(5'000'000, 'a');
    text += "\n" + std::string(100'000, '[') + "\n" + std::string(200'000, '@');
    CHECK(scan_with(Config{}, unit_of("big.txt", text)).empty());
  }
  SUBCASE("an empty file and a lone header") {
    CHECK(scan_with(Config{}, unit_of("e.csv", "")).empty());
    CHECK(scan_with(Config{}, unit_of("h.csv", "name,email\n")).empty());
  }
}
