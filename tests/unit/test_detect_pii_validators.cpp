// The named PII validators: published specimens, seeded generated values, mutations, cards.
#include <doctest/doctest.h>

#include "detect/pii/validators.hpp"
#include "pii_generators.hpp"

#include <random>
#include <set>
#include <string>

using hookguard::pii::find_validator;
using hookguard::test::generate_valid;
using hookguard::test::k_pii_seed;
using hookguard::test::pii_schemes;
using hookguard::test::PiiScheme;
using hookguard::test::random_body;
using hookguard::test::solve_checks;

namespace {

bool accepts(std::string_view validator, std::string_view value) {
  auto check = find_validator(validator);
  REQUIRE_MESSAGE(static_cast<bool>(check), validator);
  return check(value).has_value();
}

std::string with_spaces(const std::string& value) {
  std::string out;
  for (std::size_t i = 0; i < value.size(); ++i) out += (i && i % 4 == 0 ? " " : "") + std::string(1, value[i]);
  return out;
}

}  // namespace

TEST_CASE("pii validator registry") {
  for (const PiiScheme& scheme : pii_schemes()) CHECK_MESSAGE(static_cast<bool>(find_validator(scheme.validator)), scheme.validator);
  CHECK_FALSE(static_cast<bool>(find_validator("no_such_validator")));
  CHECK_FALSE(static_cast<bool>(find_validator("")));
}

