#include "fuzz_fixture.hpp"

namespace hookguard::fuzz {

const Fixture& fixture() {
  static const Fixture f = [] {
    Fixture x;
    x.rules = std::make_shared<const RuleSet>(load_rule_set());
    return x;
  }();
  return f;
}

ContentUnit unit(const std::string& path, const std::uint8_t* data, std::size_t size) {
  ContentUnit u;
  u.path = u.rel_path = path;
  u.data = std::make_shared<const std::string>(reinterpret_cast<const char*>(data), size);
  return u;
}

}  // namespace hookguard::fuzz
