#include "syntax/conllu.h"

#include <algorithm>
#include <charconv>

#include "common/file_io.h"
#include "text/text.h"

namespace hearsay::syntax {
namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> f;
  size_t start = 0;
  for (size_t i = 0; i <= line.size(); ++i)
    if (i == line.size() || line[i] == '\t') {
      f.push_back(line.substr(start, i - start));
      start = i + 1;
    }
  return f;
}

bool ToInt(std::string_view s, int* v) {
  auto r = std::from_chars(s.data(), s.data() + s.size(), *v);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

// One non-comment row into s; an error message, or empty on success.
std::string ReadRow(std::string_view line, GoldSentence* s) {
  auto f = SplitTabs(line);
  if (f.size() != 10) return "expected 10 tab-separated columns, found " + std::to_string(f.size());
  std::string_view id = f[0];
  if (id.find('.') != std::string_view::npos) return {};  // empty node (enhanced graph only)
  if (auto dash = id.find('-'); dash != std::string_view::npos) {
    Multiword m;
    if (!ToInt(id.substr(0, dash), &m.first) || !ToInt(id.substr(dash + 1), &m.last) || m.last < m.first)
      return "bad multiword range '" + std::string(id) + "'";
    m.surface = std::string(f[1]);
    s->multiwords.push_back(m);
    return {};
  }
  int n = 0;
  if (!ToInt(id, &n) || n != int(s->words.size()) + 1) return "word id '" + std::string(id) + "' out of sequence";
  GoldWord w{std::string(f[1]), std::string(f[2]), std::string(f[3]), std::string(f[4]), std::string(f[5]),
             std::string(f[7]), std::string(f[9]), 0};
  if (f[6] == "_") w.head = -1;
  else if (!ToInt(f[6], &w.head) || w.head < 0) return "bad head '" + std::string(f[6]) + "'";
  s->words.push_back(std::move(w));
  return {};
}

bool SpaceAfter(const std::string& misc) { return misc.find("SpaceAfter=No") == std::string::npos; }

size_t FindFolded(std::string_view hay, std::string_view needle, size_t from) {
  auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? char(c | 0x20) : c; };
  if (needle.empty()) return std::string_view::npos;
  for (size_t i = from; i + needle.size() <= hay.size(); ++i) {
    size_t k = 0;
    while (k < needle.size() && lower(hay[i + k]) == lower(needle[k])) ++k;
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

}  // namespace

void Scores::Add(const Scores& o) {
  gold += o.gold; predicted += o.predicted; aligned += o.aligned;
  upos += o.upos; xpos += o.xpos; lemma += o.lemma; uas += o.uas; las += o.las;
}

Result<std::vector<GoldSentence>> ParseConllu(std::string_view bytes, const std::string& name) {
  std::vector<GoldSentence> out;
  GoldSentence cur;
  size_t line_no = 0, pos = 0;
  while (pos <= bytes.size()) {
    size_t nl = bytes.find('\n', pos);
    std::string_view line = bytes.substr(pos, nl == std::string_view::npos ? bytes.size() - pos : nl - pos);
    pos = nl == std::string_view::npos ? bytes.size() + 1 : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      if (!cur.words.empty()) out.push_back(std::move(cur));
      cur = GoldSentence();
      continue;
    }
    if (line[0] == '#') {
      cur.comments.emplace_back(line);
      if (line.rfind("# text = ", 0) == 0) cur.text = std::string(line.substr(9));
      continue;
    }
    if (cur.words.empty() && cur.multiwords.empty()) cur.line = line_no;
    std::string err = ReadRow(line, &cur);
    if (!err.empty()) return DataLossError(name + ":" + std::to_string(line_no) + ": " + err);
  }
  if (!cur.words.empty()) out.push_back(std::move(cur));
  for (const auto& s : out)
    for (const auto& w : s.words)
      if (w.head > int(s.words.size()))
        return DataLossError(name + ":" + std::to_string(s.line) + ": head " + std::to_string(w.head) +
                             " beyond the sentence's " + std::to_string(s.words.size()) + " words");
  return out;
}

Result<std::vector<GoldSentence>> ReadConllu(const std::string& path) {
  auto bytes = ReadWholeFile(path, uint64_t(1) << 30);
  if (!bytes.ok()) return bytes.status();
  return ParseConllu(*bytes, path);
}

std::string WordsText(const GoldSentence& s, std::vector<std::pair<uint32_t, uint32_t>>* ranges) {
  std::string text;
  ranges->assign(s.words.size(), {0, 0});
  size_t mi = 0;
  for (size_t i = 0; i < s.words.size();) {
    while (mi < s.multiwords.size() && s.multiwords[mi].last < int(i) + 1) ++mi;
    if (mi < s.multiwords.size() && s.multiwords[mi].first == int(i) + 1) {
      const Multiword& m = s.multiwords[mi];
      size_t base = text.size(), from = 0;
      text += m.surface;
      for (int k = m.first; k <= m.last && k <= int(s.words.size()); ++k) {
        size_t at = FindFolded(m.surface, s.words[k - 1].form, from);
        if (at != std::string_view::npos) {
          (*ranges)[k - 1] = {uint32_t(base + at), uint32_t(base + at + s.words[k - 1].form.size())};
          from = at + s.words[k - 1].form.size();
        }
      }
      i = size_t(std::min<int>(m.last, int(s.words.size())));
      if (SpaceAfter(s.words[i - 1].misc)) text += ' ';
      continue;
    }
    (*ranges)[i] = {uint32_t(text.size()), uint32_t(text.size() + s.words[i].form.size())};
    text += s.words[i].form;
    if (SpaceAfter(s.words[i].misc)) text += ' ';
    ++i;
  }
  return text;
}

}  // namespace hearsay::syntax
