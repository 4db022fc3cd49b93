// Generated news articles for store and ingest benchmarks: French and English wire-style
// stories assembled from sentence patterns with real place names, actors, figures and
// dates, so that the real pipeline finds events, places, dates and quantities in them
// (unlike random words). Deterministic: article n is always the same text.
#pragma once

#include <cstdint>
#include <string>

namespace vigie::bench {

struct GeneratedArticle {
  std::string id, lang, outlet, date, text;
};

// About 1.5-2.5 KB of text, one sentence in four reporting an event (close to the dev
// set's density); even n are French, odd n English.
GeneratedArticle NewsArticle(uint64_t n);

// The same article as one JSON Lines record (id, source, date, lang, text).
std::string NewsArticleJsonl(uint64_t n);

}  // namespace vigie::bench
