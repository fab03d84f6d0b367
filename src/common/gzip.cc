#include "common/gzip.h"

#include <zlib.h>

namespace hearsay {

bool LooksGzipped(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f && static_cast<unsigned char>(bytes[1]) == 0x8b;
}

Result<std::string> Gunzip(std::string_view bytes, uint64_t max_bytes) {
  if (!LooksGzipped(bytes)) return DataLossError("not gzip data (no 1f 8b magic at byte 0)");
  z_stream zs{};
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) return InternalError("zlib inflateInit2 failed");
  std::string out;
  char buf[64 << 10];
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  zs.avail_in = static_cast<uInt>(bytes.size());
  int rc = Z_OK;
  while (true) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    out.append(buf, sizeof buf - zs.avail_out);
    if (out.size() > max_bytes) {
      inflateEnd(&zs);
      return OutOfRangeError("gzip content larger than the limit of " + std::to_string(max_bytes) + " bytes");
    }
    if (rc == Z_STREAM_END) {
      if (zs.avail_in >= 2 && LooksGzipped({reinterpret_cast<const char*>(zs.next_in), zs.avail_in})) {
        inflateReset(&zs);  // another member follows
        continue;
      }
      break;
    }
    if (rc != Z_OK || (zs.avail_in == 0 && zs.avail_out != 0)) {
      uint64_t at = bytes.size() - zs.avail_in;
      inflateEnd(&zs);
      return DataLossError("corrupt or truncated gzip data at compressed byte " + std::to_string(at));
    }
  }
  inflateEnd(&zs);
  return out;
}

}  // namespace hearsay
