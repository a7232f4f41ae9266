#include "detect/dockerfile/parser.hpp"

#include "detect/dockerfile/text.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace hookguard::dockerfile {
namespace {

constexpr std::array<std::string_view, 18> k_keywords = {
    "FROM", "RUN", "CMD", "LABEL", "MAINTAINER", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT",
    "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL"};

bool known_keyword(std::string_view k) {
  return std::find(k_keywords.begin(), k_keywords.end(), k) != k_keywords.end();
}

bool takes_flags(std::string_view k) {
  return k == "FROM" || k == "RUN" || k == "COPY" || k == "ADD" || k == "HEALTHCHECK";
}

bool may_be_json(std::string_view k) {
  return k == "RUN" || k == "CMD" || k == "ENTRYPOINT" || k == "SHELL" || k == "COPY" || k == "ADD" ||
         k == "VOLUME";
}

bool takes_heredoc(std::string_view k) { return k == "RUN" || k == "COPY" || k == "ADD"; }

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    pos = nl + 1;
  }
  if (!lines.empty() && lines.back().empty()) lines.pop_back();  // text ended with '\n'
  return lines;
}

// "--name=value" -> Flag. Quotes around the value are removed.
Flag parse_flag(std::string_view token) {
  Flag f;
  token.remove_prefix(2);
  auto eq = token.find('=');
  f.name = std::string(token.substr(0, eq));
  if (eq != std::string_view::npos) {
    f.has_value = true;
    f.value = unquote(token.substr(eq + 1));
  }
  return f;
}

// Leading flags of FROM/RUN/COPY/ADD/HEALTHCHECK; returns the rest.
std::string_view take_flags(std::string_view rest, std::vector<Flag>& flags) {
  rest = trim(rest);
  while (rest.size() > 2 && rest.substr(0, 2) == "--") {
    std::size_t end = 0;
    char quote = 0;
    for (; end < rest.size(); ++end) {
      char c = rest[end];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (is_space(c)) {
        break;
      }
    }
    flags.push_back(parse_flag(rest.substr(0, end)));
    rest = trim(rest.substr(end));
  }
  return rest;
}

// A heredoc marker found in an instruction line: <<[-]["']NAME["'].
struct Marker {
  std::string name;
  bool strip_tabs = false;
  bool quoted = false;
};

std::size_t parse_marker(std::string_view s, std::size_t i, Marker& m) {
  i += 2;
  if (i < s.size() && s[i] == '-') m.strip_tabs = true, ++i;
  char quote = 0;
  if (i < s.size() && (s[i] == '"' || s[i] == '\'')) quote = s[i++], m.quoted = true;
  std::size_t start = i;
  while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '_' || s[i] == '-' || s[i] == '.'))
    ++i;
  m.name = std::string(s.substr(start, i - start));
  if (quote && i < s.size() && s[i] == quote) ++i;
  return i;
}

// BuildKit only treats a word that starts with `<<` (or `N<<`, a file descriptor) as a heredoc:
// `$((1<<4))` is arithmetic.
bool starts_word(std::string_view s, std::size_t i) {
  while (i > 0 && std::isdigit(static_cast<unsigned char>(s[i - 1]))) --i;
  return i == 0 || is_space(s[i - 1]);
}

std::vector<Marker> find_markers(std::string_view s) {
  std::vector<Marker> out;
  char quote = 0;
  for (std::size_t i = 0; i + 2 < s.size(); ++i) {
    char c = s[i];
    if (quote) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '<' && s[i + 1] == '<' && s[i + 2] != '<' && starts_word(s, i)) {
      Marker m;
      std::size_t next = parse_marker(s, i, m);
      if (!m.name.empty()) out.push_back(std::move(m));
      i = next - 1;
    }
  }
  return out;
}

// A line that ends (before trailing blanks) with the escape character continues.
bool continues(std::string_view line, char escape, std::string_view& body) {
  auto t = rtrim(line);
  if (t.empty() || t.back() != escape) return false;
  body = t.substr(0, t.size() - 1);
  return true;
}

class Parser {
 public:
  explicit Parser(std::string_view text) : m_lines(split_lines(text)) {}

  Dockerfile run() {
    read_directives();
    while (m_next < m_lines.size()) step();
    return std::move(m_out);
  }

 private:
  // Parser directives: `# key=value` lines at the very top, before anything else.
  void read_directives() {
    while (m_next < m_lines.size()) {
      auto t = trim(m_lines[m_next]);
      if (t.empty() || t.front() != '#') return;
      auto body = trim(t.substr(1));
      auto eq = body.find('=');
      if (eq == std::string_view::npos) return;
      std::string key = lower(trim(body.substr(0, eq)));
      auto value = trim(body.substr(eq + 1));
      if (key == "escape") {
        if (value != "\\" && value != "`") add_error(m_next + 1, "invalid escape directive: " + std::string(value));
        else m_out.escape = value.front();
      } else if (key == "syntax") {
        m_out.syntax = std::string(value);
      } else if (key == "check") {
        m_out.check = std::string(value);
      } else {
        return;
      }
      ++m_next;
    }
  }

  void step() {
    auto line = m_lines[m_next];
    auto t = trim(line);
    if (t.empty()) return void(++m_next);
    if (t.front() == '#') {
      m_out.comments.push_back({static_cast<std::uint32_t>(m_next + 1), std::string(t.substr(1)), false});
      return void(++m_next);
    }
    read_instruction();
  }

