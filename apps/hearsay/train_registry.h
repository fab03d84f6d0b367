#pragma once
// Registry of `hearsay train <model>` sub-subcommands. train_main.cc registers the top-level
// "train" subcommand; each model's trainer registers itself here from its own file with a
// static TrainRegistrar, so trainers (ner, credibility, ...) never edit a shared file.
//
//   // train_ner_main.cc
//   static TrainRegistrar kNer("ner", [](CLI::App& train) -> Runner {
//     CLI::App* cmd = train.add_subcommand("ner", "Train the entity tagger");
//     ...
//     return [] { return RunTrainNer(); };
//   });
//
// Contract: the factory receives the "train" CLI::App and must add exactly one
// subcommand named `name` to it. Registration happens during static initialisation;
// the registry is read only by train_main.cc when the CLI is built (single-threaded).
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "commands.h"

namespace hearsay::app {

struct TrainEntry {
  std::string name;         // sub-subcommand name, e.g. "ner"
  CommandFactory factory;   // adds the sub-subcommand to the "train" app, returns its runner
};

// Function-local static, so registrars in any translation unit may run first.
std::vector<TrainEntry>& TrainRegistry();

struct TrainRegistrar {
  TrainRegistrar(std::string name, CommandFactory factory) {
    TrainRegistry().push_back({std::move(name), std::move(factory)});
  }
};

}  // namespace hearsay::app
