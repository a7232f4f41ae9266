#include "detect/secrets/db_cache.hpp"

#include "util/atomic_file.hpp"
#include "util/hash.hpp"

#include <fmt/format.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hookguard::secrets {
namespace {

constexpr std::string_view k_magic = "HOOKGUARD-RULECACHE-6\n";

// Length-prefixed binary encoding of the rule set.
class Writer {
 public:
  void u64(std::uint64_t v) { m_out.append(reinterpret_cast<const char*>(&v), sizeof v); }
  void str(std::string_view s) { u64(s.size()), m_out.append(s); }
  void list(const std::vector<std::string>& v) {
    u64(v.size());
    for (const auto& s : v) str(s);
  }
  std::string& out() { return m_out; }

 private:
  std::string m_out;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : m_in(in) {}
  std::uint64_t u64() {
    need(8);
    std::uint64_t v;
    std::memcpy(&v, m_in.data(), 8);
    m_in.remove_prefix(8);
    return v;
  }
  std::string str() {
    auto n = u64();
    need(n);
    std::string s(m_in.substr(0, n));
    m_in.remove_prefix(n);
    return s;
  }
  std::string_view view() {
    auto n = u64();
    need(n);
    auto v = m_in.substr(0, n);
    m_in.remove_prefix(n);
    return v;
  }
  std::vector<std::string> list() {
    std::vector<std::string> v(checked_count());
    for (auto& s : v) s = str();
    return v;
  }
  bool empty() const { return m_in.empty(); }
  std::size_t checked_count() {
    auto n = u64();
    need(n);  // every element takes at least one byte: a corrupt count fails here
    return std::size_t(n);
  }

