#include "pii_generators.hpp"

#include "detect/pii/validators.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace hookguard::test {

using pii::Validator;

namespace {

constexpr std::string_view k_digits = "0123456789";
constexpr std::string_view k_letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
constexpr std::string_view k_alnum = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

char pick(std::string_view from, std::mt19937_64& rng) {
  return from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(rng)];
}

std::string two_digits(int lo, int hi, std::mt19937_64& rng) {
  int n = std::uniform_int_distribution<int>(lo, hi)(rng);
  return {static_cast<char>('0' + n / 10), static_cast<char>('0' + n % 10)};
}

std::string_view check_alphabet(char placeholder) {
  return placeholder == '?' ? k_digits : placeholder == '!' ? k_letters : k_alnum;
}

bool is_placeholder(char c) { return c == '?' || c == '!' || c == '*'; }

void solve_from(Validator check, std::string& value, std::size_t pos, std::vector<std::string>& out) {
  while (pos < value.size() && !is_placeholder(value[pos])) ++pos;
  if (pos == value.size()) {
    if (check(value)) out.push_back(value);
    return;
  }
  char placeholder = value[pos];
  for (char c : check_alphabet(placeholder)) {
    value[pos] = c;
    solve_from(check, value, pos + 1, out);
  }
  value[pos] = placeholder;
}

}  // namespace

std::string random_body(std::string_view shape, std::mt19937_64& rng) {
  std::string out;
  for (char c : shape) {
    switch (c) {
      case '#': out += pick(k_digits, rng); break;
      case '@': out += pick(k_letters, rng); break;
      case '&': out += pick(k_alnum, rng); break;
      case 'y': out += two_digits(0, 99, rng); break;
      case 'm': out += two_digits(1, 12, rng); break;
      case 'd': out += two_digits(1, 28, rng); break;
      default: out += c;
    }
  }
  return out;
}

std::vector<std::string> solve_checks(const PiiScheme& scheme, const std::string& body) {
  std::vector<std::string> out;
  std::string value = body;
  if (Validator check = pii::find_validator(scheme.validator)) solve_from(check, value, 0, out);
  return out;
}

std::string generate_valid(const PiiScheme& scheme, std::mt19937_64& rng) {
  for (int attempt = 0; attempt < 5000; ++attempt) {
    auto solutions = solve_checks(scheme, random_body(scheme.shape, rng));
    if (!solutions.empty()) return solutions.front();
  }
  return {};
}