// Specimens published by the scheme owners (CMS, HMRC, NHS, DVLA, ISO 13616, BZSt...) and the
// documented examples of python-stdnum, a reference implementation of these algorithms.
TEST_CASE("pii validators accept published specimens and reject their near misses") {
  struct Row { const char* validator; const char* value; bool valid; };
  const Row rows[] = {
      {"luhn", "79927398713", true}, {"luhn", "79927398710", false},
      {"iban_mod97", "GB82 WEST 1234 5698 7654 32", true}, {"iban_mod97", "GB82 WEST 1234 5698 7654 33", false},
      {"iban_mod97", "DE89 3704 0044 0532 0130 00", true}, {"iban_mod97", "FR14 2004 1010 0505 0001 3M02 606", true},
      {"iban_mod97", "NL91ABNA0417164300", true},         {"iban_mod97", "BE68539007547034", true},
      {"iban_mod97", "nl91abna0417164300", true},         {"iban_mod97", "GB82WEST123456987654", false},
      {"iban_mod97", "XX82WEST12345698765432", false},    {"iban_mod97", "DE00370400440532013000", false},
      {"us_ssn", "536-90-4399", true},   {"us_ssn", "078-05-1120", false}, {"us_ssn", "219-09-9999", false},
      {"us_ssn", "666-12-3456", false},  {"us_ssn", "000-12-3456", false}, {"us_ssn", "900-12-3456", false},
      {"us_ssn", "123-00-4567", false},  {"us_ssn", "123-45-0000", false}, {"us_ssn", "123-45-6789", false},
      {"itin", "912-90-3456", true},     {"itin", "912-89-3456", false},   {"itin", "123-45-6789", false},
      {"npi", "1234567893", true},       {"npi", "1234567890", false},
      {"mbi", "1EG4-TE5-MK73", true},    {"mbi", "1EG4-TE5-MK7", false},   {"mbi", "0EG4TE5MK73", false},
      {"mbi", "1SG4TE5MK73", false},
      {"aba_routing", "111000025", true}, {"aba_routing", "011000015", true}, {"aba_routing", "111000024", false},
      {"aba_routing", "501000019", false},
      {"ca_sin", "123-456-782", true},   {"ca_sin", "123-456-783", false},
      {"ca_sin", "046 454 286", false},  // the government's specimen: 0 is reserved for fictitious SINs
      {"br_cpf", "390.533.447-05", true}, {"br_cpf", "231.002.999-00", false}, {"br_cpf", "111.111.111-11", false},
      {"br_cnpj", "16.727.230/0001-97", true}, {"br_cnpj", "16.727.230/0001-98", false},
      {"mx_curp", "BOXW310820HNERXN09", true}, {"mx_curp", "BOXW310820HNERXN08", false},
      {"mx_rfc", "GODE561231GR8", true},  {"mx_rfc", "GODE561331GR8", false},
      {"uk_nino", "AB123456C", true},     {"uk_nino", "QQ123456C", false},  {"uk_nino", "GB123456A", false},
      {"uk_nino", "AB123456E", false},
      {"uk_nhs", "943 476 5919", true},   {"uk_nhs", "943-476-5870", true}, {"uk_nhs", "9434765871", false},
      {"uk_driving_licence", "MORGA657054SM9IJ", true}, {"uk_driving_licence", "MORGA653354SM9IJ", false},
      {"ie_ppsn", "6433435F", true},      {"ie_ppsn", "6433435E", false},   {"ie_ppsn", "1234567TW", true},
      {"de_steuer_id", "36 574 261 809", true}, {"de_steuer_id", "36574261890", false},
      {"de_steuer_id", "86095742719", true},    {"de_steuer_id", "11111111116", false},
      {"de_id_document", "T220001293", true},   {"de_id_document", "C01X00T478", true},
      {"de_id_document", "T220001294", false},  {"de_id_document", "1234567897", false},
      {"de_kvnr", "A123456780", true},          {"de_kvnr", "A123456781", false},
      {"de_rvnr", "15070649C103", true},        {"de_rvnr", "15070649C104", false},
      {"de_lanr", "123456601", true},           {"de_lanr", "123457601", false},
      {"fr_nir", "2 95 10 99 126 111 93", true}, {"fr_nir", "295109912611199", false},
      {"fr_nir", "253072B07300470", true},
      {"fr_siren", "404833048", true},    {"fr_siren", "404833047", false},
      {"fr_siret", "73282932000074", true}, {"fr_siret", "73282932000079", false},
      {"es_dni", "54362315-K", true},     {"es_dni", "54362315Z", false},
      {"es_nie", "X-2482300W", true},     {"es_nie", "X2482300A", false},
      {"es_cif", "J99216582", true},      {"es_cif", "J99216583", false},
      {"it_codice_fiscale", "RCCMNL83S18D969H", true}, {"it_codice_fiscale", "RCCMNL83S18D969X", false},
      {"it_partita_iva", "00743110157", true}, {"it_partita_iva", "00743110158", false},
      {"nl_bsn", "111222333", true},      {"nl_bsn", "111252333", false},
      {"be_nrn", "85.07.30-033.28", true}, {"be_nrn", "17 07 30 033 84", true}, {"be_nrn", "85073003329", false},
      {"pl_pesel", "44051401359", true},  {"pl_pesel", "44051401358", false},
      {"pl_nip", "8567346215", true},     {"pl_nip", "8567346216", false},
      {"se_personnummer", "880320-0016", true}, {"se_personnummer", "880320-0018", false},
      {"se_orgnr", "1234567897", true},   {"se_orgnr", "1234567891", false},
      {"fi_hetu", "131052-308T", true},   {"fi_hetu", "131052-308U", false}, {"fi_hetu", "310252-308Y", false},
      {"dk_cpr", "211062-5629", true},    {"dk_cpr", "511062-5629", false},
      {"no_fnr", "15108695088", true},    {"no_fnr", "15108695077", false},
      {"tr_tckn", "17291716060", true},   {"tr_tckn", "17291716050", false},
      {"th_id", "3100600445635", true},   {"th_id", "1234545678789", false},
      {"in_aadhaar", "2341 2341 2346", true}, {"in_aadhaar", "234123412347", false}, {"in_aadhaar", "123412341234", false},
      {"in_pan", "ACUPA7085R", true},     {"in_pan", "ACUPA0000R", false},  {"in_pan", "ACUXA7085R", false},
      {"in_gstin", "27AAPFU0939F1ZV", true}, {"in_gstin", "27AAPFU0939F1ZW", false},
      {"sg_nric", "S1234567D", true},     {"sg_nric", "S1234567A", false},
      {"sg_uen", "00192200M", true},      {"sg_uen", "197401143C", true},   {"sg_uen", "00192200N", false},
      {"kr_rrn", "971013-9019902", true}, {"kr_rrn", "971013-9019903", false},
      {"kr_brn", "116-82-00276", true},   {"kr_brn", "116-82-00277", false},
      {"jp_my_number", "123456789018", true}, {"jp_my_number", "123456789019", false},
      {"au_tfn", "123 456 782", true},    {"au_tfn", "999 999 999", false},
      {"au_abn", "83 914 571 673", true}, {"au_abn", "99 999 999 999", false},
      {"au_acn", "004 085 616", true},    {"au_acn", "010 499 966", true},  {"au_acn", "999 999 999", false},
      {"au_medicare", "2123456701", true}, {"au_medicare", "2123456711", false},
      {"za_id", "7503305044089", true},   {"za_id", "8503305044089", false},
      {"eu_vat", "ATU13585627", true},    {"eu_vat", "ATU13585626", false},
      {"eu_vat", "BE0428759497", true},   {"eu_vat", "BE0431150351", false},
      {"eu_vat", "BG175074752", true},    {"eu_vat", "BG175074751", false},
      {"eu_vat", "CY-10259033P", true},   {"eu_vat", "CY-10259033Z", false},
      {"eu_vat", "CZ25123891", true},     {"eu_vat", "CZ25123890", false},
      {"eu_vat", "DE136695976", true},    {"eu_vat", "DE136695978", false},
      {"eu_vat", "DK 13585628", true},    {"eu_vat", "DK 13585627", false},
      {"eu_vat", "EE100594102", true},    {"eu_vat", "EE100594103", false},
      {"eu_vat", "EL 094259216", true},   {"eu_vat", "EL 123456781", false},
      {"eu_vat", "ESB64717838", true},    {"eu_vat", "ESB64717839", false},
      {"eu_vat", "FI 20774740", true},    {"eu_vat", "FI 20774741", false},
      {"eu_vat", "FR23334175221", true},  {"eu_vat", "FR84 323 140 391", false},
      {"eu_vat", "GB 980 7806 84", true}, {"eu_vat", "GB802311781", false},
      {"eu_vat", "HR 33392005961", true}, {"eu_vat", "HR33392005962", false},
      {"eu_vat", "HU-12892312", true},    {"eu_vat", "HU-12892313", false},
      {"eu_vat", "IE 6433435F", true},    {"eu_vat", "IE 6433435OA", true}, {"eu_vat", "IE 6433435G", false},
      {"eu_vat", "IT 00743110157", true}, {"eu_vat", "IT00743110158", false},
      {"eu_vat", "LT119511515", true},    {"eu_vat", "LT 100001919017", true}, {"eu_vat", "LT100001919018", false},
      {"eu_vat", "LU 150 274 42", true},  {"eu_vat", "LU15027443", false},
      {"eu_vat", "LV 4000 3521 600", true}, {"eu_vat", "LV40003521601", false},
      {"eu_vat", "MT 1167-9112", true},   {"eu_vat", "MT1167-9113", false},
      {"eu_vat", "NL004495445B01", true}, {"eu_vat", "NL004495445B00", false},
      {"eu_vat", "PL 8567346215", true},  {"eu_vat", "PL 8567346216", false},
      {"eu_vat", "PT 501 964 843", true}, {"eu_vat", "PT 501 964 842", false},
      {"eu_vat", "RO 185 472 90", true},  {"eu_vat", "RO18547291", false},
      {"eu_vat", "SE 123456789701", true}, {"eu_vat", "SE123456789101", false},
      {"eu_vat", "SI 5022 3054", true},   {"eu_vat", "SI 50223055", false},
      {"eu_vat", "SK 202 274 96 19", true}, {"eu_vat", "SK 202 274 96 18", false},
      {"eu_vat", "US123456789", false},   {"eu_vat", "DE000000000", false},
      // Regulators' fiction ranges (NANP 555-01xx, Ofcom drama numbers, ARCEP) are not personal.
      {"phone_number", "+49 30 1234 5678", true}, {"phone_number", "+1 202-555-0143", false},
      {"phone_number", "+44 7700 900123", false}, {"phone_number", "+33 1 99 00 12 34", false},
      {"phone_number", "+1 2", false},
  };
  for (const Row& r : rows) {
    INFO(std::string(r.validator) << " " << std::string(r.value));
    CHECK(accepts(r.validator, r.value) == r.valid);
  }
}

