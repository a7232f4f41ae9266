#include "source/read_file.hpp"

#include "util/text.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace hookguard {

FileKind sniff_kind(std::string_view bytes) { return util::looks_binary(bytes) ? FileKind::binary : FileKind::text; }

ReadResult read_file_capped(const std::string& path, std::uint64_t max_size) {
  ReadResult r;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0 && errno == ELOOP) fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);  // explicit symlink argument
  if (fd < 0) {
    r.error = std::strerror(errno);
    return r;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    r.error = std::strerror(errno);
    ::close(fd);
    return r;
  }
  r.size = std::uint64_t(st.st_size);
  if (r.size > max_size) {
    r.kind = FileKind::oversize;
    ::close(fd);
    return r;
  }
  auto data = std::make_shared<std::string>();
  data->resize(r.size);
  std::size_t got = 0;
  while (got < data->size()) {
    ssize_t n = ::read(fd, data->data() + got, data->size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      r.error = std::strerror(errno);
      ::close(fd);
      return r;
    }
    if (n == 0) break;
    got += std::size_t(n);
  }
  ::close(fd);
  data->resize(got);
  r.kind = sniff_kind(*data);
  r.data = std::move(data);
  return r;
}

}  // namespace hookguard