std::string read_pii_corpus(const std::string& name) {
  std::ifstream in(std::string(HOOKGUARD_SOURCE_DIR) + "/tests/corpus/pii/" + name, std::ios::binary);
  if (!in) throw std::runtime_error("missing corpus file " + name);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const std::vector<PiiScheme>& pii_schemes() {
  static const std::vector<PiiScheme> k_schemes = {
      {"payment_card", "4##############?", "card_number"},      {"payment_card", "51#############?", "cc"},
      {"payment_card", "2221###########?", "pan"},              {"payment_card", "34############?", "amex"},
      {"payment_card", "6011###########?", "card"},            {"payment_card", "3528###########?", "card"},
      {"payment_card", "36###########?", "card_no"},            {"payment_card", "62#############?", "card"},
      {"payment_card", "6759##########?", "card"},              {"luhn", "##############?", "imei"},
      {"iban_mod97", "DE??##################", "iban"},         {"iban_mod97", "GB??@@@@##############", "iban"},
      {"iban_mod97", "FR??#######################", "iban"},   {"iban_mod97", "NL??@@@@##########", "iban"},
      {"iban_mod97", "NO??###########", "iban"},               {"iban_mod97", "MT??@@@@#######################", "iban"},
      {"us_ssn", "#########", "ssn"},                          {"itin", "9##7#####", "itin"},
      {"npi", "1########?", "npi"},                            {"mbi", "1@&#@&#@@##", "mbi"},
      {"aba_routing", "0#######?", "routing_number"},          {"ca_sin", "########?", "sin"},
      {"br_cpf", "#########??", "cpf"},                        {"br_cnpj", "########0001??", "cnpj"},
      {"mx_curp", "@@@@ymdHNE@@@&?", "curp"},                  {"mx_rfc", "@@@@ymd&&&", "rfc"},
      {"uk_nino", "@@######@", "nino"},                        {"uk_nhs", "#########?", "nhs_number"},
      {"uk_driving_licence", "@@@@@#md#@@#&&", "driving_licence"}, {"ie_ppsn", "#######!", "ppsn"},
      {"ie_ppsn", "#######!A", "ppsn"},                        {"de_steuer_id", "##########?", "steuer_id"},
      {"de_id_document", "@########?", "ausweisnummer"},       {"de_kvnr", "@########?", "kvnr"},
      {"de_rvnr", "##dmy@##?", "rvnr"},                        {"de_lanr", "######?##", "lanr"},
      {"fr_nir", "1ym########??", "nir"},                      {"fr_siren", "########?", "siren"},
      {"fr_siret", "########?####?", "siret"},                {"es_dni", "########!", "dni"},
      {"es_nie", "X#######!", "nie"},                          {"es_cif", "A#######?", "cif"},
      {"it_codice_fiscale", "@@@@@@y@d@###!", "codice_fiscale"}, {"it_partita_iva", "#######001?", "partita_iva"},
      {"nl_bsn", "########?", "bsn"},                          {"be_nrn", "ymd###??", "rijksregisternummer", false},
      {"pl_pesel", "ymd####?", "pesel"},                       {"pl_nip", "#########?", "nip"},
      {"se_personnummer", "ymd###?", "personnummer"},          {"se_orgnr", "##5######?", "organisationsnummer"},
      {"fi_hetu", "dmy-###*", "hetu"},                         {"dk_cpr", "dmy####", "cpr"},
      {"no_fnr", "dmy###??", "fodselsnummer"},                 {"tr_tckn", "#########??", "tckn"},
      {"th_id", "1###########?", "thai_id"},                   {"in_aadhaar", "2##########?", "aadhaar"},
      {"in_pan", "@@@P@####@", "pan"},                         {"in_gstin", "27@@@P@####@1Z*", "gstin"},
      {"sg_nric", "S#######!", "nric"},                        {"sg_nric", "F#######!", "fin"},
      {"sg_uen", "########!", "uen"},                          {"sg_uen", "2015#####!", "uen"},
      {"kr_rrn", "ymd1#####?", "rrn"},                         {"kr_frn", "ymd5#####?", "frn"},
      {"kr_brn", "#########?", "brn"},                         {"jp_my_number", "###########?", "my_number"},
      {"au_tfn", "########?", "tfn"},                          {"au_abn", "??#########", "abn", false},
      {"au_acn", "########?", "acn"},                          {"au_medicare", "2#######?1", "medicare"},
      {"za_id", "ymd####08?", "id_number"},                    {"eu_vat", "ATU#######?", "vat"},
      {"eu_vat", "BE0#######??", "vat_id"},                    {"eu_vat", "BG########?", "vat"},
      {"eu_vat", "CY0#######!", "vat"},                        {"eu_vat", "CZ1######?", "dic"},
      {"eu_vat", "DE1#######?", "ust_id"},                     {"eu_vat", "DK1######?", "cvr"},
      {"eu_vat", "EE10######?", "vat"},                        {"eu_vat", "EL########?", "vat"},
      {"eu_vat", "ESA#######?", "vat"},                        {"eu_vat", "FI#######?", "vat"},
      {"eu_vat", "FR??########?", "tva"},                      {"eu_vat", "HR##########?", "oib"},
      {"eu_vat", "HU#######?", "vat"},                         {"eu_vat", "IE#######!", "vat"},
      {"eu_vat", "IT#######001?", "partita_iva"},              {"eu_vat", "LT#######1?", "pvm"},
      {"eu_vat", "LU######??", "tva", false},                  {"eu_vat", "LV4#########?", "pvn"},
      {"eu_vat", "MT1#####??", "vat", false},                  {"eu_vat", "NL########?B01", "btw", false},
      {"eu_vat", "PL#########?", "nip"},                       {"eu_vat", "PT1#######?", "nif"},
      {"eu_vat", "RO#######?", "cui"},                         {"eu_vat", "SE#########?01", "momsnr"},
      {"eu_vat", "SI1######?", "ddv"},                         {"eu_vat", "SK##7######?", "dic"},
      {"eu_vat", "GB#######??", "vat_number", false},          {"phone_number", "+49 30 #### ####", "phone"},
      {"phone_number", "+1 (415) 3##-####", "mobile"},
  };
  return k_schemes;
}

}  // namespace hookguard::test
