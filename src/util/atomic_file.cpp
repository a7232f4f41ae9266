#include "util/atomic_file.hpp"

#include <fstream>
#include <unistd.h>

namespace hookguard::util {

std::string write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  auto tmp = path;
  tmp += ".tmp" + std::to_string(::getpid());  // one writer per process: concurrent hooks don't collide
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), std::streamsize(bytes.size()));
    if (!out) {
      std::filesystem::remove(tmp, ec);
      return "cannot write " + tmp.string();
    }
  }
  std::filesystem::rename(tmp, path, ec);
  if (!ec) return "";
  std::string why = ec.message();
  std::filesystem::remove(tmp, ec);
  return why;
}

}  // namespace hookguard::util
