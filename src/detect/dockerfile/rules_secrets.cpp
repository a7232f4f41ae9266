// Credentials in ARG/ENV: sensitive names (hadolint DL3064) and literal secret values baked in.
#include "detect/dockerfile/key_values.hpp"
#include "detect/dockerfile/lint.hpp"
#include "detect/dockerfile/text.hpp"

#include <algorithm>
#include <cctype>

namespace hookguard::dockerfile {
namespace {

constexpr std::string_view k_known_names[] = {
    "ACCESS_TOKEN", "APPLICATION_KEY", "APP_SECRET", "AUTH_TOKEN", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
    "BITTREX_API_KEY", "BITTREX_API_SECRET", "CF_PASSWORD", "CF_USERNAME", "CIRCLE_TOKEN", "CI_DEPLOY_PASSWORD",
    "CI_DEPLOY_USER", "DOCKERHUB_PASSWORD", "DOCKER_EMAIL", "DOCKER_PASSWORD", "DOCKER_USERNAME",
    "FACEBOOK_ACCESS_TOKEN", "FACEBOOK_APP_ID", "FACEBOOK_APP_SECRET", "FIREBASE_API_TOKEN", "FIREBASE_TOKEN",
    "FOSSA_API_KEY", "GH_ENTERPRISE_TOKEN", "GH_TOKEN", "GITHUB_ENTERPRISE_TOKEN", "GITHUB_TOKEN", "HEROKU_API_KEY",
    "HEROKU_API_USER", "NPM_AUTH_TOKEN", "NPM_TOKEN", "OKTA_AUTHN_GROUPID", "OKTA_CLIENT_ORGURL", "OKTA_CLIENT_TOKEN",
    "OKTA_OAUTH2_CLIENTID", "OKTA_OAUTH2_CLIENTSECRET", "OPENAI_API_KEY", "OS_PASSWORD", "OS_USERNAME",
    "POSTGRES_PASSWORD", "SLACK_TOKEN", "STRIPE_API_KEY", "STRIPE_DEVICE_NAME", "TRAVIS_OS_NAME",
    "TRAVIS_SECURE_ENV_VARS", "TRAVIS_SUDO", "VAULT_CLIENT_KEY", "VAULT_TOKEN"};

constexpr std::string_view k_suspicious[] = {"api_key", "client_key", "password", "private", "secret", "token", "username"};

// hadolint DL3064's test on a variable name.
bool sensitive_name(std::string_view name) {
  std::string up = upper(name), low = lower(name);
  if (std::find(std::begin(k_known_names), std::end(k_known_names), up) != std::end(k_known_names)) return true;
  return std::any_of(std::begin(k_suspicious), std::end(k_suspicious), [&](std::string_view s) { return contains(low, s); });
}

// Names that hold a credential (not a user name or a pointer to one).
bool credential_name(std::string_view name) {
  std::string low = lower(name);
  if (ends_with(low, "_file") || ends_with(low, "_path") || ends_with(low, "_dir") || contains(low, "username") ||
      ends_with(low, "_user") || ends_with(low, "_id") || ends_with(low, "_name") || ends_with(low, "_url"))
    return false;
  for (auto s : {"password", "passwd", "secret", "token", "api_key", "apikey", "private_key", "client_key", "access_key", "auth"})
    if (contains(low, s)) return true;
  return false;
}

bool known_token_shape(std::string_view v) {
  for (auto p : {"ghp_", "gho_", "ghs_", "ghu_", "github_pat_", "glpat-", "xoxb-", "xoxp-", "xoxa-", "sk_live_", "rk_live_",
                 "AIza", "-----BEGIN", "npm_", "hf_"})
    if (starts_with(v, p) && v.size() >= 16) return true;
  return v.size() == 20 && starts_with(v, "AKIA") &&
         std::all_of(v.begin(), v.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)); });
}

bool placeholder(std::string_view v) {
  std::string low = lower(v);
  for (auto p : {"changeme", "change_me", "placeholder", "example", "dummy", "xxxx", "<", "***", "none", "null", "true", "false"})
    if (contains(low, p)) return true;
  return starts_with(v, "/") || starts_with(v, "./") || contains(v, "$") || v.size() < 6;
}

template <typename F>
void for_each_variable(const Lint& l, F&& f) {
  for (const auto& u : l.model.units)
    if (u.ins->keyword == "ARG" || u.ins->keyword == "ENV")
      for (const auto& kv : key_values(u.ins->args, l.file.escape)) f(u, kv);
}

void sensitive_variable(Lint& l) {
  std::vector<const Unit*> reported;
  for_each_variable(l, [&](const Unit& u, const KeyValue& kv) {
    if (!sensitive_name(kv.key) || std::count(reported.begin(), reported.end(), &u)) return;
    reported.push_back(&u);
    l.report("dockerfile-sensitive-env-arg", u, u.ins->keyword + " `" + kv.key + "` looks like it carries a credential into the image");
  });
}

void secret_value(Lint& l) {
  for_each_variable(l, [&](const Unit& u, const KeyValue& kv) {
    if (!kv.has_value || placeholder(kv.value)) return;
    if (credential_name(kv.key) || known_token_shape(kv.value))
      l.report("dockerfile-secret-in-env-arg", u, u.ins->keyword + " `" + kv.key + "` sets a literal secret value",
                 u.ins->keyword + " " + kv.key + "=" + redact(kv.value));
  });
}

}  // namespace

std::string variables_excerpt(const Instruction& ins, char escape) {
  std::string out = ins.keyword;
  for (const auto& kv : key_values(ins.args, escape)) {
    out += " " + kv.key;
    if (!kv.has_value) continue;
    bool hide = sensitive_name(kv.key) || credential_name(kv.key) || known_token_shape(kv.value);
    out += "=" + (hide && !kv.value.empty() ? redact(kv.value) : kv.value);
  }
  return out.substr(0, 160);
}

namespace {

constexpr RuleDef k_rules[] = {
    {"dockerfile-sensitive-env-arg", sensitive_variable},
    {"dockerfile-secret-in-env-arg", secret_value},
};

}  // namespace

std::span<const RuleDef> secret_rules() { return k_rules; }

}  // namespace hookguard::dockerfile
