// Replacing a file so readers see the old or the new bytes, never a torn mix: write a temporary
// beside it, then rename. Knows nothing of hookguard types.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace hookguard::util {

// Creates the parent directories as needed. Returns "" on success, else why it failed (the
// temporary is removed); callers decide whether that matters (caches are best effort).
std::string write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

}  // namespace hookguard::util
