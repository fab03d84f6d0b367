// Calendar arithmetic and date expressions normalised against the publication date.
#include "extract/internal/dates.h"

#include <algorithm>
#include <cstdlib>
#include <optional>

#include "extract/internal/doc_view.h"
#include "extract/internal/passes.h"

namespace hearsay::extract {

std::optional<Ymd> ParseIsoDate(std::string_view s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  Ymd d{std::atoi(std::string(s.substr(0, 4)).c_str()), std::atoi(std::string(s.substr(5, 2)).c_str()),
        std::atoi(std::string(s.substr(8, 2)).c_str())};
  if (d.m < 1 || d.m > 12 || d.d < 1 || d.d > DaysInMonth(d.y, d.m)) return std::nullopt;
  return d;
}

std::string FormatIso(const Ymd& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.y, d.m, d.d);
  return buf;
}

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

// Days from civil (H. Hinnant's algorithm): era = floor(y'/400), yoe = y' - 400 era,
// doy = (153 (m + 9 mod 12) + 2) / 5 + d - 1, doe = 365 yoe + yoe/4 - yoe/100 + doy.
int64_t ToDays(const Ymd& d) {
  int y = d.y - (d.m <= 2);
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (d.m + (d.m > 2 ? -3 : 9)) + 2) / 5 + d.d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Ymd FromDays(int64_t z) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return Ymd{static_cast<int>(y + (m <= 2)), m, d};
}

Ymd AddDays(const Ymd& d, int64_t n) { return FromDays(ToDays(d) + n); }

Ymd AddYears(const Ymd& d, int n) {
  Ymd r{d.y + n, d.m, d.d};
  if (r.d > DaysInMonth(r.y, r.m)) r.d = DaysInMonth(r.y, r.m);
  return r;
}

int Weekday(const Ymd& d) {
  int64_t z = ToDays(d);  // 1970-01-01 was a Thursday (3)
  return static_cast<int>(((z % 7) + 7 + 3) % 7);
}

int MonthFromName(std::string_view w) {
  static const char* kNames[] = {"january", "february", "march",     "april",   "may",      "june",
                                 "july",    "august",   "september", "october", "november", "december"};
  for (int i = 0; i < 12; ++i) {
    std::string_view n = kNames[i];
    if (w == n) return i + 1;
    if (w.size() >= 3 && w.size() <= 4 && n.substr(0, w.size()) == w && w != "mar" && w != "may") {
      // "jan", "sept"; "may" and "mar" are full words handled above.
      return i + 1;
    }
  }
  if (w == "mar") return 3;
  return 0;
}

