#include "detect/dockerfile/model.hpp"

#include "detect/dockerfile/key_values.hpp"
#include "detect/dockerfile/text.hpp"

#include <algorithm>
#include <cctype>

namespace hookguard::dockerfile {
namespace {

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

struct Lookup {
  std::optional<std::string> value;  // nullopt = unknown
  bool declared = false;
};

Lookup lookup(const Vars& vars, std::string_view name) {
  auto it = vars.find(name);
  if (it == vars.end()) return {std::nullopt, false};
  return {it->second, true};
}

// Expands the body of ${...} into out.
void expand_braced(std::string_view body, const Vars& vars, char escape, Expanded& out) {
  std::size_t n = 0;
  while (n < body.size() && is_name_char(body[n])) ++n;
  Lookup v = lookup(vars, body.substr(0, n));
  std::string_view op = body.substr(n);
  bool colon = starts_with(op, ":");
  if (colon) op.remove_prefix(1);
  bool set = v.value && (!colon || !v.value->empty());
  if (!op.empty() && op[0] == '-') {
    if (set) return void(out.text += *v.value);
    Expanded word = expand(op.substr(1), vars, escape);
    out.text += word.text;
    out.unresolved = out.unresolved || word.unresolved;
    return;
  }
  if (!op.empty() && op[0] == '+') {
    if (v.declared && !v.value) return void(out.unresolved = true);
    if (set) out.text += std::string(op.substr(1));
    return;
  }
  if (v.value) out.text += *v.value;
  else out.unresolved = true;
}

std::string_view first_word(std::string_view s) {
  s = trim(s);
  std::size_t end = 0;
  while (end < s.size() && !is_space(s[end])) ++end;
  return s.substr(0, end);
}

bool is_shell_program(std::string_view word) {
  auto b = basename(word);
  return b == "sh" || b == "bash" || b == "ash" || b == "dash" || b == "zsh";
}

bool is_non_posix(std::string_view program) {
  std::string b = lower(basename(program));
  return starts_with(b, "powershell") || starts_with(b, "pwsh") || b == "cmd" || b == "cmd.exe";
}

// Shell-form text without its heredoc markers ("cat <<EOF > /x" -> "cat > /x").
std::string without_markers(std::string_view text) {
  std::string out;
  for (const auto& w : split_words(text, '\0')) {
    if (starts_with(w, "<<") && !starts_with(w, "<<<")) continue;
    if (!out.empty()) out.push_back(' ');
    out += w;
  }
  return out;
}

class Builder {
 public:
  Builder(const Dockerfile& file, const std::vector<std::uint32_t>& pragmas) : m_file(file), m_pragmas(pragmas) {}

  Model run() {
    for (const auto& ins : m_file.instructions) add(ins);
    mark_reaching_stages();
    return std::move(m_model);
  }

 private:
  void add(const Instruction& ins) {
    if (ins.keyword == "FROM") start_stage(ins);
    while (m_next_pragma < m_pragmas.size() && m_pragmas[m_next_pragma] < ins.line) ++m_next_pragma, m_posix = false;
    if (ins.keyword == "ARG") declare_args(ins);
    if (ins.keyword == "ENV") set_env(ins);
    if (ins.keyword == "SHELL" && !ins.json_args.empty()) m_posix = !is_non_posix(ins.json_args[0]), m_shell = ins.json_args[0];
    Unit unit;
    unit.outer = &ins;
    unit.ins = ins.inner ? ins.inner.get() : &ins;
    unit.onbuild = ins.inner != nullptr;
    unit.stage = static_cast<int>(m_model.stages.size()) - 1;
    unit.posix_shell = m_posix;
    unit.shell = m_shell;
    const Instruction& eff = *unit.ins;
    if (eff.keyword == "RUN") {
      if (m_posix) unit.script = parse_shell(run_script(eff));
    } else if (eff.keyword == "FROM") {
      if (!unit.onbuild) unit.expanded = {m_model.stages.back().image_text, m_model.stages.back().image.unresolved};
    } else {
      unit.expanded = expand(eff.args, m_vars, m_file.escape);
    }
    m_model.units.push_back(std::move(unit));
  }

  void start_stage(const Instruction& ins) {
    m_vars.clear();
    m_posix = true;
    m_shell = "/bin/sh";
    Stage st;
    st.index = m_model.stages.size();
    st.from = &ins;
    auto words = split_words(ins.args, m_file.escape);
    if (words.size() >= 3 && lower(words[1]) == "as") st.name = lower(words[2]);
    Expanded image = expand(words.empty() ? std::string() : words[0], m_model.global_args, m_file.escape);
    st.image_text = image.text;
    st.image = parse_image_ref(image.text);
    st.image.unresolved = image.unresolved;
    if (const Flag* p = ins.flag("platform")) st.platform = p->value;
    if (const Stage* parent = m_model.stage_named(image.text)) st.parent = static_cast<int>(parent->index);
    if (!st.name.empty()) m_model.stage_names.emplace(st.name, st.index);
    m_model.stages.push_back(std::move(st));
  }

