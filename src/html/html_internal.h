// Pieces of src/html behind ExtractPage: main-text extraction and metadata over a gumbo
// tree, date normalisation. Only src/html (and its tests) use these. Thread-safe.
#pragma once

#include <gumbo.h>

#include <string>
#include <string_view>

#include "html/html.h"

namespace vigie::html::internal {

// Main text of the document under `root`: blocks separated by "\n\n". If `dateline` is
// given, it receives a date written in the article's container or just above it
// (DateInText), normalised, or "".
std::string ExtractMainText(const GumboNode* root, std::string* dateline = nullptr,
                            const MonthNames* months = nullptr);

// Metadata from <head>, JSON-LD, microdata, <time>, the URL and date-named elements.
PageMeta ExtractMeta(const GumboNode* root, std::string_view url,
                     const MonthNames* months = nullptr);

// The first date written in `text`: numeric ("07.12.2016", "2016-12-07") or, with `months`,
// with a month name ("7 December 2016", "December 7, 2016", "1er décembre 2016"); else "".
std::string DateInText(std::string_view text, const MonthNames* months);

// "2016-12-07T10:00:00+01:00", "2016/12/07", "07.12.2016", "20161207" -> "2016-12-07";
// "" when no plausible date (years 1990..2099) starts the string.
std::string NormalizeDate(std::string_view s);

// A date written in a URL path: /2016/12/07/, /2016-12-07, /20161207/ ; else "".
std::string DateFromUrl(std::string_view url);

// Host of a URL without "www.", lower-case; "" if none.
std::string HostOf(std::string_view url);

}  // namespace vigie::html::internal
