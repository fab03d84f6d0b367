// hearsay ner FILE.txt...        prints the entity mentions of plain-text articles
// hearsay ner --conll FILE       tags CoNLL-2003 token lines, appends an IOB2 column
#include <fstream>
#include <iostream>
#include <sstream>

#include "app.h"
#include "commands.h"
#include "common/file_io.h"
#include "entities/entities.h"
#include "entities/model.h"
#include "ingest/ingest.h"
#include "resolve/resolve.h"
#include "text/text.h"

namespace hearsay::app {
namespace {

struct NerOptions {
  std::vector<std::string> paths;
  std::string conll;
  std::string models;
  bool coref = false;
};

// Tag label in the four CoNLL types: OUTLET -> ORG, WORK -> MISC.
std::string ConllTag(int label) {
  if (label == entities::kOutside) return "O";
  int type = entities::LabelType(label);
  static const char* kConll[] = {"PER", "ORG", "LOC", "MISC", "ORG", "MISC"};
  return std::string(entities::IsBegin(label) ? "B-" : "I-") + kConll[type];
}

int RunConll(const entities::NerModel& model, const std::string& path) {
  auto bytes = ReadWholeFile(path, 1ull << 31);
  if (!bytes.ok()) return Fail(bytes.status());
  std::vector<std::string> lines;
  {
    std::istringstream in(*bytes);
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      lines.push_back(line);
    }
  }
  // A document: lines from one -DOCSTART- to the next; sentences split by blank lines.
  std::vector<std::string> tags(lines.size());
  auto first_col = [](const std::string& line) {
    size_t e = line.find_first_of(" \t");
    return line.substr(0, e);
  };
  size_t i = 0;
  std::vector<std::vector<int>> labels;
  while (i < lines.size()) {
    size_t doc_end = i + 1;
    while (doc_end < lines.size() && first_col(lines[doc_end]) != "-DOCSTART-") ++doc_end;
    std::vector<std::string> words;
    std::vector<entities::SentenceInput> sentences;
    std::vector<std::vector<size_t>> line_of;
    words.reserve(doc_end - i);
    for (size_t k = i; k < doc_end; ++k) words.push_back(first_col(lines[k]));
    std::vector<size_t> cur;
    auto flush = [&] {
      if (cur.empty()) return;
      entities::SentenceInput s;
      for (size_t k : cur) s.tokens.push_back(words[k - i]);
      s.block = sentences.empty() ? BlockKind::kTitle : BlockKind::kBody;
      sentences.push_back(std::move(s));
      line_of.push_back(cur);
      cur.clear();
    };
    for (size_t k = i; k < doc_end; ++k) {
      if (words[k - i].empty() || words[k - i] == "-DOCSTART-") flush();
      else cur.push_back(k);
    }
    flush();
    model.TagDocument(sentences, &labels);
    for (size_t s = 0; s < sentences.size(); ++s)
      for (size_t t = 0; t < labels[s].size(); ++t) tags[line_of[s][t]] = ConllTag(labels[s][t]);
    i = doc_end;
  }
  std::string out;
  out.reserve(bytes->size() + lines.size() * 6);
  for (size_t k = 0; k < lines.size(); ++k) {
    out += lines[k];
    if (first_col(lines[k]) == "-DOCSTART-") out += " O";
    else if (!tags[k].empty()) out += " " + tags[k];
    out += '\n';
  }
  std::cout << out;
  return std::cout.good() ? kExitOk : kExitRuntimeError;
}

int RunNer(const NerOptions& o) {
  std::string dir = o.models.empty() ? DefaultModelsDir() : o.models;
  auto tagger = entities::LoadTaggerFile(dir + "/" + entities::kNerModelFile);
  if (!tagger.ok()) return Fail(tagger.status());
  if (!o.conll.empty()) return RunConll(*(*tagger)->model(), o.conll);
  if (o.paths.empty()) {
    std::cerr << "hearsay: ner needs FILE.txt or --conll FILE\n";
    return kExitUsage;
  }
  int rc = kExitOk;
  for (const std::string& path : o.paths) {
    auto bytes = ReadWholeFile(path, 64ull << 20);
    if (!bytes.ok()) {
      rc = Fail(bytes.status());
      continue;
    }
    auto doc = ingest::ParsePlainText(path, std::move(*bytes));
    if (!doc.ok()) {
      rc = Fail(doc.status());
      continue;
    }
    DocumentAnalysis a;
    a.layout = text::AnalyzeText(*doc);
    entities::FindMentions(*doc, a.layout, tagger->get(), &a.mentions);
    if (o.coref) resolve::ResolveInDocument(*doc, &a, {tagger->get() ? tagger->get()->gazetteer() : nullptr, nullptr});
    std::cout << "# " << path << "\n";
    for (const Mention& m : a.mentions) {
      std::cout << m.byte_begin << "\t" << m.byte_end << "\t" << EntityTypeName(m.type) << "\t"
                << doc->text.substr(m.byte_begin, m.byte_end - m.byte_begin);
      if (o.coref && m.entity_idx >= 0) std::cout << "\t-> " << a.local_entities[m.entity_idx].name;
      std::cout << "\n";
    }
    if (o.coref) {
      for (size_t e = 0; e < a.local_entities.size(); ++e) {
        const LocalEntity& le = a.local_entities[e];
        std::cout << "## entity " << e << "\t" << EntityTypeName(le.type) << "\t" << le.name << "\t" << le.gender.str() << "\t";
        for (size_t k = 0; k < le.aliases.size(); ++k) std::cout << (k ? " | " : "") << le.aliases[k];
        std::cout << "\n";
      }
    }
  }
  return rc;
}

}  // namespace

Runner AddNer(CLI::App& root);
static Registrar kAddNer("ner", AddNer);

Runner AddNer(CLI::App& root) {
  auto o = std::make_shared<NerOptions>();
  CLI::App* cmd = root.add_subcommand("ner", "Tag entities: spans of plain-text articles, or a CoNLL-2003 file (--conll)");
  cmd->add_option("paths", o->paths, "Plain-text articles");
  cmd->add_option("--conll", o->conll, "CoNLL-2003 file: each token line is written back with an IOB2 tag column");
  cmd->add_option("--models", o->models, "Folder holding ner.hsm (default: the project's models/)");
  cmd->add_flag("--coref", o->coref, "Also resolve in-document coreference and print the entities");
  return [o] { return RunNer(*o); };
}

}  // namespace hearsay::app