  void read_instruction() {
    auto first = static_cast<std::uint32_t>(m_next + 1);
    auto column = static_cast<std::uint32_t>(m_lines[m_next].find_first_not_of(" \t") + 1);
    std::string logical;
    while (m_next < m_lines.size()) {
      std::string_view body;
      if (!continues(m_lines[m_next], m_out.escape, body)) {
        logical += m_lines[m_next++];
        break;
      }
      logical += body;
      ++m_next;
      skip_inner_comments();
    }
    auto last = static_cast<std::uint32_t>(m_next);
    Instruction ins = parse_instruction_text(logical, first, last, m_out.errors);
    ins.column = column;
    if (takes_heredoc(ins.keyword) || (ins.inner && takes_heredoc(ins.inner->keyword))) read_heredocs(ins, logical);
    m_out.instructions.push_back(std::move(ins));
  }

  // Blank and comment lines inside a continued instruction are dropped (Docker does the same).
  void skip_inner_comments() {
    while (m_next < m_lines.size()) {
      auto t = trim(m_lines[m_next]);
      if (!t.empty() && t.front() != '#') return;
      if (!t.empty())
        m_out.comments.push_back({static_cast<std::uint32_t>(m_next + 1), std::string(t.substr(1)), true});
      ++m_next;
    }
  }

  void read_heredocs(Instruction& ins, std::string_view logical) {
    for (auto& marker : find_markers(logical)) {
      Heredoc doc{marker.name, {}, marker.strip_tabs, marker.quoted, static_cast<std::uint32_t>(m_next + 1)};
      bool closed = false;
      while (m_next < m_lines.size()) {
        std::string_view body = m_lines[m_next++];
        if (marker.strip_tabs) body.remove_prefix(std::min(body.size(), body.find_first_not_of('\t')));
        if (body == marker.name) {
          closed = true;
          break;
        }
        doc.body.append(body).push_back('\n');
      }
      if (!closed) add_error(ins.line, "heredoc <<" + marker.name + " is not terminated");
      ins.end_line = static_cast<std::uint32_t>(m_next);
      ins.heredocs.push_back(std::move(doc));
    }
  }

  void add_error(std::size_t line, std::string message) {
    m_out.errors.push_back({static_cast<std::uint32_t>(line), std::move(message)});
  }

  std::vector<std::string_view> m_lines;
  std::size_t m_next = 0;
  Dockerfile m_out;
};

void check_arguments(const Instruction& ins, std::vector<ParseError>& errors) {
  if (ins.args.empty() && ins.keyword != "ONBUILD")
    errors.push_back({ins.line, ins.keyword + " requires at least one argument"});
  if (ins.keyword == "SHELL" && !ins.json_form && !ins.args.empty())
    errors.push_back({ins.line, "SHELL requires the arguments to be in JSON form"});
}

}  // namespace

const Flag* Instruction::flag(std::string_view name) const {
  for (const auto& f : flags)
    if (f.name == name) return &f;
  return nullptr;
}

Instruction parse_instruction_text(std::string_view text, std::uint32_t line, std::uint32_t end_line,
                                   std::vector<ParseError>& errors) {
  Instruction ins;
  ins.line = line;
  ins.end_line = end_line;
  text = trim(text);
  std::size_t kw_end = 0;
  while (kw_end < text.size() && !is_space(text[kw_end])) ++kw_end;
  ins.keyword = upper(text.substr(0, kw_end));
  ins.raw = std::string(trim(text.substr(kw_end)));
  if (!known_keyword(ins.keyword)) {
    errors.push_back({line, "unknown instruction: " + std::string(text.substr(0, std::min<std::size_t>(kw_end, 40)))});
    return ins;
  }
  std::string_view rest = ins.raw;
  if (takes_flags(ins.keyword)) rest = take_flags(rest, ins.flags);
  ins.args = std::string(trim(rest));
  if (may_be_json(ins.keyword) || ins.keyword == "HEALTHCHECK") {
    std::string_view json = ins.args;
    if (ins.keyword == "HEALTHCHECK" && json.size() > 3 && upper(json.substr(0, 3)) == "CMD") json = trim(json.substr(3));
    ins.json_form = parse_json_array(json, ins.json_args);
  }
  check_arguments(ins, errors);
  if (ins.keyword == "ONBUILD" && !ins.args.empty())
    ins.inner = std::make_shared<Instruction>(parse_instruction_text(ins.args, line, end_line, errors));
  else if (ins.keyword == "ONBUILD")
    errors.push_back({line, "ONBUILD requires an instruction"});
  return ins;
}

Dockerfile parse(std::string_view text) {
  if (starts_with(text, "\xEF\xBB\xBF")) text.remove_prefix(3);  // a UTF-8 BOM, as Docker ignores it
  return Parser(text).run();
}

std::vector<std::string> split_words(std::string_view text, char escape) {
  std::vector<std::string> words;
  std::string cur;
  bool in_word = false;
  char quote = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quote) {
      if (c == quote) quote = 0;
      else if (c == escape && quote == '"' && i + 1 < text.size()) cur.push_back(text[++i]);
      else cur.push_back(c);
    } else if (c == '"' || c == '\'') {
      quote = c, in_word = true;
    } else if (c == escape && i + 1 < text.size() && escape == '\\') {
      cur.push_back(text[++i]), in_word = true;
    } else if (is_space(c)) {
      if (in_word) words.push_back(std::move(cur)), cur.clear(), in_word = false;
    } else {
      cur.push_back(c), in_word = true;
    }
  }
  if (in_word) words.push_back(std::move(cur));
  return words;
}

}  // namespace hookguard::dockerfile