 private:
  void need(std::uint64_t n) {
    if (n > m_in.size()) throw std::runtime_error("truncated");
  }
  std::string_view m_in;
};

void write_info(Writer& w, const RuleInfo& r) {
  w.str(r.id), w.list(r.aliases), w.str(r.title), w.u64(std::uint64_t(r.severity)), w.str(r.help);
  w.u64(std::uint64_t(r.detector)), w.str(r.source);
  w.u64(r.options.size());
  for (const auto& [k, v] : r.options) w.str(k), w.list(v);
}

RuleInfo read_info(Reader& r) {
  RuleInfo i;
  i.id = r.str(), i.aliases = r.list(), i.title = r.str(), i.severity = Severity(r.u64()), i.help = r.str();
  i.detector = DetectorKind(r.u64()), i.source = r.str();
  for (auto n = r.checked_count(); n--;) {
    auto k = r.str();
    i.options[k] = r.list();
  }
  return i;
}

void write_pattern(Writer& w, const PatternRule& p) {
  w.str(p.id), w.u64(std::uint64_t(p.detector)), w.str(p.pattern), w.u64(p.caseless | (p.dotall << 1));
  w.str(p.secret), w.list(p.keywords), w.list(p.context);
  std::uint64_t bits;
  std::memcpy(&bits, &p.min_entropy, 8);
  w.u64(bits), w.list(p.allow), w.list(p.path_globs), w.str(p.validate), w.str(p.source);
}

PatternRule read_pattern(Reader& r) {
  PatternRule p;
  p.id = r.str(), p.detector = DetectorKind(r.u64()), p.pattern = r.str();
  auto flags = r.u64();
  p.caseless = flags & 1, p.dotall = flags & 2;
  p.secret = r.str(), p.keywords = r.list(), p.context = r.list();
  auto bits = r.u64();
  std::memcpy(&p.min_entropy, &bits, 8);
  p.allow = r.list(), p.path_globs = r.list(), p.validate = r.str(), p.source = r.str();
  return p;
}

// Layout: magic, the rule set (length-prefixed), its checksum, the pattern databases. The
// checksum covers only the rule set: Hyperscan checks its own databases (a CRC32C in each, on
// deserialisation), and checksumming those ~2 MB twice cost a tenth of a warm start.
std::string encode(const RuleSet& set, const std::string& key, const std::string& db) {
  Writer rules;
  rules.str(key), rules.str(set.digest);
  rules.u64(set.catalog.rules().size());
  for (const auto& r : set.catalog.rules()) write_info(rules, r);
  rules.u64(set.patterns.size());
  for (const auto& p : set.patterns) write_pattern(rules, p);
  Writer w;
  w.out().append(k_magic);
  w.str(rules.out()), w.u64(util::checksum64(rules.out())), w.str(db);
  return std::move(w.out());
}

// Returns false when the bytes are not a valid cache for `key`.
bool decode(std::string_view bytes, const std::string& key, RuleSet& set, std::string_view& db) {
  if (bytes.substr(0, k_magic.size()) != k_magic) return false;
  try {
    Reader file(bytes.substr(k_magic.size()));
    std::string_view rules = file.view();
    if (file.u64() != util::checksum64(rules)) return false;
    db = file.view();
    if (!file.empty()) return false;
    Reader r(rules);
    if (r.str() != key) return false;
    set.digest = r.str();
    auto rules_count = r.checked_count();
    set.catalog.reserve(rules_count);  // growing by doubling moved every rule and faulted pages
    while (rules_count--) set.catalog.add(read_info(r));
    auto patterns_count = r.checked_count();
    set.patterns.reserve(patterns_count);
    while (patterns_count--) set.patterns.push_back(read_pattern(r));
    return r.empty();
  } catch (const std::exception&) {
    return false;
  }
}

// The cache file mapped read-only and pre-faulted in one call: on these VMs each page fault is
// expensive, and a copy of the 1-2 MB cache cost more than the rest of a warm start.
class MappedFile {
 public:
  explicit MappedFile(const std::filesystem::path& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && st.st_size > 0) {
      void* p = ::mmap(nullptr, std::size_t(st.st_size), PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
      if (p != MAP_FAILED) m_data = static_cast<const char*>(p), m_size = std::size_t(st.st_size);
    }
    ::close(fd);
  }
  ~MappedFile() {
    if (m_data) ::munmap(const_cast<char*>(m_data), m_size);
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  std::string_view bytes() const { return {m_data, m_size}; }

 private:
  const char* m_data = nullptr;
  std::size_t m_size = 0;
};

}  // namespace

std::string default_cache_dir(const std::string& configured) {
  if (!configured.empty()) return configured;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return std::string(xdg) + "/hookguard";
  if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.cache/hookguard";
  return {};
}

CompiledRules load_compiled_rules(const std::vector<std::string>& extra_rule_files, const std::string& cache_dir,
                                  std::vector<std::string>& notices) {
  auto texts = rule_texts(extra_rule_files);
  std::string key = rule_digest(texts) + "/" + backend_fingerprint();
  std::filesystem::path file;
  if (!cache_dir.empty()) file = std::filesystem::path(cache_dir) / ("rules-" + util::to_hex(util::fnv1a64(key)) + ".bin");

  if (!file.empty()) {
    auto set = std::make_shared<RuleSet>();
    std::string_view db;
    MappedFile mapped(file);
    std::string_view bytes = mapped.bytes();
    if (!bytes.empty()) {
      if (decode(bytes, key, *set, db)) {
        if (auto matchers = Matchers::load(set->patterns, db))
          return {set, std::make_shared<const Matchers>(std::move(*matchers)), true};
      }
      notices.push_back(fmt::format("rule cache {} is corrupt or stale: rebuilding it", file.string()));
    }
  }
  auto start = std::chrono::steady_clock::now();
  auto set = std::make_shared<RuleSet>(parse_rule_set(texts));
  auto matchers = std::make_shared<const Matchers>(Matchers::compile(set->patterns, notices));
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
  notices.push_back(fmt::format("compiled {} pattern rules ({}) in {} ms; no valid cache was found", set->patterns.size(),
                                matchers->name(), ms));
  if (!file.empty())
    if (auto why = util::write_file_atomically(file, encode(*set, key, matchers->serialize())); !why.empty())
      notices.push_back(fmt::format("cannot write the rule cache {}: {}; continuing without it", file.string(), why));
  return {set, matchers, false};
}

}  // namespace hookguard::secrets
