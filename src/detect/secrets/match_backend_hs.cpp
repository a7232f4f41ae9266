// Hyperscan backend: one block-mode database for every pattern rule (rule index = pattern id).
#include "detect/secrets/match_backend.hpp"

#include <fmt/format.h>
#include <hs/hs.h>
#include <sys/mman.h>

#include <cstdint>
#include <cstring>
#include <mutex>

namespace hookguard::secrets {
namespace {

// Scratch spaces for one database, reused across scans: a thread takes one for a scan and gives
// it back, so there are as many as there were concurrent scans (not one per scan, nor one per
// thread and database). Allocating one zeroes ~90 KB for the main database.
class ScratchPool {
 public:
  explicit ScratchPool(const hs_database_t* db) : m_db(db) { release(allocate()); }
  ~ScratchPool() {
    for (hs_scratch_t* s : m_free) hs_free_scratch(s);
  }
  ScratchPool(const ScratchPool&) = delete;
  ScratchPool& operator=(const ScratchPool&) = delete;

  // One scratch for the lifetime of a scan.
  class Lease {
   public:
    explicit Lease(ScratchPool& pool) : m_pool(pool), m_scratch(pool.acquire()) {}
    ~Lease() { m_pool.release(m_scratch); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    hs_scratch_t* get() const { return m_scratch; }

   private:
    ScratchPool& m_pool;
    hs_scratch_t* m_scratch;
  };

 private:
  hs_scratch_t* acquire() {
    {
      std::lock_guard lock(m_mutex);
      if (!m_free.empty()) {
        hs_scratch_t* s = m_free.back();
        m_free.pop_back();
        return s;
      }
    }
    return allocate();
  }
  void release(hs_scratch_t* s) {
    std::lock_guard lock(m_mutex);
    m_free.push_back(s);
  }
  hs_scratch_t* allocate() const {
    hs_scratch_t* s = nullptr;
    if (hs_alloc_scratch(m_db, &s) != HS_SUCCESS) throw RuleFileError("hyperscan: cannot allocate scratch");
    return s;
  }
  const hs_database_t* m_db;
  std::mutex m_mutex;
  std::vector<hs_scratch_t*> m_free;
};

struct ScanState {
  std::vector<RawHit>* hits;
  std::vector<std::int64_t> run_index;  // per rule: index of its open run in *hits, or -1
};

int on_match(unsigned int id, unsigned long long, unsigned long long to, unsigned int, void* ctx) {
  auto& st = *static_cast<ScanState*>(ctx);
  auto& run = st.run_index[id];
  if (run >= 0 && (*st.hits)[run].last_end + 1 == to) {
    (*st.hits)[run].last_end = to;
    return 0;
  }
  run = std::int64_t(st.hits->size());
  st.hits->push_back({id, to, to});
  return 0;
}

// Memory for a deserialized database, prefaulted in one call: page faults dominate a warm start
// on virtual machines. The main database (~2 MB) goes on a transparent huge page where the kernel
// allows it (THP "madvise" mode, the Debian default): one fault instead of 512. Small ones stay on
// small pages (a huge page would zero 2 MB for them).
class DatabaseMemory {
 public:
  explicit DatabaseMemory(std::size_t size) {
    bool huge = size >= k_huge / 2;
    m_size = huge ? round_up(size, k_huge) + k_huge : size;
    void* p = ::mmap(nullptr, m_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | (huge ? 0 : MAP_POPULATE), -1, 0);
    if (p == MAP_FAILED) return;
    m_map = m_data = p;
    if (!huge) return;
    m_data = reinterpret_cast<void*>(round_up(reinterpret_cast<std::uintptr_t>(p), k_huge));
    std::size_t used = round_up(size, k_huge);
    ::madvise(m_data, used, MADV_HUGEPAGE);
    if (::madvise(m_data, used, MADV_POPULATE_WRITE) != 0) std::memset(m_data, 0, size);  // pre-5.14 kernels
  }
  ~DatabaseMemory() {
    if (m_map) ::munmap(m_map, m_size);
  }
  DatabaseMemory(const DatabaseMemory&) = delete;
  DatabaseMemory& operator=(const DatabaseMemory&) = delete;
  hs_database_t* get() const { return static_cast<hs_database_t*>(m_data); }

 private:
  static constexpr std::size_t k_huge = std::size_t(2) << 20;
  static std::size_t round_up(std::size_t n, std::size_t to) { return (n + to - 1) / to * to; }
  void* m_map = nullptr;
  void* m_data = nullptr;
  std::size_t m_size = 0;
};

class HyperscanBackend final : public MatchBackend {
 public:
  // Owns `db` (allocated by Hyperscan) or `memory` (a deserialized database placed there).
  // Throws RuleFileError when no scratch can be allocated for `db` (e.g. built for another CPU).
  HyperscanBackend(hs_database_t* db, std::size_t rule_count, std::unique_ptr<DatabaseMemory> memory = nullptr)
      : m_db(db), m_memory(std::move(memory)), m_rule_count(rule_count) {
    try {
      m_scratch = std::make_unique<ScratchPool>(m_db);
    } catch (...) {
      if (!m_memory) hs_free_database(m_db);
      throw;
    }
  }
  ~HyperscanBackend() override {
    m_scratch.reset();
    if (!m_memory) hs_free_database(m_db);
  }

