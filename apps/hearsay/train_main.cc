// hearsay train <model> ...: one sub-subcommand per trainable model, each registered in
// its own file through TrainRegistry() (see train_registry.h).
#include <algorithm>
#include <iostream>
#include <memory>
#include <utility>

#include "app.h"
#include "commands.h"
#include "train_registry.h"

namespace hearsay::app {

std::vector<TrainEntry>& TrainRegistry() {
  static std::vector<TrainEntry> registry;
  return registry;
}

namespace {

Runner AddTrain(CLI::App& root) {
  CLI::App* cmd = root.add_subcommand("train", "Rebuild a shipped model from ../shared/data");
  cmd->require_subcommand(1);
  auto entries = TrainRegistry();
  std::sort(entries.begin(), entries.end(), [](const TrainEntry& a, const TrainEntry& b) { return a.name < b.name; });
  auto runners = std::make_shared<std::vector<std::pair<CLI::App*, Runner>>>();
  for (auto& e : entries) {
    Runner r = e.factory(*cmd);
    runners->emplace_back(cmd->get_subcommand(e.name), std::move(r));
  }
  return [runners] {
    for (auto& [sub, run] : *runners)
      if (sub->parsed()) return run();
    std::cerr << "hearsay: train needs a model name\n";
    return kExitUsage;
  };
}

static Registrar kAddTrain("train", AddTrain);

}  // namespace
}  // namespace hearsay::app