TEST_CASE("pii validators accept seeded generated values in printed forms") {
  std::mt19937_64 rng(k_pii_seed);
  for (const PiiScheme& scheme : pii_schemes()) {
    SUBCASE((std::string(scheme.validator) + " " + std::string(scheme.shape)).c_str()) {
      for (int i = 0; i < 20; ++i) {
        std::string value = generate_valid(scheme, rng);
        INFO(value);
        REQUIRE_FALSE(value.empty());
        CHECK(accepts(scheme.validator, value));
        if (scheme.validator != "fi_hetu") CHECK(accepts(scheme.validator, with_spaces(value)));
      }
    }
  }
}

// A scheme with a check character pins it down: exactly one value validates a body, and
// every other value in its place is rejected. A validator that accepted anything fails here.
TEST_CASE("pii validators: the check characters are determined by the body") {
  std::mt19937_64 rng(k_pii_seed + 1);
  for (const PiiScheme& scheme : pii_schemes()) {
    if (std::string_view(scheme.shape).find_first_of("?!*") == std::string_view::npos) continue;
    SUBCASE((std::string(scheme.validator) + " " + std::string(scheme.shape)).c_str()) {
      int bodies_with_solution = 0;
      for (int i = 0; i < 400 && bodies_with_solution < 10; ++i) {
        std::string body = random_body(scheme.shape, rng);
        auto solutions = solve_checks(scheme, body);
        INFO(body);
        if (solutions.empty()) continue;
        ++bodies_with_solution;
        CHECK(solutions.size() <= (scheme.unique_check ? 1u : 3u));
      }
      CHECK(bodies_with_solution > 0);
    }
  }
}

