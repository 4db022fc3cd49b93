// WARC 1.0/1.1 reader (ISO 28500), plain or gzip-compressed one member per record as Common
// Crawl ships it. Response records (and resource records) carrying HTML become Documents;
// request, metadata, warcinfo, revisit and other records are skipped. A truncated record,
// a Content-Length that does not land on the record end, or a broken gzip member is
// reported with its record number and byte offset, and reading resumes at the next record.
#include <cctype>
#include <string>

#include "core/gzip.h"
#include "ingest/ingest_internal.h"

namespace vigie::ingest::internal {

namespace {

struct Headers {
  std::string_view block;  // raw header lines
  // Value of a header (case-insensitive name), trimmed; "" if absent.
  std::string Get(std::string_view name) const {
    size_t pos = 0;
    while (pos < block.size()) {
      size_t eol = block.find('\n', pos);
      if (eol == std::string_view::npos) eol = block.size();
      std::string_view line = block.substr(pos, eol - pos);
      pos = eol + 1;
      size_t colon = line.find(':');
      if (colon != name.size()) continue;
      bool same = true;
      for (size_t i = 0; i < colon && same; ++i)
        same = std::tolower(static_cast<unsigned char>(line[i])) ==
               std::tolower(static_cast<unsigned char>(name[i]));
      if (!same) continue;
      std::string_view v = line.substr(colon + 1);
      while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
      while (!v.empty() && (v.back() == '\r' || v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
      return std::string(v);
    }
    return "";
  }
};

// Finds the blank line ending a header block at `from`; sets *body to the first body byte.
size_t HeaderEnd(std::string_view s, size_t from, size_t* body) {
  size_t crlf = s.find("\r\n\r\n", from);
  size_t lf = s.find("\n\n", from);
  if (crlf != std::string_view::npos && (lf == std::string_view::npos || crlf < lf)) {
    *body = crlf + 4;
    return crlf;
  }
  if (lf != std::string_view::npos) {
    *body = lf + 2;
    return lf;
  }
  return std::string_view::npos;
}

bool ParseLength(const std::string& s, uint64_t* out) {
  if (s.empty() || s.size() > 15) return false;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + uint64_t(c - '0');
  }
  *out = v;
  return true;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Decodes HTTP chunked transfer coding; returns false if malformed.
bool Dechunk(std::string_view in, std::string* out) {
  size_t pos = 0;
  while (pos < in.size()) {
    size_t eol = in.find('\n', pos);
    if (eol == std::string_view::npos) return false;
    uint64_t n = 0;
    size_t i = pos;
    int digits = 0;
    for (; i < eol && std::isxdigit(static_cast<unsigned char>(in[i])) && digits < 15; ++i, ++digits)
      n = n * 16 + uint64_t(std::isdigit(static_cast<unsigned char>(in[i]))
                                ? in[i] - '0'
                                : std::tolower(static_cast<unsigned char>(in[i])) - 'a' + 10);
    if (digits == 0) return false;
    pos = eol + 1;
    if (n == 0) return true;
    if (n > in.size() - pos) return false;
    out->append(in.substr(pos, n));
    pos += n;
    if (pos < in.size() && in[pos] == '\r') ++pos;
    if (pos < in.size() && in[pos] == '\n') ++pos;
  }
  return true;
}

struct WarcContext {
  const std::string& name;
  const ReadOptions& options;
  const DocumentFn& on_document;
  const ProblemFn& on_problem;
  uint64_t record = 0;  // 1-based record (or gzip member) number
};

void HandleRecord(const Headers& h, std::string_view block, WarcContext* ctx) {
  const std::string type = Lower(h.Get("WARC-Type"));
  const std::string ctype = Lower(h.Get("Content-Type"));
  Origin origin{ctx->name, ctx->record};
  std::string page_type;
  std::string_view payload;
  std::string decoded;
  if (type == "response" && ctype.find("application/http") != std::string::npos) {
    size_t body = 0;
    size_t end = HeaderEnd(block, 0, &body);
    if (!block.starts_with("HTTP/") || end == std::string_view::npos) {
      ctx->on_problem({origin, Severity::kError, "response record without HTTP headers, skipped"});
      return;
    }
    Headers http{block.substr(0, end)};
    size_t sp = block.find(' ');
    int status = 0;
    if (sp != std::string_view::npos && sp + 4 <= block.size())
      for (size_t i = sp + 1; i < sp + 4 && std::isdigit(static_cast<unsigned char>(block[i])); ++i)
        status = status * 10 + (block[i] - '0');
    if (status < 200 || status >= 300) return;  // redirects and errors carry no article
    page_type = http.Get("Content-Type");
    std::string lower_type = Lower(page_type);
    if (!lower_type.empty() && lower_type.find("html") == std::string::npos) return;
    payload = block.substr(body);
    if (Lower(http.Get("Transfer-Encoding")).find("chunked") != std::string::npos) {
      std::string plain;
      if (Dechunk(payload, &plain)) {
        decoded = std::move(plain);
        payload = decoded;
      }
    }
    std::string enc = Lower(http.Get("Content-Encoding"));
    if ((enc == "gzip" || enc == "x-gzip") && core::LooksGzip(payload)) {
      auto plain = core::Gunzip(payload, ctx->options.max_file_bytes);
      if (!plain.ok()) {
        ctx->on_problem({origin, Severity::kError, "gzip-encoded payload: " + plain.status().message()});
        return;
      }
      decoded = std::move(plain).value();
      payload = decoded;
    }
  } else if (type == "resource" && ctype.find("html") != std::string::npos) {
    page_type = h.Get("Content-Type");
    payload = block;
  } else {
    return;  // request, metadata, warcinfo, revisit, conversion, non-HTML resources
  }
  Document doc;
  doc.origin = origin;
  doc.url = h.Get("WARC-Target-URI");
  if (doc.url.size() >= 2 && doc.url.front() == '<' && doc.url.back() == '>')
    doc.url = doc.url.substr(1, doc.url.size() - 2);
  if (!FillFromPage(payload, page_type, ctx->options, &doc, ctx->on_problem)) return;
  if (FinishDocument(&doc, ctx->options, ctx->on_problem)) ctx->on_document(std::move(doc));
}

// Next "WARC/1." at a line start after `from`, or npos.
size_t NextRecordStart(std::string_view s, size_t from) {
  size_t p = from;
  while ((p = s.find("WARC/1.", p)) != std::string_view::npos) {
    if (p == 0 || s[p - 1] == '\n') return p;
    ++p;
  }
  return p;
}

// Reads every record in `data` (one gzip member's output, or a whole plain WARC).
// `base` is the byte offset of `data` in the file, for messages.
void ReadRecords(std::string_view data, uint64_t base, bool count_records, WarcContext* ctx) {
  size_t pos = 0;
  while (pos < data.size()) {
    // Skip blank lines between records.
    while (pos < data.size() && (data[pos] == '\r' || data[pos] == '\n')) ++pos;
    if (pos >= data.size()) break;
    if (count_records) ++ctx->record;
    Origin origin{ctx->name, ctx->record};
    const std::string at = " (byte " + std::to_string(base + pos) + ")";
    auto resync = [&](const std::string& why) {
      ctx->on_problem({origin, Severity::kError, why + at + ", skipped"});
      pos = NextRecordStart(data, pos + 1);
    };
    if (!data.substr(pos).starts_with("WARC/1.")) {
      resync("not a WARC record header");
      continue;
    }
    size_t body = 0;
    size_t hend = HeaderEnd(data, pos, &body);
    if (hend == std::string_view::npos) {
      resync("truncated WARC record (headers end missing)");
      continue;
    }
    Headers h{data.substr(pos, hend - pos)};
    uint64_t len = 0;
    if (!ParseLength(h.Get("Content-Length"), &len)) {
      resync("WARC record without a valid Content-Length");
      continue;
    }
    if (len > data.size() - body) {
      resync("truncated WARC record: Content-Length " + std::to_string(len) + " but " +
             std::to_string(data.size() - body) + " bytes remain");
      continue;
    }
    size_t after = body + len;
    std::string_view rest = data.substr(after);
    size_t next;
    if (rest.starts_with("\r\n\r\n")) next = after + 4;
    else if (rest.starts_with("\n\n")) next = after + 2;
    else if (rest.empty()) next = after;
    else {
      resync("WARC record end not found after Content-Length " + std::to_string(len) +
             " (wrong length?)");
      continue;
    }
    HandleRecord(h, data.substr(body, len), ctx);
    pos = next;
  }
}

}  // namespace

void ReadWarc(std::string_view bytes, const std::string& name, const ReadOptions& options,
              const DocumentFn& on_document, const ProblemFn& on_problem) {
  WarcContext ctx{name, options, on_document, on_problem};
  ReadRecords(bytes, 0, true, &ctx);
}

void ReadGzip(std::string_view bytes, const std::string& name, const ReadOptions& options,
              const DocumentFn& on_document, const ProblemFn& on_problem) {
  // Peek at the first member to choose between a member-per-record WARC and a plain .gz.
  std::string first;
  size_t consumed = 0;
  Status st = core::GunzipMember(bytes, options.max_file_bytes, &first, &consumed);
  const bool warc = first.starts_with("WARC/1.");
  if (!warc) {
    auto plain = core::Gunzip(bytes, options.max_file_bytes);
    if (!plain.ok()) {
      on_problem({{name, 0}, Severity::kError, "gzip: " + plain.status().message() + ", skipped"});
      return;
    }
    if (core::LooksGzip(*plain)) {
      on_problem({{name, 0}, Severity::kError, "gzip inside gzip, skipped"});
      return;
    }
    ReadBytes(*plain, name, options, on_document, on_problem);
    return;
  }
  WarcContext ctx{name, options, on_document, on_problem};
  size_t pos = 0;
  bool first_member = true;
  while (pos < bytes.size()) {
    std::string out;
    if (first_member) {
      out = std::move(first);
      first_member = false;
    } else {
      st = core::GunzipMember(bytes.substr(pos), options.max_file_bytes, &out, &consumed);
    }
    if (!st.ok()) {
      ++ctx.record;
      on_problem({{name, ctx.record}, Severity::kError,
                  "gzip member at byte " + std::to_string(pos) + ": " + st.message() + ", skipped"});
      size_t next = bytes.find("\x1f\x8b\x08", pos + 1);
      if (next == std::string_view::npos) break;
      pos = next;
      continue;
    }
    ReadRecords(out, 0, true, &ctx);
    pos += consumed;
    if (consumed == 0) break;
    // Trailing padding.
    if (pos < bytes.size() && !core::LooksGzip(bytes.substr(pos))) {
      size_t next = bytes.find("\x1f\x8b\x08", pos);
      if (bytes.substr(pos).find_first_not_of('\0') != std::string_view::npos)
        on_problem({{name, ctx.record}, Severity::kError,
                    "garbage after gzip member at byte " + std::to_string(pos) + ", skipped"});
      if (next == std::string_view::npos) break;
      pos = next;
    }
  }
}

}  // namespace vigie::ingest::internal
