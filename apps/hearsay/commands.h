#pragma once
// Subcommand registry. Each `*_main.cc` file registers one subcommand with a static
// Registrar; main builds the CLI from the registry (sorted by name), so adding a command
// is adding a file.
//
//   static Registrar kAnalyze("analyze", [](CLI::App& root) -> Runner { ... });
#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

namespace hearsay::app {

using Runner = std::function<int()>;
// Adds the subcommand's options to `root` (add_subcommand) and returns its runner.
using CommandFactory = std::function<Runner(CLI::App& root)>;

struct CommandEntry {
  std::string name;
  CommandFactory factory;
};

std::vector<CommandEntry>& CommandRegistry();

struct Registrar {
  Registrar(std::string name, CommandFactory factory) { CommandRegistry().push_back({std::move(name), std::move(factory)}); }
};

}  // namespace hearsay::app
