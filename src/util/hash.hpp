// Hashing helpers. Knows nothing of hookguard types.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace hookguard::util {

// FNV-1a 64: fast, non-cryptographic (cache keys, checksums against corruption).
std::uint64_t fnv1a64(std::string_view data, std::uint64_t seed = 0xcbf29ce484222325ull);
// A checksum against corruption of large buffers, 8 bytes per step in four independent lanes:
// the 2.5 MB rule cache is verified on every hook run, and FNV-1a's byte loop was a third of a
// warm start. Not a cryptographic hash.
std::uint64_t checksum64(std::string_view data);

using Sha256Digest = std::array<std::uint8_t, 32>;
Sha256Digest sha256(std::string_view data);
Sha256Digest hmac_sha256(std::string_view key, std::string_view message);

std::string to_hex(const std::uint8_t* data, std::size_t size);
std::string to_hex(std::uint64_t value);  // 16 hex digits

}  // namespace hookguard::util
