#include "common/file_io.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hearsay {

Result<std::string> ReadWholeFile(const std::string& path, uint64_t max_bytes) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    int err = errno;
    std::string why = std::strerror(err);
    if (err == ENOENT) return NotFoundError(path + ": no such file");
    if (err == EACCES || err == EPERM) return PermissionDeniedError(path + ": cannot read (" + why + ")");
    return DataLossError(path + ": cannot open (" + why + ")");
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return DataLossError(path + ": skipped: not a regular file");
  }
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  if (static_cast<uint64_t>(st.st_size) > max_bytes) {
    ::close(fd);
    return OutOfRangeError(path + ": " + std::to_string(st.st_size) + " bytes, more than the limit of " +
                           std::to_string(max_bytes));
  }
  std::string out;
  out.resize(static_cast<size_t>(st.st_size));
  size_t got = 0;
  while (got < out.size()) {
    ssize_t r = ::read(fd, out.data() + got, out.size() - got);
    if (r < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      return DataLossError(path + ": read failed at byte " + std::to_string(got) + " (" + std::strerror(err) + ")");
    }
    if (r == 0) break;
    got += static_cast<size_t>(r);
  }
  out.resize(got);
  ::close(fd);
  return out;
}

namespace {

// Renames the written temporary file `tmp` over `path`, or, when writing failed with errno
// `err` (or the rename fails), removes it: the temporary file never outlives a failure.
Status FinishTemporary(const std::string& path, const std::string& tmp, int err) {
  if (err == 0 && std::rename(tmp.c_str(), path.c_str()) != 0) {
    err = errno;
    std::remove(tmp.c_str());
    return UnavailableError(path + ": cannot rename " + tmp + " over it (" + std::strerror(err) + ")");
  }
  if (err != 0) {
    std::remove(tmp.c_str());
    return UnavailableError(path + ": write failed (" + std::strerror(err) + "); nothing written");
  }
  return Status::Ok();
}

}  // namespace

Status WriteWholeFile(const std::string& path, const std::string& bytes) {
  std::string tmp = path + ".tmp";
  FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) return UnavailableError(path + ": cannot write " + tmp + " (" + std::strerror(errno) + ")");
  // The first failing step's errno is the reason; the temporary file never outlives a failure.
  int err = 0;
  if (std::fwrite(bytes.data(), 1, bytes.size(), f) != bytes.size() || std::fflush(f) != 0) err = errno ? errno : EIO;
  if (std::fclose(f) != 0 && err == 0) err = errno ? errno : EIO;
  return FinishTemporary(path, tmp, err);
}

Status WriteFileStreamed(const std::string& path, const std::function<void(std::ostream&)>& write) {
  std::string tmp = path + ".tmp";
  constexpr size_t kBufferBytes = 1 << 20;
  auto buffer = std::make_unique<char[]>(kBufferBytes);
  int err = 0;
  {
    std::ofstream f;
    f.rdbuf()->pubsetbuf(buffer.get(), kBufferBytes);  // before open, or libstdc++ ignores it
    errno = 0;
    f.open(tmp, std::ios::binary | std::ios::trunc);
    if (!f) return UnavailableError(path + ": cannot write " + tmp + " (" + std::strerror(errno ? errno : EIO) + ")");
    write(f);
    f.flush();
    if (!f) err = errno ? errno : EIO;
    f.close();
    if (f.fail() && err == 0) err = errno ? errno : EIO;
  }
  return FinishTemporary(path, tmp, err);
}

}  // namespace hearsay
