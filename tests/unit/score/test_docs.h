#pragma once
// Documents for the score tests, laid out as ingest lays out JSON Lines ("title\n\nbody").
// The texts are written for these tests.
#include <string>

#include "hearsay/document.h"

namespace hearsay::score::testing {

inline Document MakeDoc(const std::string& title, const std::string& body, const std::string& url = "") {
  Document d;
  d.id = "t";
  d.format = SourceFormat::kJsonLines;
  d.title = title;
  d.text = title + "\n\n" + body;
  d.title_byte_begin = 0;
  d.title_byte_end = static_cast<uint32_t>(title.size());
  d.body_byte_begin = static_cast<uint32_t>(title.size() + 2);
  if (!url.empty()) d.url = url;
  return d;
}

}  // namespace hearsay::score::testing
