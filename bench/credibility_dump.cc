// credibility_dump: writes what the article credibility model sees of every GossipCop
// train and dev article, one TSV line each, for offline exploration of other models
// (bench/credibility_explore.py). Nothing here is shipped or trained.
//
//   build/bench/credibility_dump [--data ../shared/data] [--models models] --out FILE.tsv
//
// Columns: split (train|dev), label (1 real, 0 fake), masked headline words, masked body
// words (score::MaskedWords: names "<person>", outlets "<outlet>", furniture dropped), the
// 17 raw evidence features (comma-separated, features.h order), the host's OutletKey,
// cited outlet keys ('|'-separated), bylines ('|'), the URL section word. The file holds
// article text: keep it out of the repository.
#include <cstdio>
#include <string>
#include <vector>

#include "common/parallel.h"
#include "entities/entities.h"
#include "score/features.h"
#include "score/train/trainer.h"
#include "text/text.h"

namespace {

namespace train = hearsay::score::train;

std::string NoTabs(const std::string& s) {
  std::string o = s;
  for (char& c : o)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return o;
}

std::string Joined(const std::vector<std::string>& v) {
  std::string o;
  for (const std::string& s : v) o += NoTabs(s) + "|";
  return o;
}

std::string Line(const char* split, const train::LabeledDoc& ld, const hearsay::score::CueTable& cues, const hearsay::entities::Tagger* tagger) {
  const hearsay::Document& d = ld.doc;
  hearsay::TextLayout layout = hearsay::text::AnalyzeText(d);
  std::vector<hearsay::Mention> mentions;
  hearsay::entities::FindMentions(d, layout, tagger, &mentions);
  hearsay::score::ArticleFeatures f;
  hearsay::score::ExtractFeatures(d, layout, mentions, cues, hearsay::score::kDefaultHashBits, &f);
  std::string words = hearsay::score::MaskedWords(d, layout, mentions, cues);
  size_t nl = words.find('\n');
  std::string out = std::string(split) + "\t" + std::to_string(ld.label) + "\t" + NoTabs(words.substr(0, nl)) + "\t" +
                    NoTabs(words.substr(nl + 1)) + "\t";
  for (float x : f.dense) out += std::to_string(x) + ",";
  out += "\t" + hearsay::score::OutletKey(f.host) + "\t" + Joined(f.cited_outlets) + "\t" + Joined(f.authors) + "\t" + f.url_section + "\n";
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string data = HEARSAY_SHARED_DIR "/data", models = HEARSAY_SOURCE_DIR "/models", out_path;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--data") data = argv[i + 1];
    else if (a == "--models") models = argv[i + 1];
    else if (a == "--out") out_path = argv[i + 1];
    else return std::fprintf(stderr, "credibility_dump: unknown option %s\n", argv[i]), 2;
  }
  if (out_path.empty()) return std::fprintf(stderr, "usage: credibility_dump [--data DIR] [--models DIR] --out FILE.tsv\n"), 2;
  auto lex = train::ReadLexicons(data + "/hedge_lexicon");
  auto tagger = hearsay::entities::LoadTagger(models);
  if (!lex.ok() || !tagger.ok())
    return std::fprintf(stderr, "credibility_dump: %s\n", (!lex.ok() ? lex.status() : tagger.status()).ToString().c_str()), 1;
  hearsay::score::CueTable cues(*lex);
  FILE* f = std::fopen(out_path.c_str(), "w");
  if (!f) return std::fprintf(stderr, "credibility_dump: %s: cannot write\n", out_path.c_str()), 1;
  for (const char* split : {"train", "dev"}) {
    auto docs = train::ReadLabeled(data + "/gossipcop/gossipcop_" + split + ".jsonl", 0);
    if (!docs.ok()) return std::fprintf(stderr, "credibility_dump: %s\n", docs.status().ToString().c_str()), 1;
    std::vector<std::string> lines(docs->size());
    hearsay::ParallelFor(docs->size(), 2, [&](size_t i) { lines[i] = Line(split, (*docs)[i], cues, tagger->get()); });
    for (const std::string& l : lines) std::fputs(l.c_str(), f);
  }
  return std::fclose(f) == 0 ? 0 : 1;
}
