// hearsay parse PATH...             CoNLL-U of articles (text, JSON Lines, HTML), hearsay's words
// hearsay parse --conllu GOLD       the gold words with predicted UPOS, XPOS, LEMMA, HEAD, DEPREL;
//                                   --score prints UPOS/XPOS/lemma/UAS/LAS (gold and own words)
#include <cstdio>
#include <iostream>

#include "app.h"
#include "commands.h"
#include "ingest/ingest.h"
#include "syntax/conllu.h"
#include "syntax/syntax.h"
#include "text/text.h"

namespace hearsay::app {
namespace {

struct ParseOptions {
  std::vector<std::string> paths;
  std::string conllu;
  std::string model = std::string(HEARSAY_DEFAULT_MODELS_DIR) + "/parser.hsp";
  bool score = false;
  bool show_unaligned = false;
  float prune = 0.0f;
};

struct Collect : ingest::DocumentSink {
  void OnDocument(Document d) override { docs.push_back(std::move(d)); }
  void OnReject(Reject r) override { rejects.push_back(std::move(r)); }
  std::vector<Document> docs;
  std::vector<Reject> rejects;
};

std::string Field(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return out.empty() ? "_" : out;
}

void PrintDocument(const syntax::Parser& parser, const Document& doc) {
  TextLayout layout = text::AnalyzeText(doc);
  syntax::Syntax syn = parser.ParseDocument(doc.text, layout);
  std::string out;
  for (const auto& sp : syn.sentences) {
    const Sentence& s = layout.sentences[sp.sentence];
    out += "# doc = " + doc.id + "\n# sent_id = " + doc.id + "-" + std::to_string(sp.sentence + 1) + "\n";
    out += "# text = " + Field(std::string_view(doc.text).substr(s.byte_begin, s.byte_end - s.byte_begin)) + "\n";
    for (uint32_t i = sp.word_begin; i < sp.word_end; ++i) {
      const syntax::Word& w = syn.words[i];
      int head = w.head < 0 ? 0 : w.head - int(sp.word_begin) + 1;
      bool joined = i + 1 < sp.word_end && syn.words[i + 1].byte_begin == w.byte_end;
      out += std::to_string(i - sp.word_begin + 1) + "\t" +
             Field(std::string_view(doc.text).substr(w.byte_begin, w.byte_end - w.byte_begin)) + "\t" +
             Field(w.lemma) + "\t" + syntax::UposName(w.upos) + "\t" + std::string(parser.XposName(w.xpos)) +
             "\t_\t" + (sp.parsed ? std::to_string(head) : "_") + "\t" +
             (sp.parsed ? std::string(parser.LabelName(w.label)) : "_") + "\t_\t" + "Offset=" +
             std::to_string(w.byte_begin) + (joined ? "|SpaceAfter=No" : "") + "\n";
    }
    out += "\n";
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
}

void PrintScores(const char* what, const syntax::Scores& s) {
  std::printf("%s: words gold %zu predicted %zu aligned %zu  UPOS %.4f  XPOS %.4f  Lemmas %.4f  UAS %.4f  LAS %.4f\n",
              what, s.gold, s.predicted, s.aligned, s.F(s.upos), s.F(s.xpos), s.F(s.lemma), s.F(s.uas), s.F(s.las));
}

int RunConllu(const syntax::Parser& parser, const ParseOptions& o) {
  auto gold = syntax::ReadConllu(o.conllu);
  if (!gold.ok()) return Fail(gold.status());
  std::vector<syntax::GoldSentence> predicted;
  syntax::Scores gold_words = syntax::EvaluateGoldWords(parser, *gold, o.score ? nullptr : &predicted);
  if (o.score) {
    PrintScores("gold words", gold_words);
    std::vector<std::string> unaligned;
    PrintScores("own words ", syntax::EvaluateOwnWords(parser, *gold, o.show_unaligned ? &unaligned : nullptr));
    for (const auto& u : unaligned) std::printf("unaligned\t%s\n", u.c_str());
    return kExitOk;
  }
  for (const auto& s : predicted) std::cout << syntax::WriteConllu(s);
  return kExitOk;
}

int RunParse(const ParseOptions& o) {
  auto parser = syntax::Parser::Load(o.model);
  if (!parser.ok()) return Fail(parser.status());
  if (o.prune > 0) std::cerr << "pruned at " << o.prune << ": " << (*parser)->Prune(o.prune) << "\n";
  if (!o.conllu.empty()) return RunConllu(**parser, o);
  if (o.paths.empty()) {
    std::cerr << "hearsay parse: give files to parse, or --conllu GOLD.conllu\n";
    return kExitUsage;
  }
  Collect sink;
  Status s = ingest::IngestPaths(o.paths, {}, sink);
  if (!s.ok()) return Fail(s);
  for (const Document& d : sink.docs) PrintDocument(**parser, d);
  for (const Reject& r : sink.rejects)
    std::cerr << "rejected " << r.path << (r.where ? ":" + *r.where : "") << ": " << r.reason << "\n";
  return sink.rejects.empty() ? kExitOk : kExitWithRejects;
}

Runner AddParse(CLI::App& root) {
  auto o = std::make_shared<ParseOptions>();
  CLI::App* cmd = root.add_subcommand("parse", "Part-of-speech tags, lemmas and dependency trees as CoNLL-U");
  cmd->add_option("paths", o->paths, "Files or folders (text, JSON Lines, HTML), read as analyze reads them");
  cmd->add_option("--conllu", o->conllu, "Gold CoNLL-U: parse its words, write them with predicted columns");
  cmd->add_flag("--score", o->score, "With --conllu: print UPOS, XPOS, lemma, UAS, LAS (gold and own words)");
  cmd->add_flag("--show-unaligned", o->show_unaligned, "With --score: list gold words hearsay's words do not match");
  cmd->add_option("--model", o->model, "Parser model file")->capture_default_str();
  cmd->add_option("--prune", o->prune, "Drop weights with |w| at most this before parsing (size/accuracy trade-off)");
  return [o] { return RunParse(*o); };
}

static Registrar kParse("parse", AddParse);

}  // namespace
}  // namespace hearsay::app
