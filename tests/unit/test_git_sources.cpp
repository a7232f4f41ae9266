// The git unit sources against real repositories built with the git CLI in a temp dir: which
// units come out (paths, commits, added lines), blobs deduplicated, gitlinks counted, renames
// adding nothing, the fingerprint key.
#include "git/sources.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

namespace fs = std::filesystem;
using namespace hookguard;

namespace {

// A throwaway repository; GIT_DIR points at it while the object lives.
struct TempRepo {
  fs::path dir;
  TempRepo() {
    char tmpl[] = "/tmp/hg-git-unit-XXXXXX";
    dir = ::mkdtemp(tmpl);
    git("init -q -b main .");
    ::setenv("GIT_DIR", (dir / ".git").c_str(), 1);
  }
  ~TempRepo() {
    ::unsetenv("GIT_DIR");
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  void git(const std::string& args) const {
    std::string cmd = "cd '" + dir.string() + "' && env -u GIT_DIR -u GIT_INDEX_FILE git -c user.name=t -c user.email=t@t " +
                      args + " >/dev/null 2>&1";
    REQUIRE(std::system(cmd.c_str()) == 0);
  }
  void write(const std::string& name, const std::string& text) const {
    fs::create_directories((dir / name).parent_path());
    std::FILE* f = std::fopen((dir / name).c_str(), "wb");
    std::fwrite(text.data(), 1, text.size(), f);
    std::fclose(f);
  }
};

struct Collected {
  std::map<std::string, ContentUnit> files;  // by path (file units; the last version emitted)
  std::multimap<std::string, std::string> versions;  // path -> content of every unit
  std::vector<ContentUnit> messages;
  Report report;
};

Collected collect(UnitSource& source) {
  Collected c;
  source.collect(
      [&](ContentUnit u) {
        if (u.location == LocationKind::file) {
          c.versions.emplace(u.path, std::string(u.text()));
          c.files[u.path] = std::move(u);
        }
        else c.messages.push_back(std::move(u));
      },
      c.report);
  return c;
}

}  // namespace

TEST_CASE("git staged source") {
  TempRepo repo;
  Config config;
  repo.write("keep.txt", "one\ntwo\n");
  repo.write("moved.txt", "same\n");
  repo.git("add . && git commit -qm base");
  SUBCASE("unborn HEAD would judge whole files; here: added lines of a modified file") {
    repo.write("keep.txt", "one\ntwo\nthree\n");
    repo.git("add keep.txt");
    auto c = collect(*git::make_staged_source(config));
    REQUIRE(c.files.count("keep.txt"));
    REQUIRE(c.files["keep.txt"].added_lines.size() == 1);
    CHECK(c.files["keep.txt"].added_lines[0].first == 3);
    CHECK(c.files["keep.txt"].commit.empty());
    CHECK(c.files["keep.txt"].text() == "one\ntwo\nthree\n");
  }
  SUBCASE("the index, not the working tree") {
    repo.write("new.txt", "staged\n");
    repo.git("add new.txt");
    repo.write("new.txt", "worktree\n");
    auto c = collect(*git::make_staged_source(config));
    CHECK(c.files["new.txt"].text() == "staged\n");
    CHECK(c.files["new.txt"].whole_file());
  }
  SUBCASE("rename without edit adds nothing; deletion adds nothing") {
    repo.git("mv moved.txt renamed.txt && git rm -q keep.txt");
    auto c = collect(*git::make_staged_source(config));
    CHECK(c.files.empty());
  }
  SUBCASE("identical new blobs at two paths are two units (each path is a finding)") {
    repo.write("a.txt", "dup\n");
    repo.write("b.txt", "dup\n");
    repo.git("add a.txt b.txt");
    auto c = collect(*git::make_staged_source(config));
    CHECK(c.files.size() == 2);
  }
  SUBCASE("exists() looks in the index") {
    repo.write("Dockerfile", "FROM x\n");
    repo.git("add Dockerfile");
    auto c = collect(*git::make_staged_source(config));
    REQUIRE(c.files["Dockerfile"].exists);
    CHECK(c.files["Dockerfile"].exists("keep.txt"));
    CHECK_FALSE(c.files["Dockerfile"].exists(".dockerignore"));
  }
}

TEST_CASE("git history source") {
  TempRepo repo;
  Config config;
  repo.write("a.txt", "1\n");
  repo.git("add . && git commit -qm first");
  repo.write("a.txt", "1\n2\n");
  repo.write("dir/b.txt", "b\n");
  repo.git("add . && git commit -qm second");
  repo.git("revert --no-edit HEAD");  // brings back a blob already seen
  auto source = git::make_history_source(config, "", "");
  auto c = collect(*source);
  CHECK(c.report.errors.empty());
  CHECK(c.report.stats.commits == 3);
  CHECK(c.messages.size() == 3);
  REQUIRE(c.files.count("dir/b.txt"));
  REQUIRE(c.files.count("a.txt"));
  CHECK(c.versions.count("a.txt") == 2);  // the revert brings back a blob already scanned
  CHECK(c.files["dir/b.txt"].commit.size() == 40);
  CHECK(source->fingerprint_key("").size() == 40);

  SUBCASE("a range judges only its commits") {
    auto range = git::make_history_source(config, "", "HEAD~2..HEAD~1");
    auto r = collect(*range);
    CHECK(r.report.stats.commits == 1);
    REQUIRE(r.files.count("a.txt"));
    REQUIRE(r.files["a.txt"].added_lines.size() == 1);
    CHECK(r.files["a.txt"].added_lines[0].first == 2);
  }
  SUBCASE("a bad range is an error, not a crash") {
    auto bad = git::make_history_source(config, "", "nope..HEAD");
    auto r = collect(*bad);
    CHECK_FALSE(r.report.errors.empty());
  }
}

// The root commit is remembered per (commit, root) in the cache dir: the next run's walk stops at
// a remembered commit, so a long history is walked once, not on every blocked commit.
TEST_CASE("fingerprint key: the root commit, remembered in the cache dir") {
  TempRepo repo;
  Config config;
  repo.write("a.txt", "1\n");
  repo.git("add . && git commit -qm one");
  for (int i = 2; i <= 4; ++i) {
    repo.write("a.txt", std::to_string(i) + "\n");
    repo.git("commit -qam more");
  }
  fs::path cache = repo.dir / "cache";
  auto source = git::make_history_source(config, "", "");
  std::string uncached = source->fingerprint_key("");
  REQUIRE(uncached.size() == 40);
  CHECK_FALSE(fs::exists(cache / "root-commits"));
  CHECK(source->fingerprint_key(cache.string()) == uncached);
  REQUIRE(fs::exists(cache / "root-commits"));

  // A memo that names HEAD~1 is where the next walk stops: prove it with a made-up root.
  std::string fake(40, 'f');
  repo.git("rev-parse HEAD~1 > cache/head1 && true");  // (the helper silences the last command)
  std::string head1;
  std::ifstream(cache / "head1") >> head1;
  std::ofstream(cache / "root-commits") << head1 << ' ' << fake << '\n';
  repo.write("a.txt", "5\n");
  repo.git("commit -qam five");
  CHECK(source->fingerprint_key(cache.string()) == fake);  // walked HEAD, HEAD~1: stopped there
  CHECK(source->fingerprint_key("") == uncached);          // without the memo: the real root

  // Garbage in the memo is ignored, and the file is rewritten with the real answer.
  std::ofstream(cache / "root-commits") << "not a memo\n";
  CHECK(source->fingerprint_key(cache.string()) == uncached);
  CHECK(source->fingerprint_key(cache.string()) == uncached);
}
