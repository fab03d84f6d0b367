// hearsay: the command line. Thin: each subcommand (one *_main.cc file each) parses flags
// and calls the libraries.
#include <algorithm>
#include <exception>
#include <iostream>
#include <new>
#include <vector>

#include "app.h"
#include "commands.h"

namespace hearsay::app {
std::vector<CommandEntry>& CommandRegistry() {
  static std::vector<CommandEntry> registry;
  return registry;
}
}  // namespace hearsay::app

int main(int argc, char** argv) {
  using namespace hearsay::app;
  CLI::App root{"hearsay: reads entertainment news and builds a sourced, cross-checked knowledge graph"};
  root.set_version_flag("--version", Version());
  root.require_subcommand(1);
  auto entries = CommandRegistry();
  std::sort(entries.begin(), entries.end(), [](const CommandEntry& a, const CommandEntry& b) { return a.name < b.name; });
  std::vector<std::pair<CLI::App*, Runner>> commands;
  for (auto& e : entries) {
    Runner r = e.factory(root);
    commands.emplace_back(root.get_subcommand(e.name), std::move(r));
  }
  try {
    root.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = root.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  // An allocation failure (a memory limit, a huge input) ends the run with a message and
  // exit 1, never an abort: what the store has committed stays committed.
  try {
    for (auto& [sub, run] : commands)
      if (sub->parsed()) return run();
  } catch (const std::bad_alloc&) {
    std::cerr << "hearsay: out of memory; the run stopped. Everything already stored is kept; "
                 "analyse fewer documents at a time or allow more memory\n";
    return kExitRuntimeError;
  } catch (const std::exception& e) {
    std::cerr << "hearsay: internal error (" << e.what() << "); the run stopped, everything already stored is kept\n";
    return kExitRuntimeError;
  }
  return kExitUsage;
}
