// actors: finds who acts in a text — named actors from the packs' dictionaries
// (actors.tsv: "l'armée de Bachar Al-Assad" -> Syrian Arab Army, state_forces, SY) and
// generic ones from head nouns (actor_nouns.tsv: "rebelles", "civilians"), each grown to its
// noun phrase to read the framing label the text uses (labels.tsv: "terroristes" ->
// terrorist) and a nationality (demonyms.tsv). The label is what the outlet calls the
// actor, kept apart from its class. A Recognizer is immutable and thread-safe once built.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "actors/word_map.h"
#include "core/langpack.h"
#include "segment/segment.h"
#include "vigie/status.h"

namespace vigie::actors {

struct ActorMention {
  uint32_t start = 0, end = 0;            // the noun phrase, clean-text byte offsets
  uint32_t head_start = 0, head_end = 0;  // the dictionary entry or head noun inside it
  uint32_t first_token = 0, end_token = 0;
  std::string name;     // canonical name for dictionary actors, else empty
  std::string cls;      // EVENTS.md class
  std::string country;  // ISO 3166-1 alpha-2, or empty
  std::string label;    // EVENTS.md framing label, or empty
  bool named = false;   // found in the actor dictionary
};

class Recognizer {
 public:
  // Reads actors.tsv, actor_nouns.tsv, labels.tsv, demonyms.tsv and np_words.tsv of every
  // pack; phrases are tokenised with `segmenter` so they match the text's tokens.
  static StatusOr<Recognizer> Create(const core::PackSet& packs,
                                     const segment::Segmenter& segmenter);

  // Actor mentions of one document, in text order, not overlapping.
  // `folded`: segment::FoldTokens(text, seg) when the caller has it, else computed here.
  std::vector<ActorMention> Find(std::string_view text, const segment::Segmentation& seg,
                                 std::string_view lang,
                                 const std::vector<std::string>* folded = nullptr,
                                 const std::vector<size_t>* hashes = nullptr) const;

 private:
  struct Entry {
    std::vector<std::string> tokens;  // folded
    std::string name, cls, country, label;
    // Indices of tokens written as acronyms ("UN", "IS", "EI"): they match only the same
    // letters in capitals, so the article "un" or the verb "is" never does.
    std::vector<uint8_t> exact;
    std::vector<std::string> raw;
  };
  struct Lexicon {
    // First folded token -> entries, longest first.
    WordMap<std::vector<Entry>> phrases;
    WordMap<Entry> nouns;                // folded word -> class (+label)
    WordMap<std::vector<Entry>> labels;  // multi-word labels too
    WordMap<std::string> demonyms;       // folded word -> country
    WordMap<std::string> np_words;       // folded word -> role
    WordFilter starts;                   // first words of phrases, and nouns
    // The hashes of each table's keys.
    WordFilter phrase_keys, noun_keys, label_keys, demonym_keys, np_keys;
    // From the manifest's np_head: in "regime forces" English heads the noun phrase with
    // its last noun; French heads it with its first ("forces gouvernementales").
    bool head_last = false;
  };
  const Lexicon& For(std::string_view lang) const;
  static Status Load(const core::LangPack& pack, const segment::Segmenter& seg, Lexicon* lex);

  std::unordered_map<std::string, Lexicon> by_lang_;
  Lexicon all_;
};

}  // namespace vigie::actors
