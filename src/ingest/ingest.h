// ingest: readers that turn files, folders and standard input into Documents.
// Formats are detected by content (and extension as a hint). Bad records are reported
// through the problem callback with file and record, counted, and skipped; the read
// goes on. Functions are reentrant; callbacks run on the calling thread, in input order.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "html/html.h"
#include "vigie/document.h"
#include "vigie/status.h"

namespace vigie::ingest {

enum class Format { kText, kJsonLines, kHtml, kWarc, kGzip, kBinary, kEmpty };
const char* FormatName(Format f);

// Guesses the format of a whole input from its first bytes and its name: gzip magic,
// "WARC/1." header, an HTML start (<!DOCTYPE html, <html, …; or a .html/.htm name with
// markup), "{" for JSON Lines, else text. Gzip input is inflated and detected again.
Format DetectFormat(std::string_view bytes, std::string_view name);

struct ReadOptions {
  // Applied to documents whose source does not say (plain text, or JSON Lines without).
  std::string lang;
  std::string date;
  std::string outlet;
  // Files larger than this are refused (a clear error, not a crash).
  uint64_t max_file_bytes = uint64_t{1} << 31;
  // Month names of the language packs, for web pages whose date is written in words
  // ("7 décembre 2016"); when null only numeric dates are read from page text.
  std::shared_ptr<const html::MonthNames> months = nullptr;
};

enum class Severity { kWarning, kError };

struct Problem {
  Problem() = default;
  Problem(Origin o, Severity s, std::string m) : origin(std::move(o)), severity(s), message(std::move(m)) {}
  Origin origin;
  Severity severity = Severity::kError;
  std::string message;
};

using DocumentFn = std::function<void(Document&&)>;
using ProblemFn = std::function<void(const Problem&)>;

// Reads a file, a folder (recursively, in sorted path order), or "-" for standard input.
// Returns non-OK only when the path itself cannot be read at all (missing, unreadable);
// problems inside it go to `on_problem`.
Status ReadPath(const std::string& path, const ReadOptions& options, const DocumentFn& on_document,
                const ProblemFn& on_problem);

// Reads an in-memory input named `name` (used in messages), detecting its format.
void ReadBytes(std::string_view bytes, const std::string& name, const ReadOptions& options,
               const DocumentFn& on_document, const ProblemFn& on_problem);

}  // namespace vigie::ingest
