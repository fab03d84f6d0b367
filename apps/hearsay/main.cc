// hearsay: the command line. Thin: each subcommand (one *_main.cc file each) parses flags
// and calls the libraries.
#include <algorithm>
#include <iostream>
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
  for (auto& [sub, run] : commands)
    if (sub->parsed()) return run();
  return kExitUsage;
}
