// geo::Skeleton: a transliteration-tolerant second key for names of Arabic (and other)
// origin that Latin-script news spells many ways: "Taëz" / "Ta'izz", "Hodeïda" /
// "Al Hudaydah", "Maaret al-Noomane" / "Ma'arrat al-Nu'man". Rules come from a table
// (gazetteer/transliteration.tsv) that the gazetteer file carries, so the compiler and the
// matcher read names the same way. Immutable once built; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "vigie/status.h"

namespace vigie::geo {

class Skeleton {
 public:
  // Parses the rule table (TSV: kind, from, to; `#` comments). `label` names it in errors.
  // Kinds: silent (characters deleted), article (words dropped unless nothing else is left),
  // rewrite (letters replaced inside a word before vowels are dropped; a `from` ending in
  // `$` only matches at the word's end), vowel (letters dropped after a word's first
  // letter; a word that starts with one starts with `to`, which does not count as a
  // consonant), country (names of places in this country get skeleton keys; no row: all).
  static StatusOr<Skeleton> Parse(std::string_view tsv, const std::string& label);

  // The skeleton of one word already folded (core::FoldForMatch) and cut at separators:
  // rewrites, each run of vowels one mark `_` (a final one dropped), doubled letters
  // collapsed ("taizz" -> "t_z", "hudaydah" -> "h_d_d"). Empty when the word holds a
  // character outside a-z and 0-9. `consonants` (if given) is increased by their count.
  std::string Word(std::string_view folded, size_t* consonants = nullptr) const;
  bool IsArticle(std::string_view folded_word) const {
    return folded_word.size() <= max_article_ && articles_.count(folded_word) > 0;
  }
  // The skeleton key of a whole name ("Ma'arrat al-Nu'man" -> "m_r_t n_m_n"), or "" when the
  // name is not in Latin letters or too short (fewer than 2 consonants, or 4 letters).
  std::string Name(std::string_view name) const;
  // Characters deleted before a name is cut into words (apostrophes, ayin marks).
  std::string DropSilent(std::string_view folded) const;
  // Whether DropSilent may delete something from `folded` (else it returns it unchanged).
  bool HasSilent(std::string_view folded) const {
    bool any = false;
    for (char c : folded) any |= silent_first_[static_cast<unsigned char>(c)];
    return any;
  }

  // Whether places of this country (ISO alpha-2) get skeleton keys.
  bool CoversCountry(std::string_view cc) const {
    return countries_.empty() || countries_.count(std::string(cc)) > 0;
  }

  const std::string& source() const { return source_; }

 private:
  struct Rewrite {
    std::string from, to;
    bool at_end = false;
  };
  std::string source_;
  std::vector<std::string> silent_;
  // Looked up by string_view without making a string (heterogeneous lookup).
  struct ViewHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_set<std::string, ViewHash, std::equal_to<>> articles_;
  std::unordered_set<std::string> countries_;
  std::vector<Rewrite> rewrites_;  // longest first
  std::vector<std::vector<uint16_t>> rewrites_by_first_ = std::vector<std::vector<uint16_t>>(256);  // indexes, in order
  size_t max_article_ = 0;
  bool vowel_[256] = {};
  bool rewrite_first_[256] = {};  // some rewrite starts with this byte
  bool silent_first_[256] = {};   // some silent string starts with this byte
  std::string initial_[256];      // what a vowel opening a word becomes
  size_t growth_ = 1;             // a rewrite makes a word at most this many times longer
  size_t initial_growth_ = 1;     // the longest initial_
};

}  // namespace vigie::geo
