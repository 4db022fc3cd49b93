// A folder is read a batch of files at a time: documents and problems must still come in
// the files' sorted order, across batch boundaries, with the same messages.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "ingest/ingest.h"

namespace vigie::ingest {
namespace {

namespace fs = std::filesystem;

TEST(IngestFolderTest, DocumentsAndProblemsInFileOrderAcrossBatches) {
  const fs::path dir =
      fs::temp_directory_path() / ("vigie_ingest_folder_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "sub");
  // 600 files (more than two batches), with an empty file, a binary file and one over the
  // size limit among them, and a sub-folder.
  std::vector<std::string> want;  // "doc NAME" or "problem NAME: MESSAGE", in order
  for (int i = 0; i < 600; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "%04d.txt", i);
    const fs::path p = (i % 97 == 5 ? dir / "sub" : dir) / name;
    std::ofstream out(p, std::ios::binary);
    if (i == 300) {
      out << "";
    } else if (i == 301) {
      out << std::string(
          "\x7F"
          "ELF\0\0\0",
          7);
    } else if (i == 302) {
      out << std::string(300, 'x');
    } else {
      out << "Le " << (i % 28 + 1) << " mars 2016, des tirs ont visé le quartier " << i << ".\n";
    }
  }
  ReadOptions options;
  options.max_file_bytes = 200;
  std::vector<std::string> got;
  std::vector<std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) files.push_back(e.path().string());
  std::sort(files.begin(), files.end(),
            [](const std::string& a, const std::string& b) { return fs::path(a) < fs::path(b); });
  Status st = ReadPath(
      dir.string(), options, [&](Document&& d) { got.push_back("doc " + d.origin.file); },
      [&](const Problem& p) { got.push_back("problem " + p.origin.file + ": " + p.message); });
  ASSERT_TRUE(st.ok());
  for (const std::string& f : files) {
    if (f.ends_with("0300.txt"))
      want.push_back("problem " + f + ": empty input, skipped");
    else if (f.ends_with("0301.txt"))
      want.push_back("problem " + f + ": binary file (not text), skipped");
    else if (f.ends_with("0302.txt"))
      want.push_back("problem " + f + ": file of 300 bytes exceeds the limit, skipped");
    else
      want.push_back("doc " + f);
  }
  EXPECT_EQ(got, want);
  fs::remove_all(dir);
}

// The walk's files are sorted by their strings with '/' ranked first, not as fs::path
// objects: names where the two orders of plain strings and of paths differ ("a-b" and
// "a/b", "a.txt" and "a/…", upper case, accents, a folder named like a file's prefix), at
// two depths, and the folder given with and without a trailing '/', come in fs::path order.
TEST(IngestFolderTest, FilesComeInPathOrder) {
  const fs::path dir =
      fs::temp_directory_path() / ("vigie_ingest_order_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  const char* const names[] = {"a-b.txt",  "a/b.txt",   "a/a b.txt",   "a.txt",
                               "a b.txt",  "A.txt",     "a0.txt",      "\xc3\xa9t\xc3\xa9.txt",
                               "e.txt",    "a/c/d.txt", "a/c-d.txt",   "a-/x.txt",
                               "ab/x.txt", "a!.txt",    "z/a/b/c.txt", "z.txt",
                               "0.txt",    "~.txt"};
  for (const char* n : names) {
    const fs::path p = dir / n;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary)
        << "Des tirs ont vis\xc3\xa9 le quartier " << n << " hier.\n";
  }
  for (const std::string& root : {dir.string(), dir.string() + "/"}) {
    std::vector<fs::path> want;
    for (const auto& e : fs::recursive_directory_iterator(root))
      if (e.is_regular_file()) want.push_back(e.path());
    std::sort(want.begin(), want.end());
    ASSERT_EQ(want.size(), std::size(names));
    std::vector<std::string> got;
    Status st = ReadPath(
        root, ReadOptions(), [&](Document&& d) { got.push_back(d.origin.file); },
        [](const Problem&) {});
    ASSERT_TRUE(st.ok());
    ASSERT_EQ(got.size(), want.size());
    for (size_t i = 0; i < got.size(); ++i) EXPECT_EQ(got[i], want[i].string()) << i;
  }
  fs::remove_all(dir);
}

// A device or a pipe has no size to check first: reading stops at the limit.
TEST(IngestFolderTest, ANonRegularFileStopsAtTheSizeLimit) {
  if (!fs::exists("/dev/zero")) GTEST_SKIP() << "no /dev/zero on this system";
  ReadOptions options;
  options.max_file_bytes = 1 << 20;
  std::vector<std::string> problems;
  size_t docs = 0;
  Status st = ReadPath(
      "/dev/zero", options, [&](Document&&) { ++docs; },
      [&](const Problem& p) { problems.push_back(p.message); });
  (void)st;
  EXPECT_EQ(docs, 0u);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("exceeds the limit"), std::string::npos) << problems[0];
}

}  // namespace
}  // namespace vigie::ingest
