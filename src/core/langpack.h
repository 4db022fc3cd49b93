// Language packs: folders of reviewable TSV tables (langpacks/<lang>/*.tsv) plus a
// manifest. This unit reads them; stages interpret the tables they own. A loaded
// PackSet is immutable and safe to share between threads.
//
// TSV rules: UTF-8, one record per line, tab-separated; lines starting with '#' and blank
// lines are skipped; the first other line is the header naming the columns.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/status.h"

namespace vigie::core {

struct TsvTable {
  std::string path;
  std::vector<std::string> columns;
  std::vector<std::vector<std::string>> rows;   // each row padded to columns.size()
  std::vector<uint32_t> lines;                  // 1-based source line of each row

  // Index of a column, or -1.
  int Column(std::string_view name) const;
  // All values of one column (empty if the column is absent).
  std::vector<std::string> Values(std::string_view column) const;
};

// Parses TSV text; `path` is used in error messages only.
StatusOr<TsvTable> ParseTsv(std::string_view text, std::string path);
StatusOr<TsvTable> ReadTsv(const std::string& path);

class LangPack {
 public:
  // Loads every *.tsv in `dir`. manifest.tsv must give at least `lang`.
  static StatusOr<LangPack> Load(const std::string& dir);

  const std::string& lang() const { return lang_; }
  const std::string& dir() const { return dir_; }
  // Manifest value, or empty.
  std::string Manifest(std::string_view key) const;
  // Table by file stem ("boilerplate" for boilerplate.tsv), or nullptr.
  const TsvTable* Table(std::string_view name) const;

 private:
  std::string lang_;
  std::string dir_;
  std::map<std::string, std::string, std::less<>> manifest_;
  std::map<std::string, TsvTable, std::less<>> tables_;
};

class PackSet {
 public:
  // Loads every sub-folder of `root` that holds a manifest.tsv.
  static StatusOr<std::shared_ptr<const PackSet>> Load(const std::string& root);
  // Pack for a language, or nullptr.
  const LangPack* Get(std::string_view lang) const;
  std::vector<std::string> Languages() const;
  const std::string& root() const { return root_; }

 private:
  std::string root_;
  std::map<std::string, LangPack, std::less<>> packs_;
};

// Where packs live: $VIGIE_PACKS, else <exe>/../share/vigie/langpacks, else the source tree.
std::string DefaultPackRoot();

// Reads a whole file. NotFound / IoError name the path.
StatusOr<std::string> ReadFile(const std::string& path);

}  // namespace vigie::core
