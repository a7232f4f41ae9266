#include "cli/commands.hpp"

#include <cstdio>
#include <string_view>

namespace hookguard::cli {

int run(int argc, char** argv) {
  if (argc >= 2 && std::string_view(argv[1]) == "version") {
    std::printf("hookguard %s\n", HOOKGUARD_VERSION);
    return 0;
  }
  std::fprintf(stderr, "hookguard: usage: hookguard <verb> ...\n");
  return 2;
}

}  // namespace hookguard::cli
