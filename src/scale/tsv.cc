#include "scale/tsv.h"

namespace hearsay::scale {

void AppendTsvEscaped(std::string_view field, std::string* out) {
  out->reserve(out->size() + field.size());
  for (char c : field) {
    switch (c) {
      case '\\': *out += "\\\\"; break;
      case '\t': *out += "\\t"; break;
      case '\n': *out += "\\n"; break;
      case '\r': *out += "\\r"; break;
      case '\0': *out += "\\0"; break;
      case '\b': *out += "\\b"; break;
      case '\f': *out += "\\f"; break;
      default: *out += c;
    }
  }
}

std::string TsvEscaped(std::string_view field) {
  std::string out;
  AppendTsvEscaped(field, &out);
  return out;
}

void TsvWriter::Separate() {
  if (!first_) body_ += '\t';
  first_ = false;
}

TsvWriter& TsvWriter::Field(std::string_view v) {
  Separate();
  AppendTsvEscaped(v, &body_);
  return *this;
}

TsvWriter& TsvWriter::Int(int64_t v) {
  Separate();
  body_ += std::to_string(v);
  return *this;
}

TsvWriter& TsvWriter::Uint(uint64_t v) {
  Separate();
  body_ += std::to_string(v);
  return *this;
}

TsvWriter& TsvWriter::Null() {
  Separate();
  body_ += "\\N";
  return *this;
}

void TsvWriter::EndRow() {
  body_ += '\n';
  ++rows_;
  first_ = true;
}

namespace {

char Unescaped(char c) {
  switch (c) {
    case 't': return '\t';
    case 'n': return '\n';
    case 'r': return '\r';
    case '0': return '\0';
    case 'b': return '\b';
    case 'f': return '\f';
    default: return c;  // \\ \' and any other escaped byte stand for themselves
  }
}

}  // namespace

Result<std::vector<TsvRow>> ParseTsv(std::string_view body) {
  std::vector<TsvRow> rows;
  if (body.empty()) return rows;
  if (body.back() != '\n') return DataLossError("TabSeparated body does not end in a newline (truncated response?)");
  TsvRow row;
  std::string field;
  bool escaped_null = false;  // the field so far is exactly \N
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c == '\\') {
      if (escaped_null) return DataLossError("TabSeparated row " + std::to_string(rows.size() + 1) + ": \\N followed by more bytes");
      if (i + 1 >= body.size()) return DataLossError("TabSeparated row " + std::to_string(rows.size() + 1) + " ends in a lone backslash");
      char e = body[++i];
      escaped_null = e == 'N' && field.empty();
      if (!escaped_null) field += Unescaped(e);
      continue;
    }
    if (c == '\t' || c == '\n') {
      if (escaped_null) row.emplace_back(std::nullopt);
      else row.emplace_back(std::move(field));
      field.clear();
      escaped_null = false;
      if (c == '\n') rows.push_back(std::move(row)), row.clear();
      continue;
    }
    if (escaped_null) return DataLossError("TabSeparated row " + std::to_string(rows.size() + 1) + ": \\N followed by more bytes");
    field += c;
  }
  return rows;
}

}  // namespace hearsay::scale
