// Name keys: the one normalisation shared by the gazetteer compiler and the matcher, so
// that "Deir ez-Zor", "DEIR EZ ZOR" and "Deir Ez-Zôr" meet. Pure functions, thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::geo {

// Folds (core::FoldForMatch), reads apostrophes, hyphens and other ASCII punctuation as
// spaces, collapses spaces: "Deir ez-Zor" -> "deir ez zor", "Côte d'Ivoire" -> "cote d ivoire".
std::string NameKey(std::string_view name);

// Words of a key ("deir ez zor" -> {"deir","ez","zor"}).
std::vector<std::string_view> KeyWords(std::string_view key);

// Hash of a key as stored in the compiled gazetteer (XXH3-64).
uint64_t KeyHash(std::string_view key);

}  // namespace vigie::geo
