#include "syntax/tree.h"

#include <algorithm>

namespace hearsay::syntax {
namespace {

bool IsNegationWord(std::string_view lemma) {
  return lemma == "not" || lemma == "never" || lemma == "no" || lemma == "n't" || lemma == "nt";
}

bool IsClausal(Rel r) {
  return r == Rel::kCcomp || r == Rel::kParataxis || r == Rel::kXcomp || r == Rel::kAdvcl || r == Rel::kConj ||
         r == Rel::kRoot || r == Rel::kCsubj;
}

}  // namespace

Tree::Tree(const Syntax& syntax) : words_(syntax.words), children_(syntax.words.size()) {
  for (size_t i = 0; i < words_.size(); ++i)
    if (words_[i].head >= 0 && size_t(words_[i].head) < words_.size()) children_[words_[i].head].push_back(int(i));
}

int Tree::Child(int i, Rel rel) const {
  if (i < 0) return -1;
  for (int c : children_[i])
    if (words_[c].rel == rel) return c;
  return -1;
}

std::vector<int> Tree::ChildrenWith(int i, Rel rel) const {
  std::vector<int> out;
  if (i < 0) return out;
  for (int c : children_[i])
    if (words_[c].rel == rel) out.push_back(c);
  return out;
}

int Tree::Subject(int p) const {
  for (int guard = 0; p >= 0 && guard < 8; ++guard) {
    int s = Child(p, Rel::kNsubj);
    if (s < 0) s = Child(p, Rel::kCsubj);
    if (s >= 0) return s;
    const Word& w = words_[p];
    if (w.rel == Rel::kXcomp && w.head >= 0) {
      int obj = Child(w.head, Rel::kObj);
      if (obj >= 0 && obj < p) return obj;
      p = w.head;
      continue;
    }
    if (w.rel == Rel::kConj && w.head >= 0) {
      p = w.head;
      continue;
    }
    if (w.rel == Rel::kAcl && w.head >= 0 && words_[w.head].upos != Upos::kVERB) return w.head;  // "a man who ..."
    return -1;
  }
  return -1;
}

bool Tree::IsPassive(int p) const {
  if (p < 0) return false;
  for (int c : children_[p])
    if (words_[c].sub == Subtype::kPass && (words_[c].rel == Rel::kNsubj || words_[c].rel == Rel::kAux ||
                                            words_[c].rel == Rel::kCsubj))
      return true;
  return false;
}

int Tree::Object(int p) const {
  int o = Child(p, Rel::kObj);
  return o >= 0 ? o : Child(p, Rel::kIobj);
}

int Tree::NegationOf(int p) const {
  for (int guard = 0; p >= 0 && guard < 4; ++guard) {
    for (int c : children_[p])
      if ((words_[c].rel == Rel::kAdvmod || words_[c].rel == Rel::kDet) && IsNegationWord(words_[c].lemma)) return c;
    if (words_[p].rel != Rel::kXcomp) return -1;
    p = words_[p].head;
  }
  return -1;
}

int Tree::ModalOf(int p) const {
  if (p < 0) return -1;
  for (int c : children_[p])
    if (words_[c].rel == Rel::kAux && words_[c].upos == Upos::kAUX && words_[c].lemma != "be" &&
        words_[c].lemma != "have" && words_[c].lemma != "do")
      return c;
  return -1;
}

bool Tree::Dominates(int b, int a) const {
  for (int guard = 0; a >= 0 && guard <= size(); ++guard) {
    if (a == b) return true;
    a = words_[a].head;
  }
  return false;
}

std::pair<int, int> Tree::Span(int i) const {
  int lo = i, hi = i;
  std::vector<int> todo{i};
  while (!todo.empty()) {
    int x = todo.back();
    todo.pop_back();
    lo = std::min(lo, x);
    hi = std::max(hi, x);
    for (int c : children_[x]) todo.push_back(c);
  }
  return {lo, hi};
}

std::vector<int> Tree::Path(int a, int b) const {
  std::vector<int> up_a, up_b;
  for (int x = a; x >= 0 && int(up_a.size()) <= size(); x = words_[x].head) up_a.push_back(x);
  for (int x = b; x >= 0 && int(up_b.size()) <= size(); x = words_[x].head) up_b.push_back(x);
  if (up_a.empty() || up_b.empty() || up_a.back() != up_b.back()) return {};
  while (up_a.size() >= 2 && up_b.size() >= 2 && up_a[up_a.size() - 2] == up_b[up_b.size() - 2]) {
    up_a.pop_back();
    up_b.pop_back();
  }
  std::vector<int> path = up_a;  // ends at the common ancestor
  for (size_t k = up_b.size() - 1; k-- > 0;) path.push_back(up_b[k]);
  return path;
}

int Tree::GoverningVerb(int i, const std::function<bool(std::string_view)>& is_cue) const {
  int x = i;
  for (int guard = 0; x >= 0 && guard <= size(); ++guard) {
    const Word& w = words_[x];
    if (w.head < 0) return -1;
    bool clausal = IsClausal(w.rel) || w.rel == Rel::kNsubj || w.rel == Rel::kObj;
    if (!clausal && x != i) return -1;
    x = w.head;
    if (is_cue(words_[x].lemma)) return x;
  }
  return -1;
}

int Tree::ClauseOf(int i) const {
  for (int guard = 0; i >= 0 && guard <= size(); ++guard) {
    const Word& w = words_[i];
    if (w.upos == Upos::kVERB || Child(i, Rel::kCop) >= 0 || Child(i, Rel::kNsubj) >= 0 || w.head < 0) return i;
    i = w.head;
  }
  return -1;
}

}  // namespace hearsay::syntax
