#include "detect/dockerfile/shell.hpp"

#include "detect/dockerfile/text.hpp"

#include <algorithm>
#include <cctype>

namespace hookguard::dockerfile {
namespace {

constexpr int k_max_depth = 32;  // $( $( ... ) ) nesting we follow

bool is_assignment(std::string_view w) {
  auto eq = w.find('=');
  if (eq == std::string_view::npos || eq == 0) return false;
  for (std::size_t i = 0; i < eq; ++i) {
    unsigned char c = static_cast<unsigned char>(w[i]);
    if (!(std::isalnum(c) || c == '_')) return false;
  }
  return !std::isdigit(static_cast<unsigned char>(w[0]));
}

bool is_keyword(std::string_view w) {
  static constexpr std::string_view k[] = {"if", "then", "else", "elif", "fi", "do", "done", "while",
                                           "until", "!", "{", "}", "time", "esac", ";;"};
  return std::find(std::begin(k), std::end(k), w) != std::end(k);
}

bool is_wrapper(std::string_view w) {
  return w == "sudo" || w == "env" || w == "exec" || w == "nohup" || w == "command" || w == "nice";
}

// Finds the end of a $( ... ) or `...` body starting at i (just inside the opener).
std::size_t matching_close(std::string_view s, std::size_t i, char open, char close) {
  int depth = 1;
  char quote = 0;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (quote) {
      if (c == quote) quote = 0;
      else if (c == '\\' && quote == '"') ++i;
    } else if (c == '\\') {
      ++i;
    } else if (c == '\'' || (c == '"' && open != '`')) {
      quote = c;
    } else if (c == close && --depth == 0) {
      return i;
    } else if (c == open && open != close) {
      ++depth;
    }
  }
  return s.size();
}

class Splitter {
 public:
  Splitter(Script& out, int depth) : m_out(out), m_depth(depth) {}

  void run(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) i = step(s, i);
    end_word();
    end_command(false);
  }

 private:
  // Handles the character at i; returns the index of the last character consumed.
  std::size_t step(std::string_view s, std::size_t i) {
    char c = s[i];
    if (c == '\'' || c == '"') return quoted(s, i);
    if (c == '\\') {
      if (i + 1 < s.size() && s[i + 1] != '\n') m_word.push_back(s[i + 1]), m_in_word = true;
      return i + 1;
    }
    if (c == '$' && i + 1 < s.size() && s[i + 1] == '(') return substitution(s, i + 2, '(', ')');
    if (c == '`') return substitution(s, i + 1, '`', '`');
    if (c == '#' && !m_in_word) return std::min(s.size(), s.find('\n', i)) - 1;
    if (is_space(c) && c != '\n') return end_word(), i;
    if (c == '<' || c == '>') return redirection(s, i);
    if (c == '|' || c == '&' || c == ';' || c == '\n' || c == '(' || c == ')') return operator_at(s, i);
    m_word.push_back(c);
    m_in_word = true;
    return i;
  }

  std::size_t quoted(std::string_view s, std::size_t i) {
    char q = s[i];
    m_in_word = true;
    for (++i; i < s.size() && s[i] != q; ++i) {
      if (q == '"' && s[i] == '\\' && i + 1 < s.size()) {
        m_word.push_back(s[++i]);
      } else if (q == '"' && s[i] == '$' && i + 1 < s.size() && s[i + 1] == '(') {
        i = substitution(s, i + 2, '(', ')');
      } else {
        m_word.push_back(s[i]);
      }
    }
    return i;
  }

  std::size_t substitution(std::string_view s, std::size_t body, char open, char close) {
    std::size_t end = matching_close(s, body, open, close);
    if (m_depth < k_max_depth) {
      Script inner;
      Splitter(inner, m_depth + 1).run(s.substr(body, end - body));
      m_nested.insert(m_nested.end(), inner.commands.begin(), inner.commands.end());
      m_out.has_pipe = m_out.has_pipe || inner.has_pipe;
    }
    m_word += "$(...)";
    m_in_word = true;
    return std::min(end, s.size() - 1);
  }

  std::size_t redirection(std::string_view s, std::size_t i) {
    if (m_in_word && all_digits(m_word)) m_word.clear(), m_in_word = false;
    end_word();
    while (i + 1 < s.size() && (s[i + 1] == '<' || s[i + 1] == '>' || s[i + 1] == '&' || s[i + 1] == '-')) ++i;
    m_skip_word = true;
    return i;
  }

  std::size_t operator_at(std::string_view s, std::size_t i) {
    char c = s[i];
    if (c == '&' && i + 1 < s.size() && s[i + 1] == '>') return redirection(s, i);
    end_word();
    bool doubled = i + 1 < s.size() && s[i + 1] == c && (c == '|' || c == '&' || c == ';');
    bool pipe = c == '|' && !doubled;
    end_command(pipe);
    if (pipe && i + 1 < s.size() && s[i + 1] == '&') ++i;
    return doubled ? i + 1 : i;
  }

