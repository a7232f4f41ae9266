// Reading one file for scanning: size cap checked before reading, binary sniffed.
#pragma once

#include <hookguard/types.hpp>

#include <cstdint>
#include <memory>
#include <string>

namespace hookguard {

struct ReadResult {
  FileKind kind = FileKind::text;  // text, binary or oversize (never read then)
  std::shared_ptr<const std::string> data;
  std::uint64_t size = 0;
  std::string error;  // non-empty: could not read
};

ReadResult read_file_capped(const std::string& path, std::uint64_t max_size);
// Classifies bytes already in memory (git blobs): binary when a NUL is in the first 8 KiB.
FileKind sniff_kind(std::string_view bytes);

}  // namespace hookguard
