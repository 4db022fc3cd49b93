#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <vector>

#include "ingest/ingest.h"

namespace vigie::ingest {
namespace {

struct Collected {
  std::vector<Document> docs;
  std::vector<Problem> problems;
  DocumentFn doc_fn() {
    return [this](Document&& d) { docs.push_back(std::move(d)); };
  }
  ProblemFn problem_fn() {
    return [this](const Problem& p) { problems.push_back(p); };
  }
};

TEST(DetectTest, ByContent) {
  EXPECT_EQ(DetectFormat("{\"text\":\"a\"}\n", "x.txt"), Format::kJsonLines);
  EXPECT_EQ(DetectFormat("Le 7 décembre", "x.jsonl"), Format::kJsonLines);
  EXPECT_EQ(DetectFormat("Le 7 décembre", "x"), Format::kText);
  EXPECT_EQ(DetectFormat("  \n ", "x"), Format::kEmpty);
  EXPECT_EQ(DetectFormat(std::string("\x7F" "ELF\0\0\0", 7), "x"), Format::kBinary);
}

TEST(JsonLinesTest, ReadsFieldsKeepsUnknownReportsBadLines) {
  Collected c;
  std::string input =
      "{\"id\":\"a1\",\"url\":\"http://x\",\"source\":\"Wire\",\"date\":\"2016-12-07\",\"title\":\"T\","
      "\"text\":\"Alep.\",\"tags\":[1,2],\"lang\":\"fr\"}\n"
      "{not json}\n"
      "\n"
      "{\"text\": 5}\n"
      "{\"title\": \"no text\"}\n"
      "[1,2]\n"
      "{\"text\":\"Second.\"}\n";
  ReadBytes(input, "in.jsonl", {}, c.doc_fn(), c.problem_fn());
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].id, "a1");
  EXPECT_EQ(c.docs[0].outlet, "Wire");
  EXPECT_EQ(c.docs[0].date, "2016-12-07");
  EXPECT_EQ(c.docs[0].lang, "fr");
  EXPECT_EQ(c.docs[0].raw, "Alep.");
  ASSERT_EQ(c.docs[0].extra.size(), 1u);
  EXPECT_EQ(c.docs[0].extra[0].first, "tags");
  EXPECT_EQ(c.docs[0].extra[0].second, "[1,2]");
  EXPECT_EQ(c.docs[1].id.size(), 16u);  // content hash
  ASSERT_EQ(c.problems.size(), 4u);
  EXPECT_EQ(c.problems[0].origin.ToString(), "in.jsonl:2");
  EXPECT_EQ(c.problems[1].origin.ToString(), "in.jsonl:4");
  EXPECT_EQ(c.problems[2].origin.ToString(), "in.jsonl:5");
  EXPECT_EQ(c.problems[3].origin.ToString(), "in.jsonl:6");
}

TEST(TextTest, IdIsContentHashAndDefaultsApply) {
  Collected a, b;
  ReadOptions o;
  o.date = "2020-01-01";
  o.outlet = "Desk";
  ReadBytes("Same text.", "a.txt", o, a.doc_fn(), a.problem_fn());
  ReadBytes("Same text.", "b.txt", o, b.doc_fn(), b.problem_fn());
  ASSERT_EQ(a.docs.size(), 1u);
  EXPECT_EQ(a.docs[0].id, b.docs[0].id);
  EXPECT_EQ(a.docs[0].date, "2020-01-01");
  EXPECT_EQ(a.docs[0].outlet, "Desk");
}

TEST(TextTest, InvalidUtf8IsRepairedAndCounted) {
  Collected c;
  ReadBytes("Alep \xFF\xFE fin.", "bad.txt", {}, c.doc_fn(), c.problem_fn());
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].invalid_utf8, 2u);
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].severity, Severity::kWarning);
}

TEST(TextTest, EmptyAndBinaryAreSkipped) {
  Collected c;
  ReadBytes("", "empty.txt", {}, c.doc_fn(), c.problem_fn());
  ReadBytes(std::string("\0\0\0binary", 9), "x.bin", {}, c.doc_fn(), c.problem_fn());
  EXPECT_TRUE(c.docs.empty());
  ASSERT_EQ(c.problems.size(), 2u);
  EXPECT_NE(c.problems[1].message.find("binary"), std::string::npos);
}

TEST(PathTest, WalksFoldersInSortedOrderAndReportsMissing) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "vigie_ingest_test";
  fs::remove_all(dir);
  fs::create_directories(dir / "sub");
  std::ofstream(dir / "b.txt") << "Second.";
  std::ofstream(dir / "a.txt") << "First.";
  std::ofstream(dir / "sub" / "c.jsonl") << "{\"text\":\"Third.\"}\n{\"text\":\"Fourth.\"}\n";
  std::ofstream(dir / ".hidden") << "skip";
  Collected c;
  ASSERT_TRUE(ReadPath(dir.string(), {}, c.doc_fn(), c.problem_fn()).ok());
  ASSERT_EQ(c.docs.size(), 4u);
  EXPECT_EQ(c.docs[0].raw, "First.");
  EXPECT_EQ(c.docs[1].raw, "Second.");
  EXPECT_EQ(c.docs[3].raw, "Fourth.");
  EXPECT_EQ(c.docs[3].origin.record, 2u);
  Status st = ReadPath((dir / "missing.txt").string(), {}, c.doc_fn(), c.problem_fn());
  EXPECT_EQ(st.code(), StatusCode::kNotFound);
  fs::remove_all(dir);
}

TEST(TextTest, FiftyMegabyteSingleLine) {
  std::string big(50u << 20, 'a');
  for (size_t i = 0; i < big.size(); i += 7) big[i] = ' ';
  Collected c;
  ReadBytes(big, "big.txt", {}, c.doc_fn(), c.problem_fn());
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].raw.size(), big.size());
}

}  // namespace
}  // namespace vigie::ingest
