// The command table: argv -> verb -> exit code (CONTRACTS.md §1, §2).
#pragma once

namespace hookguard::cli {

int run(int argc, char** argv);

}  // namespace hookguard::cli