TEST_CASE("pii validators: format-only schemes reject wrong shapes") {
  struct Row { const char* validator; const char* value; };
  const Row rows[] = {
      {"us_ssn", "12-345-6789"}, {"us_ssn", "1234567890"}, {"mbi", "1EG4TE5MK7A"}, {"mx_rfc", "GODE56123"},
      {"uk_nino", "A1123456C"},  {"in_pan", "ACUPA7085"},  {"dk_cpr", "3213625629"}, {"itin", "812-70-3456"},
  };
  for (const Row& r : rows) {
    INFO(std::string(r.validator) << " " << std::string(r.value));
    CHECK_FALSE(accepts(r.validator, r.value));
  }
}

TEST_CASE("payment card validators name the brand and keep test numbers apart") {
  auto card = find_validator("payment_card");
  auto test_card = find_validator("payment_card_test");
  SUBCASE("brand prefixes and lengths") {
    std::mt19937_64 rng(k_pii_seed + 2);
    struct Row { const char* shape; const char* validation; };
    const Row rows[] = {
        {"4##############?", "Luhn valid, Visa prefix"},       {"53#############?", "Luhn valid, Mastercard prefix"},
        {"2720###########?", "Luhn valid, Mastercard prefix"}, {"37############?", "Luhn valid, Amex prefix"},
        {"6011###########?", "Luhn valid, Discover prefix"},   {"622500#########?", "Luhn valid, Discover prefix"},
        {"3589###########?", "Luhn valid, JCB prefix"},        {"305##########?", "Luhn valid, Diners prefix"},
        {"621############?", "Luhn valid, UnionPay prefix"},   {"6304#########?", "Luhn valid, Maestro prefix"},
    };
    for (const Row& r : rows) {
      std::string value = generate_valid({"luhn", r.shape, "card"}, rng);
      INFO(value);
      REQUIRE(card(value).has_value());
      CHECK(*card(value) == r.validation);
    }
  }
  SUBCASE("test numbers go to the test-number validator only") {
    const char* numbers[] = {"4111 1111 1111 1111", "4242424242424242", "4012888888881881", "5555555555554444",
                             "5105105105105100",    "2223003122003222", "378282246310005",  "371449635398431",
                             "6011111111111117",    "3530111333300000", "30569309025904"};
    for (const char* n : numbers) {
      INFO(std::string(n));
      CHECK_FALSE(card(n).has_value());
      REQUIRE(test_card(n).has_value());
      CHECK(test_card(n)->starts_with("published "));
    }
    CHECK_FALSE(test_card("4111111111111112").has_value());
  }
  SUBCASE("false-positive traps") {
    const char* traps[] = {
        "0000 0000 0000 0000",  // passes Luhn, no issuer
        "1000000000000008",     // Luhn-valid order number without a brand prefix
        "9999999999999995",     // ditto
        "1700000000000",        // epoch milliseconds
        "12345678901234567890", // too long
        "4111 1111 1111",       // too short for Visa
        "5105105105105101",     // Luhn fails
        "1234567890123456789",  // long numeric database id
        "20261123093015",       // timestamp
    };
    for (const char* t : traps) {
      INFO(std::string(t));
      CHECK_FALSE(card(t).has_value());
    }
  }
}

// Any captured text may reach a validator (user rule files can point any pattern at any
// validator): short, long, separator-only and non-ASCII candidates must be rejected or
// accepted without reading out of bounds (run under the sanitizer build).
TEST_CASE("pii validators survive arbitrary candidates") {
  const std::string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcz -./+*()\t\xC3\xA9\xFF";
  std::mt19937_64 rng(k_pii_seed + 5);
  std::set<std::string_view> names;
  for (const PiiScheme& scheme : pii_schemes()) names.insert(scheme.validator);
  names.insert("payment_card_test");
  std::size_t accepted = 0;
  for (std::string_view name : names) {
    auto check = find_validator(name);
    REQUIRE(static_cast<bool>(check));
    CHECK_FALSE(check("").has_value());
    for (int i = 0; i < 2000; ++i) {
      std::string candidate(std::uniform_int_distribution<std::size_t>(0, 40)(rng), ' ');
      for (char& c : candidate) c = alphabet[std::uniform_int_distribution<std::size_t>(0, alphabet.size() - 1)(rng)];
      accepted += check(candidate).has_value();
    }
  }
  CHECK(accepted < names.size() * 2000 / 100);  // random text is almost never a valid identifier
}
