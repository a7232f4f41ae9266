#include "cli/commands.hpp"

#include "cli/options.hpp"
#include "cli/verbs.hpp"
#include "config/loader.hpp"
#include "config/rule_files.hpp"

#include <fmt/format.h>

#include <cstring>
#include <iostream>
#include <map>

namespace hookguard::cli {
namespace {

const char* k_usage = R"(usage: hookguard <command> [options]

commands:
  scan [PATH...]        scan files and directories (default .); --history [--since REV], --range A..B
  pre-commit            scan the staged changes (git hook)
  pre-merge-commit      same, for clean merges (git hook)
  pre-push REMOTE URL   scan the commits being pushed (git hook; refs on stdin)
  pre-receive           scan pushed commits on a server (git hook; refs on stdin)
  install               install the client hooks into this repository (--server DIR for pre-receive)
  uninstall             remove them, restoring what was there
  baseline [PATH...]    write the current findings as the baseline (--update prunes fixed ones)
  rules                 list the rule catalog (--format text|json|markdown)
  explain RULE          print a rule's help
  doctor                check the hook installation
  version               print the version

options:
  --format text|json|sarif|asff|junit   main report format (default text)
  --output FILE                         write the main report to FILE
  --report FORMAT=FILE                  an extra report (repeatable); --sarif FILE is short for sarif=FILE
  --config FILE    --cache-dir DIR    -v/--verbose    --debug    --no-redact

exit codes: 0 pass (audit-level findings may exist), 1 blocked, 2 could not decide (fails closed)
)";

}  // namespace

int run(int argc, char** argv) {
  if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") || !std::strcmp(argv[1], "help")) {
    (argc < 2 ? std::cerr : std::cout) << k_usage;
    return argc < 2 ? 2 : 0;
  }
  std::string verb = argv[1];
  if (verb == "version" || verb == "--version") {
    std::cout << "hookguard " << HOOKGUARD_VERSION << '\n';
    return 0;
  }
  const Verb* v = find_verb(verb);
  if (!v) {
    std::cerr << fmt::format("hookguard: unknown command '{}'\n{}", verb, k_usage);
    return 2;
  }
  try {
    Options options = parse_options(argc, argv, v->value_flags, v->bool_flags);
    return v->run(options);
  } catch (const std::exception& e) {
    // Anticipated errors carry their own "file:line: ..." message; anything else is a bug, and
    // the gate still fails closed.
    bool anticipated = dynamic_cast<const UsageError*>(&e) || dynamic_cast<const config::ConfigError*>(&e) ||
                       dynamic_cast<const report::ReportError*>(&e) || dynamic_cast<const RuleFileError*>(&e);
    if (anticipated) std::cerr << "hookguard: " << e.what() << '\n';
    else std::cerr << "hookguard: internal error: " << e.what() << " (failing closed)\n";
    return 2;
  }
}

}  // namespace hookguard::cli
