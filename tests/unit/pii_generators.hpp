// Seeded generator of checksum-valid fake identifiers for the PII tests (CONTRACTS.md §7:
// positive examples of checksum rules are generated at test time, never stored).
//
// A scheme is described by a shape: '#' a random digit, '@' a random letter, '&' a random
// digit or letter, 'y' 'm' 'd' a two-digit year, month (01-12) and day (01-28); '?' a check
// digit, '!' a check letter, '*' a check digit or letter; anything else is literal. The body is
// random; the check characters are solved by trying every value against the validator, so the
// tests assert separately that the solution is unique and that the scheme's published
// specimens validate.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace hookguard::test {

struct PiiScheme {
  std::string_view validator;  // name in the registry (pii.yaml `validate:`)
  std::string_view shape;
  std::string_view field;      // a realistic field name to embed generated values
  bool unique_check = true;    // exactly one assignment of the check characters validates
};

// Every scheme the generator knows, several per validator where the shapes differ.
const std::vector<PiiScheme>& pii_schemes();

// A random body of the shape with its check characters still as placeholders.
std::string random_body(std::string_view shape, std::mt19937_64& rng);
// Every assignment of the body's check placeholders that the validator accepts.
std::vector<std::string> solve_checks(const PiiScheme& scheme, const std::string& body);
// A value the scheme's validator accepts; empty if none was found in many attempts.
std::string generate_valid(const PiiScheme& scheme, std::mt19937_64& rng);

constexpr std::uint64_t k_pii_seed = 20261123;

// The bytes of tests/corpus/pii/<name> (hand-written fixtures beside the generated values).
std::string read_pii_corpus(const std::string& name);

}  // namespace hookguard::test