int WeekdayFromName(std::string_view w) {
  static const char* kNames[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  for (int i = 0; i < 7; ++i)
    if (w == kNames[i]) return i;
  return -1;
}

namespace {

bool IsYear(std::string_view w, int* y) {
  if (w.size() != 4) return false;
  for (char c : w)
    if (c < '0' || c > '9') return false;
  *y = std::atoi(std::string(w).c_str());
  return *y >= 1900 && *y <= 2099;
}

bool IsDayNumber(std::string_view w, int* d) {
  std::string s(w);
  for (const char* suf : {"st", "nd", "rd", "th"})
    if (s.size() > 2 && s.substr(s.size() - 2) == suf) s.resize(s.size() - 2);
  if (s.empty() || s.size() > 2) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  *d = std::atoi(s.c_str());
  return *d >= 1 && *d <= 31;
}

// The latest occurrence of month m (day d, or the whole month when d == 0) not after `pub`.
DateSpan MostRecentMonth(const Ymd& pub, int m, int d) {
  int y = pub.y;
  if (m > pub.m || (m == pub.m && d > pub.d)) --y;
  DateSpan s;
  if (d > 0) {
    s.from = s.to = Ymd{y, m, std::min(d, DaysInMonth(y, m))};
  } else {
    s.from = Ymd{y, m, 1};
    s.to = Ymd{y, m, DaysInMonth(y, m)};
  }
  return s;
}

DateSpan Season(const Ymd& pub, std::string_view w, bool next) {
  // Northern-hemisphere meteorological seasons.
  int start_m = w == "spring" ? 3 : w == "summer" ? 6 : (w == "autumn" || w == "fall") ? 9 : 12;
  int y = pub.y;
  if (!next && start_m > pub.m) --y;
  if (next && start_m + 2 < pub.m) ++y;
  Ymd from{y, start_m, 1};
  Ymd end_month = start_m == 12 ? Ymd{y + 1, 2, 1} : Ymd{y, start_m + 2, 1};
  DateSpan s;
  s.from = from;
  s.to = Ymd{end_month.y, end_month.m, DaysInMonth(end_month.y, end_month.m)};
  return s;
}

// "last week", "this month", "next year", "last summer" around the publication day.
DateSpan RelativeSpan(const Ymd& pub, std::string_view rel, std::string_view unit) {
  DateSpan s;
  if (unit == "week") {
    Ymd mon = AddDays(pub, -Weekday(pub) + (rel == "last" ? -7 : rel == "next" ? 7 : 0));
    s.from = mon;
    s.to = AddDays(mon, 6);
  } else if (unit == "month") {
    int mm = pub.m + (rel == "last" ? -1 : rel == "next" ? 1 : 0), yy = pub.y;
    if (mm == 0) mm = 12, --yy;
    if (mm == 13) mm = 1, ++yy;
    s.from = Ymd{yy, mm, 1};
    s.to = Ymd{yy, mm, DaysInMonth(yy, mm)};
  } else if (unit == "year") {
    int yy = pub.y + (rel == "last" ? -1 : rel == "next" ? 1 : 0);
    s.from = Ymd{yy, 1, 1};
    s.to = Ymd{yy, 12, 31};
  } else {
    s = Season(pub, unit, rel != "last");
    if (rel == "last") {
      Ymd f = *s.from, t = *s.to;
      if (!(t < pub)) s.from = AddYears(f, -1), s.to = AddYears(t, -1);
    }
  }
  return s;
}

bool IsSeasonWord(std::string_view w) {
  return w == "spring" || w == "summer" || w == "autumn" || w == "fall" || w == "winter";
}

// The forms of a date expression, each tried at token i in turn. A form returns nullopt when
// the words are not of its kind, 0 when they are but the reading is refused (no later form is
// tried), else the token after the expression, with the span in *s.
struct DateForms {
  const DocView& v;
  uint32_t limit;
  bool since;  // "since" came before i
  const std::optional<Ymd>& pub = v.published;

  std::string_view at(uint32_t i) const { return i < limit ? std::string_view(v.lower[i]) : std::string_view(); }
  std::string_view before(uint32_t i) const { return i > 0 ? std::string_view(v.lower[i - 1]) : std::string_view(); }

  // "Month [day][,] [year]", "Month year"; "May" alone only after a preposition (else the modal).
  std::optional<uint32_t> MonthFirst(uint32_t i, DateSpan* s) const {
    int m = MonthFromName(at(i)), d = 0, y = 0;
    if (!m || !v.IsCap(i)) return std::nullopt;
    uint32_t j = i + 1;
    if (IsDayNumber(at(j), &d)) {
      ++j;
      if (at(j) == ",") ++j;
    } else {
      d = 0;
    }
    if (IsYear(at(j), &y)) {
      s->from = Ymd{y, m, d ? std::min(d, DaysInMonth(y, m)) : 1};
      s->to = Ymd{y, m, d ? std::min(d, DaysInMonth(y, m)) : DaysInMonth(y, m)};
      return j + 1;
    }
    if (d == 0 && j > i + 1) j = i + 1;
    std::string_view b = before(i);
    if (m == 5 && !(b == "in" || b == "since" || b == "of" || since)) return 0;
    if (pub) *s = MostRecentMonth(*pub, m, d);
    return d ? j : i + 1;
  }

  // "day Month [year]".
  std::optional<uint32_t> DayFirst(uint32_t i, DateSpan* s) const {
    int d = 0, m = 0, y = 0;
    if (!IsDayNumber(at(i), &d) || !(m = MonthFromName(at(i + 1))) || !v.IsCap(i + 1)) return std::nullopt;
    uint32_t j = i + 2;
    if (IsYear(at(j), &y)) {
      s->from = s->to = Ymd{y, m, std::min(d, DaysInMonth(y, m))};
      return j + 1;
    }
    if (pub) *s = MostRecentMonth(*pub, m, d);
    return j;
  }

  // A bare year: only after a preposition or as a possessive-like modifier ("his 2001 divorce").
  std::optional<uint32_t> BareYear(uint32_t i, DateSpan* s) const {
    int y = 0;
    std::string_view b = before(i);
    if (!IsYear(at(i), &y) || b == "$" || b == "#") return std::nullopt;
    static constexpr std::string_view kBefore[] = {"in", "since", "of", "from", "until", "by", "his",
                                                   "her", "their", "to", "early", "late", "mid"};
    if (!since && std::find(std::begin(kBefore), std::end(kBefore), b) == std::end(kBefore)) return 0;
    s->from = Ymd{y, 1, 1};
    s->to = Ymd{y, 12, 31};
    return i + 1;
  }

  // "Valentine's Day", "Christmas", "New Year's Eve": the latest one.
  std::optional<uint32_t> Holiday(uint32_t i, DateSpan* s) const {
    if ((at(i) == "valentine's" || at(i) == "valentines") && at(i + 1) == "day") {
      if (pub) *s = MostRecentMonth(*pub, 2, 14);
      return i + 2;
    }
    if (at(i) == "christmas" || (at(i) == "new" && at(i + 1) == "year's" && at(i + 2) == "eve")) {
      bool christmas = at(i) == "christmas";
      if (pub) *s = MostRecentMonth(*pub, 12, christmas ? 25 : 31);
      return christmas ? i + 1 : i + 3;
    }
    return std::nullopt;
  }

  // "last week", "this year", "next summer"; "the summer", "in the spring".
  std::optional<uint32_t> Relative(uint32_t i, DateSpan* s) const {
    std::string_view rel = at(i), unit = at(i + 1);
    if ((rel == "last" || rel == "this" || rel == "next") &&
        (unit == "week" || unit == "month" || unit == "year" || IsSeasonWord(unit))) {
      if (pub) *s = RelativeSpan(*pub, rel, unit);
      return i + 2;
    }
    if ((rel == "the" || rel == "in") && IsSeasonWord(unit)) {
      if (pub) *s = Season(*pub, unit, false);
      return i + 2;
    }
    return std::nullopt;
  }

  // "yesterday", "today", "on Saturday" (the latest such day before the publication date).
  std::optional<uint32_t> Day(uint32_t i, DateSpan* s) const {
    if (at(i) == "yesterday" || at(i) == "today") {
      if (pub) s->from = s->to = AddDays(*pub, at(i) == "yesterday" ? -1 : 0);
      return i + 1;
    }
    if (WeekdayFromName(at(i)) < 0 || !v.IsCap(i)) return std::nullopt;
    if (pub) {
      int back = (Weekday(*pub) - WeekdayFromName(at(i)) + 7) % 7;
      if (back == 0) back = 7;
      s->from = s->to = AddDays(*pub, -back);
    }
    return i + 1;
  }

  // A duration reaching back from the publication date: "for more than a decade" holds since
  // at least ten years before publication.
  std::optional<uint32_t> Duration(uint32_t i, DateSpan* s) const {
    bool more = at(i) == "more" && at(i + 1) == "than" && (at(i + 2) == "a" || at(i + 2) == "one") &&
                (at(i + 3) == "decade" || at(i + 3) == "year");
    bool over = (at(i) == "over" || at(i) == "for") && at(i + 1) == "a" && at(i + 2) == "decade";
    if (!more && !over) return std::nullopt;
    bool decade = at(i + 3) == "decade" || at(i + 2) == "decade";
    if (pub) {
      s->to = *pub;
      s->from = AddYears(*pub, decade ? -10 : -1);
      s->open_start = true;
    }
    return at(i) == "more" ? i + 4 : i + 3;
  }
};

}  // namespace

uint32_t MatchDate(const DocView& v, uint32_t tok, uint32_t limit, DateSpan* out) {
  DateForms forms{v, limit, false};
  uint32_t i = tok;
  if (forms.at(i) == "since") {
    forms.since = true;
    ++i;
  }
  using Form = std::optional<uint32_t> (DateForms::*)(uint32_t, DateSpan*) const;
  static constexpr Form kForms[] = {&DateForms::MonthFirst, &DateForms::DayFirst, &DateForms::BareYear,
                                    &DateForms::Holiday,    &DateForms::Relative, &DateForms::Day,
                                    &DateForms::Duration};
  DateSpan s;
  std::optional<uint32_t> end;
  for (Form form : kForms)
    if ((end = (forms.*form)(i, &s))) break;
  if (!end || *end == 0) return 0;
  if (forms.since) {
    // "since X": from the start of X to the publication date.
    DateSpan r;
    r.from = s.from;
    if (v.published && s.from) r.to = *v.published;
    r.open_start = true;
    s = r;
  }
  *out = s;
  return *end;
}

bool SinceGoverns(const DocView& v, uint32_t date_tok, uint32_t lo) {
  for (uint32_t j = date_tok; j-- > lo && date_tok - j <= 8;) {
    if (v.IsClauseBreak(j) || v.lower[j] == ",") return false;
    if (v.lower[j] == "since") return true;
  }
  return false;
}

DateSpan OpenSince(const DocView& v, const DateSpan& d) {
  DateSpan r;
  r.from = d.from;
  if (v.published && d.from) r.to = *v.published;
  r.open_start = true;
  return r;
}

std::optional<DateSpan> AnaphoricSince(const DocView& v, uint32_t tok) {
  if (v.sent_of[tok] == UINT32_MAX) return std::nullopt;
  const uint32_t end = v.SentenceOf(tok).token_end;
  auto at = [&](uint32_t i) -> std::string_view { return i < end ? std::string_view(v.lower[i]) : std::string_view(); };
  uint32_t since = tok;
  if (at(tok) == "ever" && at(tok + 1) == "since") since = tok + 1;
  else if (at(tok) != "since") return std::nullopt;
  std::string_view next = at(since + 1);
  bool anaphor = next == "then" || (next == "that" && at(since + 2) == "time") ||
                 since + 1 >= end || v.toks[since + 1].kind == TokenKind::kPunct;  // "ever since." / "since,"
  if (!anaphor) return std::nullopt;
  // The antecedent: the latest date expression before the anaphor, in this sentence or the
  // one before.
  uint32_t s = v.sent_of[tok];
  uint32_t lo = v.a.layout.sentences[s > 0 ? s - 1 : s].token_begin;
  for (uint32_t k = tok; k-- > lo;) {
    if (v.sent_of[k] == UINT32_MAX) continue;
    DateSpan d;
    uint32_t e = MatchDate(v, k, v.SentenceOf(k).token_end, &d);
    if (e && e <= tok && d.from) return OpenSince(v, d);
  }
  return std::nullopt;
}

}  // namespace hearsay::extract
