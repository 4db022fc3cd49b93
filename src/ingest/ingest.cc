#include "ingest/ingest.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <vector>

#include "core/gzip.h"
#include "core/hash.h"
#include "core/langpack.h"
#include "core/utf8.h"
#include "html/html.h"
#include "ingest/ingest_internal.h"

namespace vigie::ingest {

namespace fs = std::filesystem;

const char* FormatName(Format f) {
  switch (f) {
    case Format::kText: return "text";
    case Format::kJsonLines: return "jsonl";
    case Format::kHtml: return "html";
    case Format::kWarc: return "warc";
    case Format::kGzip: return "gzip";
    case Format::kBinary: return "binary";
    case Format::kEmpty: return "empty";
  }
  return "unknown";
}

Format DetectFormat(std::string_view bytes, std::string_view name) {
  if (core::LooksGzip(bytes)) return Format::kGzip;
  if (bytes.starts_with("WARC/1.")) return Format::kWarc;
  size_t i = 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  while (i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t')) ++i;
  if (i == bytes.size()) return Format::kEmpty;
  if (core::LooksBinary(bytes)) return Format::kBinary;
  const bool jsonl_name = name.ends_with(".jsonl") || name.ends_with(".ndjson");
  if (bytes[i] == '{' || jsonl_name) return Format::kJsonLines;
  if (html::LooksLikeHtml(bytes)) return Format::kHtml;
  const bool html_name = name.ends_with(".html") || name.ends_with(".htm") ||
                         name.ends_with(".xhtml") || name.ends_with(".html.gz");
  if (html_name && bytes[i] == '<') return Format::kHtml;
  return Format::kText;
}

namespace internal {

void ReportError(const ProblemFn& on_problem, const std::string& file, const std::string& message) {
  Problem p;
  p.origin.file = file;
  p.severity = Severity::kError;
  p.message = message;
  on_problem(p);
}

bool FinishDocument(Document* doc, const ReadOptions& options, const ProblemFn& on_problem) {
  if (!core::IsValidUtf8(doc->raw)) {
    std::string fixed;
    doc->invalid_utf8 = core::RepairUtf8(doc->raw, &fixed);
    doc->raw = std::move(fixed);
    on_problem({doc->origin, Severity::kWarning,
                std::to_string(doc->invalid_utf8) + " invalid UTF-8 sequence(s) replaced by U+FFFD"});
  }
  if (doc->raw.find_first_not_of(" \t\r\n") == std::string::npos) {
    on_problem({doc->origin, Severity::kError, "empty document, skipped"});
    return false;
  }
  if (doc->lang.empty()) doc->lang = options.lang;
  if (doc->date.empty()) doc->date = options.date;
  if (doc->outlet.empty()) doc->outlet = options.outlet;
  if (doc->id.empty()) doc->id = core::HashHex(doc->raw);
  return true;
}

void ReadText(std::string_view bytes, const std::string& name, const ReadOptions& options,
              const DocumentFn& on_document, const ProblemFn& on_problem) {
  Document doc;
  doc.origin = {name, 0};
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  doc.raw.assign(bytes);
  if (FinishDocument(&doc, options, on_problem)) on_document(std::move(doc));
}

}  // namespace internal

void ReadBytes(std::string_view bytes, const std::string& name, const ReadOptions& options,
               const DocumentFn& on_document, const ProblemFn& on_problem) {
  switch (DetectFormat(bytes, name)) {
    case Format::kEmpty:
      internal::ReportError(on_problem, name, "empty input, skipped");
      return;
    case Format::kBinary:
      internal::ReportError(on_problem, name, "binary file (not text), skipped");
      return;
    case Format::kJsonLines:
      internal::ReadJsonLines(bytes, name, options, on_document, on_problem);
      return;
    case Format::kHtml:
      internal::ReadHtml(bytes, name, options, on_document, on_problem);
      return;
    case Format::kWarc:
      internal::ReadWarc(bytes, name, options, on_document, on_problem);
      return;
    case Format::kGzip:
      internal::ReadGzip(bytes, name, options, on_document, on_problem);
      return;
    case Format::kText:
      internal::ReadText(bytes, name, options, on_document, on_problem);
      return;
  }
}

namespace {

// A file's bytes, or why they could not be read.
struct Loaded {
  std::string path;
  std::string bytes;
  std::string error;  // non-empty: reported instead of reading the bytes
};

// Reads a file in one open, one fstat and reads straight into a string of its size (was:
// three stats, an ifstream and a copy through an ostringstream: ~25 us per file, the cost
// of a folder of small articles). Messages as core::ReadFile's.
Loaded LoadFile(const fs::path& p, const ReadOptions& options) {
  Loaded f;
  f.path = p.string();
  const std::string& path = f.path;
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int err = errno;
    f.error = err == ENOENT   ? "no such file: " + path
              : err == EISDIR ? path + " is a directory"
                              : "cannot open " + path + ": " + std::strerror(err);
    return f;
  }
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    f.error = path + " is a directory";
    return f;
  }
  const bool regular = S_ISREG(st.st_mode);
  if (regular && static_cast<uint64_t>(st.st_size) > options.max_file_bytes) {
    ::close(fd);
    f.error = "file of " + std::to_string(st.st_size) + " bytes exceeds the limit, skipped";
    return f;
  }
  // The size is a hint: a file that grows or a pipe is read until end of file (one byte
  // more than the size, so that the read which finds the end needs no growth).
  std::string& bytes = f.bytes;
  bytes.assign(regular ? static_cast<size_t>(st.st_size) + 1 : 65536, '\0');
  size_t have = 0;
  bool failed = false;
  for (;;) {
    if (have == bytes.size()) bytes.resize(std::max<size_t>(bytes.size() * 2, have + 65536));
    const ssize_t n = ::read(fd, bytes.data() + have, bytes.size() - have);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) failed = true;
    if (n <= 0) break;
    have += static_cast<size_t>(n);
    if (have > options.max_file_bytes) break;  // a pipe, a device or a file still growing
  }
  ::close(fd);
  if (!failed && have > options.max_file_bytes) {
    bytes.clear();
    f.error = "input of more than " + std::to_string(options.max_file_bytes) + " bytes exceeds the limit, skipped";
    return f;
  }
  if (failed) {
    bytes.clear();
    f.error = "cannot read " + path;
    return f;
  }
  bytes.resize(have);
  return f;
}