  void mark_reaching_stages() {
    auto& stages = m_model.stages;
    if (!stages.empty()) stages.back().reaches_image = true;
    for (std::size_t i = stages.size(); i-- > 0;)
      if (stages[i].reaches_image && stages[i].parent >= 0) stages[static_cast<std::size_t>(stages[i].parent)].reaches_image = true;
  }

  void declare_args(const Instruction& ins) {
    bool global = m_model.stages.empty();
    Vars& target = global ? m_model.global_args : m_vars;
    for (const auto& w : split_words(ins.args, m_file.escape)) {
      auto eq = w.find('=');
      std::string name = w.substr(0, eq);
      if (eq != std::string::npos) {
        Expanded v = expand(std::string_view(w).substr(eq + 1), target, m_file.escape);
        target[name] = v.unresolved ? std::nullopt : std::optional<std::string>(v.text);
      } else if (auto it = m_model.global_args.find(name); !global && it != m_model.global_args.end()) {
        target[name] = it->second;
      } else {
        target[name] = std::nullopt;
      }
    }
  }

  void set_env(const Instruction& ins) {
    for (const auto& kv : key_values(ins.args, m_file.escape)) {
      Expanded v = expand(kv.value, m_vars, m_file.escape);
      m_vars[kv.key] = v.unresolved ? std::nullopt : std::optional<std::string>(v.text);
    }
  }

  const Dockerfile& m_file;
  const std::vector<std::uint32_t>& m_pragmas;
  std::size_t m_next_pragma = 0;
  Model m_model;
  Vars m_vars;
  bool m_posix = true;
  std::string m_shell = "/bin/sh";
};

}  // namespace

Expanded expand(std::string_view text, const Vars& vars, char escape) {
  Expanded out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == escape && i + 1 < text.size() && text[i + 1] == '$') {
      out.text.push_back('$');
      ++i;
    } else if (c != '$' || i + 1 >= text.size()) {
      out.text.push_back(c);
    } else if (text[i + 1] == '{') {
      std::size_t close = i + 2;
      for (int depth = 1; close < text.size(); ++close) {
        if (text[close] == '{') ++depth;
        if (text[close] == '}' && --depth == 0) break;
      }
      expand_braced(text.substr(i + 2, close - i - 2), vars, escape, out);
      i = close;
    } else if (is_name_char(text[i + 1])) {
      std::size_t n = i + 1;
      while (n < text.size() && is_name_char(text[n])) ++n;
      expand_braced(text.substr(i + 1, n - i - 1), vars, escape, out);
      i = n - 1;
    } else {
      out.text.push_back(c);
    }
  }
  return out;
}

ImageRef parse_image_ref(std::string_view text) {
  ImageRef ref;
  text = trim(text);
  if (auto at = text.find('@'); at != std::string_view::npos) {
    ref.digest = std::string(text.substr(at + 1));
    text = text.substr(0, at);
  }
  auto slash = text.find('/');
  if (slash != std::string_view::npos) {
    auto head = text.substr(0, slash);
    if (contains(head, ".") || contains(head, ":") || head == "localhost") {
      ref.registry = lower(head);
      text = text.substr(slash + 1);
    }
  }
  auto colon = text.rfind(':');
  if (colon != std::string_view::npos && text.find('/', colon) == std::string_view::npos) {
    ref.tag = std::string(text.substr(colon + 1));
    text = text.substr(0, colon);
  }
  ref.name = std::string(text);
  return ref;
}

const Stage* Model::stage_named(std::string_view name) const {
  auto it = stage_names.find(lower(name));
  return it == stage_names.end() ? nullptr : &stages[it->second];
}

std::string run_script(const Instruction& run) {
  if (run.json_form) {
    const auto& a = run.json_args;
    if (a.empty() || is_non_posix(a[0])) return {};
    if (a.size() >= 3 && is_shell_program(a[0]) && starts_with(a[1], "-") && ends_with(a[1], "c")) return a[2];
    std::string joined;
    for (const auto& w : a) joined += (joined.empty() ? "" : " ") + w;
    return joined;
  }
  if (run.heredocs.empty()) return run.args;
  std::string command = without_markers(run.args);
  auto word = first_word(command);
  if (!command.empty() && !is_shell_program(word)) return command;
  std::string script;
  for (const auto& doc : run.heredocs) script += doc.body;
  return script;
}

Model build_model(const Dockerfile& file, const std::vector<std::uint32_t>& non_posix_pragma_lines) {
  return Builder(file, non_posix_pragma_lines).run();
}

}  // namespace hookguard::dockerfile
