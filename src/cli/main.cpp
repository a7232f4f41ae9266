#include "cli/commands.hpp"

int main(int argc, char** argv) { return hookguard::cli::run(argc, argv); }