void ReadLoaded(const Loaded& f, const ReadOptions& options, const DocumentFn& on_document,
                const ProblemFn& on_problem) {
  if (!f.error.empty()) internal::ReportError(on_problem, f.path, f.error);
  else ReadBytes(f.bytes, f.path, options, on_document, on_problem);
}

void ReadOneFile(const fs::path& p, const ReadOptions& options, const DocumentFn& on_document,
                 const ProblemFn& on_problem) {
  ReadLoaded(LoadFile(p, options), options, on_document, on_problem);
}

// The files of a folder, read a batch at a time (up to 256 files or 4 MiB) before the
// batch is analysed: alternating one small read with one analysis cost ~20 us of CPU per
// file more than reading the same text in one piece (the kernel's work evicts the
// analysis's tables from the caches). Documents and problems come in the files' order.
void ReadFiles(const std::vector<fs::path>& files, const ReadOptions& options, const DocumentFn& on_document,
               const ProblemFn& on_problem) {
  constexpr size_t kBatchFiles = 256, kBatchBytes = size_t{4} << 20;
  std::vector<Loaded> batch;
  for (size_t i = 0; i < files.size();) {
    batch.clear();
    size_t bytes = 0;
    for (; i < files.size() && batch.size() < kBatchFiles && bytes < kBatchBytes; ++i) {
      batch.push_back(LoadFile(files[i], options));
      bytes += batch.back().bytes.size();
    }
    for (const Loaded& f : batch) ReadLoaded(f, options, on_document, on_problem);
  }
}

// The files of a walk in fs::path order (component by component) without comparing
// fs::path objects, which cost ~0.4 us a comparison: a folder of 15,000 files took 90 M
// instructions to sort. Every path begins with the folder given, and below it the walk puts
// one '/' between components, so comparing the strings with '/' ranked below every other
// byte (file names hold no NUL) orders them as fs::path does.
void SortAsPaths(std::vector<fs::path>* files) {
  std::vector<std::pair<std::string, size_t>> keys(files->size());
  for (size_t i = 0; i < files->size(); ++i) {
    keys[i].first = (*files)[i].native();
    std::replace(keys[i].first.begin(), keys[i].first.end(), '/', '\0');
    keys[i].second = i;
  }
  std::sort(keys.begin(), keys.end());
  std::vector<fs::path> sorted;
  sorted.reserve(files->size());
  for (const auto& k : keys) sorted.push_back(std::move((*files)[k.second]));
  *files = std::move(sorted);
}

}  // namespace

Status ReadPath(const std::string& path, const ReadOptions& options, const DocumentFn& on_document,
                const ProblemFn& on_problem) {
  if (path == "-") {
    std::string bytes((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    ReadBytes(bytes, "-", options, on_document, on_problem);
    return Status::Ok();
  }
  std::error_code ec;
  fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) return Status::NotFound("no such file or folder: " + path);
  if (fs::is_directory(st)) {
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(
             path, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec)) {
        std::string fname = it->path().filename().string();
        if (!fname.empty() && fname[0] == '.') continue;  // hidden files
        files.push_back(it->path());
      }
    }
    if (ec) internal::ReportError(on_problem, path, "cannot walk folder: " + ec.message());
    SortAsPaths(&files);
    ReadFiles(files, options, on_document, on_problem);
    return Status::Ok();
  }
  if (access(path.c_str(), R_OK) != 0) return Status::IoError("cannot read " + path);
  ReadOneFile(path, options, on_document, on_problem);
  return Status::Ok();
}

}  // namespace vigie::ingest