  void scan(std::string_view text, std::vector<RawHit>& hits) const override {
    if (text.empty()) return;
    ScratchPool::Lease scratch(*m_scratch);
    ScanState st{&hits, std::vector<std::int64_t>(m_rule_count, -1)};
    // Hyperscan takes an unsigned int length: scan huge inputs in overlapping blocks.
    constexpr std::size_t k_block = 1u << 30, k_overlap = 1u << 16;
    for (std::size_t base = 0; base < text.size(); base += k_block - k_overlap) {
      std::size_t len = std::min(k_block, text.size() - base);
      std::size_t before = hits.size();
      if (hs_scan(m_db, text.data() + base, unsigned(len), 0, scratch.get(), on_match, &st) != HS_SUCCESS)
        throw std::runtime_error("hyperscan: scan failed");
      for (std::size_t i = before; i < hits.size(); ++i) {
        hits[i].first_end += base;
        hits[i].last_end += base;
      }
      if (base + len >= text.size()) break;
      std::fill(st.run_index.begin(), st.run_index.end(), -1);
    }
  }

  std::string serialize() const override {
    char* bytes = nullptr;
    size_t size = 0;
    if (hs_serialize_database(m_db, &bytes, &size) != HS_SUCCESS) return {};
    std::string out(bytes, size);
    std::free(bytes);
    return out;
  }

  std::string name() const override { return fmt::format("hyperscan {}", hs_version()); }

 private:
  hs_database_t* m_db = nullptr;
  std::unique_ptr<DatabaseMemory> m_memory;
  std::unique_ptr<ScratchPool> m_scratch;
  std::size_t m_rule_count = 0;
};

unsigned flags_of(const PatternRule& r, bool prefilter) {
  unsigned f = HS_FLAG_MULTILINE;
  if (r.caseless) f |= HS_FLAG_CASELESS;
  if (r.dotall) f |= HS_FLAG_DOTALL;
  if (prefilter) f |= HS_FLAG_PREFILTER;
  return f;
}

}  // namespace

std::unique_ptr<MatchBackend> compile_backend(const std::vector<PatternRule>& rules, std::vector<std::string>& notices) {
  std::vector<const char*> exprs;
  std::vector<unsigned> flags, ids;
  std::vector<bool> prefilter(rules.size(), false);
  for (;;) {
    exprs.clear(), flags.clear(), ids.clear();
    for (std::size_t i = 0; i < rules.size(); ++i) {
      if (rules[i].pattern.empty()) continue;
      exprs.push_back(rules[i].pattern.c_str());
      flags.push_back(flags_of(rules[i], prefilter[i]));
      ids.push_back(unsigned(i));
    }
    if (exprs.empty()) {  // Hyperscan cannot compile an empty set: match nothing
      exprs.push_back("\\x00hookguard-never\\x00");
      flags.push_back(0);
      ids.push_back(unsigned(rules.size()));
    }
    hs_database_t* db = nullptr;
    hs_compile_error_t* err = nullptr;
    if (hs_compile_multi(exprs.data(), flags.data(), ids.data(), unsigned(exprs.size()), HS_MODE_BLOCK, nullptr, &db,
                         &err) == HS_SUCCESS)
      return std::make_unique<HyperscanBackend>(db, rules.size() + 1);
    std::string message = err->message;
    int expr = err->expression;
    hs_free_compile_error(err);
    if (expr < 0) throw RuleFileError(fmt::format("hyperscan: {}", message));
    std::size_t rule = ids[std::size_t(expr)];
    if (prefilter[rule])
      throw RuleFileError(fmt::format("{}: rule {}: pattern does not compile in Hyperscan: {}", rules[rule].source,
                                      rules[rule].id, message));
    prefilter[rule] = true;
    notices.push_back(fmt::format("rule {}: Hyperscan cannot compile it exactly ({}); using prefilter mode + RE2",
                                  rules[rule].id, message));
  }
}

std::unique_ptr<MatchBackend> load_backend(const RuleListFn&, std::size_t rule_count, std::string_view bytes) {
  char* info = nullptr;
  if (hs_serialized_database_info(bytes.data(), bytes.size(), &info) != HS_SUCCESS) return nullptr;
  std::free(info);
  size_t size = 0;
  if (hs_serialized_database_size(bytes.data(), bytes.size(), &size) != HS_SUCCESS) return nullptr;
  auto memory = std::make_unique<DatabaseMemory>(size);
  hs_database_t* db = memory->get();
  if (!db || hs_deserialize_database_at(bytes.data(), bytes.size(), db) != HS_SUCCESS) return nullptr;
  try {
    return std::make_unique<HyperscanBackend>(db, rule_count + 1, std::move(memory));
  } catch (const RuleFileError&) {
    return nullptr;  // e.g. a database for another CPU: rebuild
  }
}

std::string backend_fingerprint() {
  hs_platform_info_t platform{};
  hs_populate_platform(&platform);
  return fmt::format("hs-{}-{}-{}-{}", hs_version(), platform.tune, platform.cpu_features, sizeof(void*));
}

}  // namespace hookguard::secrets