  void end_word() {
    if (!m_in_word) return;
    if (m_skip_word) m_skip_word = false;
    else m_words.push_back(std::move(m_word));
    m_word.clear();
    m_in_word = false;
  }

  void end_command(bool piped_out) {
    if (piped_out) m_out.has_pipe = true;
    std::size_t first_new = m_out.commands.size();
    emit(m_words, 0);
    if (m_out.commands.size() > first_new) {
      m_out.commands[first_new].piped_in = m_pipe_pending;
      m_out.commands.back().piped_out = piped_out;
    }
    m_out.commands.insert(m_out.commands.end(), m_nested.begin(), m_nested.end());
    m_nested.clear();
    m_words.clear();
    m_pipe_pending = piped_out;
  }

  // Emits the command in words[from..], unwrapping keywords, assignments and wrappers.
  void emit(std::vector<std::string>& words, std::size_t from) {
    while (from < words.size() && (is_keyword(words[from]) || is_assignment(words[from]))) ++from;
    if (from >= words.size() || words[from] == "for" || words[from] == "case") return;
    Command cmd;
    cmd.name = std::string(basename(words[from]));
    cmd.args.assign(std::make_move_iterator(words.begin() + static_cast<std::ptrdiff_t>(from) + 1),
                    std::make_move_iterator(words.end()));
    if (is_wrapper(cmd.name)) {
      std::vector<std::string> rest = cmd.args;
      m_out.commands.push_back(std::move(cmd));
      std::size_t skip = 0;
      while (skip < rest.size() && starts_with(rest[skip], "-")) skip += (rest[skip] == "-u" || rest[skip] == "-g") ? 2 : 1;
      emit(rest, skip);
      return;
    }
    m_out.commands.push_back(std::move(cmd));
  }

  Script& m_out;
  int m_depth;
  std::vector<std::string> m_words;
  std::vector<Command> m_nested;
  std::string m_word;
  bool m_in_word = false;
  bool m_skip_word = false;
  bool m_pipe_pending = false;
};

// Short flags of one word: "-abc" -> a, b, c; "--name=x" -> name.
template <typename F>
void for_each_flag(std::string_view arg, F&& f) {
  if (arg == "-" || arg == "--" || arg.empty() || arg[0] != '-') return;
  if (starts_with(arg, "--")) return void(f(arg.substr(2, arg.find('=') - 2)));
  for (std::size_t i = 1; i < arg.size(); ++i) f(arg.substr(i, 1));
}

}  // namespace

bool Command::has_arg(std::string_view a) const { return std::find(args.begin(), args.end(), a) != args.end(); }

bool Command::has_any_arg(std::initializer_list<std::string_view> list) const {
  for (auto a : list)
    if (has_arg(a)) return true;
  return false;
}

bool Command::has_arg_prefix(std::string_view prefix) const {
  return std::any_of(args.begin(), args.end(), [&](const std::string& a) { return starts_with(a, prefix); });
}

bool Command::has_flag(std::string_view flag) const { return has_any_flag({flag}); }

bool Command::has_any_flag(std::initializer_list<std::string_view> flags) const {
  bool found = false;
  for (const auto& a : args)
    for_each_flag(a, [&](std::string_view f) {
      if (std::find(flags.begin(), flags.end(), f) != flags.end()) found = true;
    });
  return found;
}

std::vector<std::string> Command::operands(std::initializer_list<std::string_view> with_value) const {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const auto& a = args[i];
    if (a.empty() || a[0] != '-' || a == "-") {
      out.push_back(a);
      continue;
    }
    if (contains(a, "=")) continue;
    std::string_view flag = starts_with(a, "--") ? std::string_view(a).substr(2) : std::string_view(a).substr(1);
    if (std::find(with_value.begin(), with_value.end(), flag) != with_value.end()) ++i;
  }
  return out;
}

std::string Command::flag_value(std::string_view short_name, std::string_view long_name) const {
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string_view a = args[i];
    if (starts_with(a, "--") && a.substr(2, long_name.size()) == long_name) {
      auto rest = a.substr(2 + long_name.size());
      if (starts_with(rest, "=")) return std::string(rest.substr(1));
      if (rest.empty() && i + 1 < args.size()) return args[i + 1];
    } else if (a.size() >= 2 && a[0] == '-' && a[1] != '-' && a.substr(1, short_name.size()) == short_name) {
      auto rest = a.substr(1 + short_name.size());
      if (!rest.empty()) return std::string(rest);
      if (i + 1 < args.size()) return args[i + 1];
    }
  }
  return {};
}

bool Script::any(std::string_view name) const {
  return std::any_of(commands.begin(), commands.end(), [&](const Command& c) { return c.name == name; });
}

bool Script::any_with(std::string_view name, std::initializer_list<std::string_view> subcommands) const {
  return std::any_of(commands.begin(), commands.end(),
                     [&](const Command& c) { return c.name == name && c.has_any_arg(subcommands); });
}

Script parse_shell(std::string_view script) {
  Script out;
  Splitter(out, 0).run(script);
  return out;
}

}  // namespace hookguard::dockerfile
