#include "git/unit_builder.hpp"

#include "git/added_lines.hpp"
#include "source/read_file.hpp"
#include "util/glob.hpp"

#include <fmt/format.h>

#include <cstring>
#include <unordered_set>

namespace hookguard::git {
namespace {

std::string_view bytes_of(const git_blob* blob) {
  return {static_cast<const char*>(git_blob_rawcontent(blob)), std::size_t(git_blob_rawsize(blob))};
}

// A blob's bytes, or only its kind when it is over the size limit (never read then).
struct BlobContent {
  FileKind kind = FileKind::text;
  BlobPtr blob;
  std::shared_ptr<const std::string> data;
};

// `copy`: also copy the bytes out of libgit2 (the unit keeps them); else only the blob is held.
BlobContent read_blob(git_repository* repo, const git_oid& oid, std::uint64_t max_size, const std::string& path, bool copy) {
  // The empty blob need not exist: `git add -N` (intent to add) stages its id without writing it.
  static const git_oid k_empty_blob = parse_oid("e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
  if (git_oid_equal(&oid, &k_empty_blob)) return {FileKind::text, nullptr, copy ? std::make_shared<const std::string>() : nullptr};
  auto fail = [&](const char* doing) {
    return GitError(last_error(fmt::format("{} blob {} ({})", doing, oid_hex(oid), path)));
  };
  git_odb* raw_odb = nullptr;
  if (git_repository_odb(&raw_odb, repo) < 0) throw fail("opening the object database for");
  OdbPtr odb(raw_odb);
  std::size_t size = 0;
  git_object_t type = GIT_OBJECT_INVALID;
  if (git_odb_read_header(&size, &type, odb.get(), &oid) < 0) throw fail("cannot read");
  if (type != GIT_OBJECT_BLOB) throw GitError(fmt::format("object {} ({}) is not a blob", oid_hex(oid), path));
  BlobContent content;
  if (size > max_size) {
    content.kind = FileKind::oversize;
    return content;
  }
  git_blob* blob = nullptr;
  if (git_blob_lookup(&blob, repo, &oid) < 0) throw fail("cannot read");
  content.blob.reset(blob);
  content.kind = sniff_kind(bytes_of(blob));
  if (copy) content.data = std::make_shared<const std::string>(bytes_of(blob));
  return content;
}

bool is_file_mode(git_filemode_t mode) {
  return mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE || mode == GIT_FILEMODE_LINK;
}

}  // namespace

void UnitSink::error(std::string path, std::string message) {
  std::lock_guard lock(m_mutex);
  m_report.errors.push_back({std::move(path), 0, std::move(message)});
}

void UnitSink::skipped_gitlink(const std::string& path) {
  std::lock_guard lock(m_mutex);
  ++m_report.stats.skipped_gitlink;
  m_report.stats.skipped_paths.push_back(path + ": submodule (gitlink), not scanned");
}

void UnitSink::count_commit() {
  std::lock_guard lock(m_mutex);
  ++m_report.stats.commits;
}

bool UnitSink::first_sighting(const git_oid& oid, const std::string& path) {
  std::lock_guard lock(m_mutex);
  // Keyed by path too: the same content at two paths is two findings (the path is part of the
  // fingerprint and of what the user must fix).
  return m_seen.insert(std::string(reinterpret_cast<const char*>(oid.id), GIT_OID_RAWSZ) + path).second;
}

bool UnitBuilder::excluded(const std::string& rel_path) const {
  for (const auto& pattern : m_config.paths.exclude)
    if (util::gitignore_match(pattern, rel_path)) return true;
  return false;
}

std::vector<TreeChange> UnitBuilder::select(const std::vector<TreeChange>& changes) {
  // A file moved unchanged adds no lines (git's exact rename): its blob left another path here.
  std::unordered_set<std::string> deleted;
  for (const auto& c : changes)
    if (c.deleted() && is_file_mode(c.old_mode)) deleted.insert(oid_hex(c.old_oid));
  std::vector<TreeChange> selected;
  for (const auto& c : changes) {
    if (c.deleted()) continue;
    if (c.new_mode == GIT_FILEMODE_COMMIT) {
      m_sink.skipped_gitlink(c.path);
      continue;
    }
    if (c.added() && deleted.count(oid_hex(c.new_oid))) continue;
    if (excluded(c.path) || !m_sink.first_sighting(c.new_oid, c.path)) continue;
    selected.push_back(c);
  }
  return selected;
}

void UnitBuilder::add_selected(git_repository* repo, const std::vector<TreeChange>& selected, const std::string& commit,
                               const ExistsFn& exists) {
  for (const auto& c : selected) add_selected(repo, c, commit, exists);
}

void UnitBuilder::add_selected(git_repository* repo, const TreeChange& c, const std::string& commit, const ExistsFn& exists) {
  try {
    add_change(repo, c, commit, exists);
  } catch (const GitError& e) {
    m_sink.error(commit.empty() ? c.path : commit.substr(0, 12) + ":" + c.path, e.what());
  }
}

void UnitBuilder::add_diff(git_repository* repo, const std::vector<TreeChange>& changes, const std::string& commit,
                           const ExistsFn& exists) {
  add_selected(repo, select(changes), commit, exists);
}

void UnitBuilder::add_change(git_repository* repo, const TreeChange& change, const std::string& commit, const ExistsFn& exists) {
  ContentUnit unit;
  unit.path = unit.rel_path = change.path;
  unit.blob_id = oid_hex(change.new_oid);
  unit.commit = commit;
  unit.exists = exists;
  BlobContent now = read_blob(repo, change.new_oid, m_config.max_file_size, change.path, true);
  unit.kind = now.kind;
  unit.data = now.data;
  if (now.kind == FileKind::text && !change.added() && is_file_mode(change.old_mode)) {
    BlobContent before = read_blob(repo, change.old_oid, m_config.max_file_size, change.path, false);
    if (before.kind == FileKind::text)
      unit.added_lines = added_lines(before.blob ? bytes_of(before.blob.get()) : std::string_view(), *now.data);
  }
  m_sink.emit(std::move(unit));
}

void UnitBuilder::add_whole_blob(git_repository* repo, const git_oid& oid, const std::string& path, const std::string& commit,
                                 const ExistsFn& exists) {
  TreeChange c;
  c.path = path;
  c.new_oid = oid;
  c.new_mode = GIT_FILEMODE_BLOB;
  add_diff(repo, {c}, commit, exists);
}

void UnitBuilder::add_message(std::string text, LocationKind location, const std::string& commit, const std::string& ref) {
  ContentUnit unit;
  unit.location = location;
  unit.commit = commit;
  unit.ref = ref;
  unit.data = std::make_shared<const std::string>(std::move(text));
  m_sink.emit(std::move(unit));
}

}  // namespace hookguard::git
