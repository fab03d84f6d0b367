#include "common/text_spill.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace hearsay {

std::unique_ptr<TextSpill> TextSpill::Create(const std::string& dir, size_t n) {
  std::string pattern = (dir.empty() ? std::string(".") : dir) + "/.hearsay-texts-XXXXXX";
  int fd = mkstemp(pattern.data());
  if (fd < 0) return nullptr;
  unlink(pattern.c_str());  // gone with the process, also when it is killed
  return std::unique_ptr<TextSpill>(new TextSpill(fd, n));
}

TextSpill::~TextSpill() { close(fd_); }

bool TextSpill::Move(std::vector<Document>& docs, size_t d) {
  if (d >= size_.size() || d >= docs.size() || Holds(d) || docs[d].text.size() >= kNotMoved) return false;
  const std::string& text = docs[d].text;
  for (size_t done = 0; done < text.size();) {
    ssize_t w = pwrite(fd_, text.data() + done, text.size() - done, static_cast<off_t>(end_ + done));
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return false;
    done += static_cast<size_t>(w);
  }
  offset_[d] = end_;
  size_[d] = static_cast<uint32_t>(text.size());
  end_ += text.size();
  std::string().swap(docs[d].text);
  return true;
}

void TextSpill::Read(size_t d, size_t begin, size_t n, std::string* out) const {
  begin = std::min<size_t>(begin, size_[d]);
  n = std::min<size_t>(n, size_[d] - begin);
  out->resize(n);
  for (size_t done = 0; done < n;) {
    ssize_t r = pread(fd_, out->data() + done, n - done, static_cast<off_t>(offset_[d] + begin + done));
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) {
      std::fprintf(stderr, "hearsay: cannot read a document's text back from its spill file (%s)\n",
                   r < 0 ? std::strerror(errno) : "file shorter than written");
      std::abort();
    }
    done += static_cast<size_t>(r);
  }
}

const std::string& DocumentTexts::Of(size_t d) {
  if (!spill_ || !spill_->Holds(d)) return docs_[d].text;
  if (d != last_) {
    spill_->Read(d, 0, spill_->Size(d), &buffer_);
    last_ = d;
  }
  return buffer_;
}

std::string DocumentTexts::Slice(size_t d, size_t begin, size_t end) {
  if (!spill_ || !spill_->Holds(d) || d == last_) {
    const std::string& text = Of(d);
    return begin > text.size() ? std::string() : text.substr(begin, end - begin);
  }
  std::string out;
  if (begin <= spill_->Size(d)) spill_->Read(d, begin, end - begin, &out);
  return out;
}

}  // namespace hearsay
