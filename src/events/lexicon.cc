#include "events/lexicon.h"

#include <algorithm>
#include <cstring>

#include "core/text.h"

namespace vigie::events {

namespace {}  // namespace

// Tokens matched by pattern p at word i of a sentence of n words, or 0. A "..." pattern
// token skips up to three words that are not punctuation ("ont pris jeudi le contrôle").
// Words are compared by their hashes first (the segmenter's), then by their bytes.
uint32_t PhraseLexicon::MatchAt(const Pattern& p, const std::string* folded, const size_t* hashes,
                                uint32_t i, uint32_t n, const segment::Token* tokens, size_t k) {
  uint32_t j = i;
  for (; k < p.tokens.size(); ++k) {
    if (p.parts[k] == Part::kGap) {
      for (uint32_t skip = 0; skip <= 3 && j + skip < n; ++skip) {
        if (skip > 0 && tokens[j + skip - 1].kind == segment::TokenKind::kPunct) break;
        if (uint32_t m = MatchAt(p, folded, hashes, j + skip, n, tokens, k + 1))
          return m + (j - i) + skip;
      }
      return 0;
    }
    if (j >= n) return 0;
    const std::string& t = p.tokens[k];
    if (p.parts[k] == Part::kStem) {
      const size_t len = t.size() - 1;
      if (folded[j].size() < len || folded[j].compare(0, len, t, 0, len) != 0) return 0;
    } else if (hashes[j] != p.hashes[k] || folded[j] != t) {
      return 0;
    }
    ++j;
  }
  return j - i;
}

std::string_view PhraseLexicon::Key(std::string_view folded) {
  size_t n = std::min<size_t>(3, folded.size());
  while (n < folded.size() && (static_cast<unsigned char>(folded[n]) & 0xC0) == 0x80) ++n;
  return folded.substr(0, n);
}

uint64_t PhraseLexicon::StemKey(std::string_view folded) {
  std::string_view k = Key(folded);
  uint64_t v = 0;
  std::memcpy(&v, k.data(), std::min<size_t>(k.size(), sizeof v));
  return v;
}

void PhraseLexicon::Index(Table* t) {
  for (Pattern& p : t->patterns) {
    p.parts.clear();
    p.hashes.clear();
    for (const std::string& w : p.tokens) {
      const Part part = w == "..." ? Part::kGap : w.back() == '*' ? Part::kStem : Part::kWord;
      p.parts.push_back(part);
      p.hashes.push_back(part == Part::kWord ? actors::HashWord(w) : 0);
    }
  }
  std::stable_sort(t->patterns.begin(), t->patterns.end(), [](const Pattern& a, const Pattern& b) {
    return a.tokens.size() > b.tokens.size();
  });
  for (uint32_t i = 0; i < t->patterns.size(); ++i) {
    const std::string& w = t->patterns[i].tokens[0];
    if (w.back() == '*') {
      uint64_t k = StemKey(std::string_view(w).substr(0, w.size() - 1));
      t->stems[k].push_back(i);
      t->stem_filter.Add(k);
      const unsigned x = unsigned(k & 0xFF) | unsigned((k >> 8) & 0xFF) << 8;
      t->stem_starts[x >> 6] |= uint64_t(1) << (x & 63);
    } else {
      const Pattern& p = t->patterns[i];
      t->first_filter.Add(p.hashes[0]);
      if (p.tokens.size() >= 2 && p.parts[1] == Part::kWord) {
        const uint64_t k = PairKey(p.hashes[0], p.hashes[1]);
        t->pairs[k].push_back(i);
        t->pair_filter.Add(k);
      } else {
        t->loose[w].push_back(i);
        t->loose_filter.Add(p.hashes[0]);
      }
    }
  }
}

int PhraseLexicon::Column(std::string_view name) const {
  for (size_t i = 0; i < columns_.size(); ++i)
    if (columns_[i] == name) return static_cast<int>(i);
  return -1;
}

StatusOr<PhraseLexicon> PhraseLexicon::Create(const core::PackSet& packs,
                                              const segment::Segmenter& segmenter,
                                              std::string_view name,
                                              std::vector<std::string> required) {
  PhraseLexicon lex;
  lex.columns_ = required;
  for (const std::string& lang : packs.Languages()) {
    const core::TsvTable* t = packs.Get(lang)->Table(name);
    if (t == nullptr) continue;
    int pc = t->Column("pattern");
    if (pc < 0) return Status::Corruption(t->path + ": needs a 'pattern' column");
    std::vector<int> cols;
    for (const auto& c : required) {
      int i = t->Column(c);
      if (i < 0) return Status::Corruption(t->path + ": needs a '" + c + "' column");
      cols.push_back(i);
    }
    for (size_t r = 0; r < t->rows.size(); ++r) {
      const auto& row = t->rows[r];
      Pattern p;
      for (int c : cols) p.row.push_back(row[size_t(c)]);
      // Tokenise without the '*' marks, then put them back on the tokens they ended.
      std::string plain;
      std::vector<size_t> stars;
      for (char c : row[size_t(pc)]) {
        if (c == '*')
          stars.push_back(plain.size());
        else
          plain += c;
      }
      // "..." (a gap) is cut out before tokenising, then put back between the pieces.
      std::vector<std::string> pieces;
      for (size_t from = 0;;) {
        size_t gap = plain.find("...", from);
        pieces.push_back(
            plain.substr(from, gap == std::string::npos ? std::string::npos : gap - from));
        if (gap == std::string::npos) break;
        from = gap + 3;
      }
      size_t offset = 0;
      for (size_t pi = 0; pi < pieces.size(); ++pi) {
        if (pi > 0) {
          p.tokens.push_back("...");
          offset += 3;
        }
        segment::Segmentation s = segmenter.Segment(pieces[pi], lang);
        for (const auto& tok : s.tokens) {
          std::string w = core::FoldForMatch(
              std::string_view(pieces[pi]).substr(tok.start, tok.end - tok.start));
          if (std::find(stars.begin(), stars.end(), offset + tok.end) != stars.end()) w += '*';
          p.tokens.push_back(std::move(w));
        }
        offset += pieces[pi].size();
      }
      std::string where = t->path + ":" + std::to_string(t->lines[r]);
      if (p.tokens.empty()) return Status::Corruption(where + ": empty pattern");
      if (p.tokens.front() == "..." || p.tokens.back() == "...")
        return Status::Corruption(where + ": a '...' gap must stand between words");
      std::string first = p.tokens[0];
      bool stem = first.back() == '*';
      if (stem) first.pop_back();
      if (stem && first.size() < 3)
        return Status::Corruption(where + ": a '*' stem needs 3 letters");
      lex.by_lang_[lang].patterns.push_back(p);
      lex.all_.patterns.push_back(std::move(p));
    }
  }
  for (auto& [k, t] : lex.by_lang_) Index(&t);
  Index(&lex.all_);
  return lex;
}

const PhraseLexicon::Table& PhraseLexicon::For(std::string_view lang) const {
  auto it = by_lang_.find(std::string(lang));
  return it == by_lang_.end() ? all_ : it->second;
}

std::vector<PhraseMatch> PhraseLexicon::Find(std::string_view text,
                                             const segment::Segmentation& seg,
                                             std::string_view lang,
                                             const std::vector<std::string>* folded_all,
                                             const std::vector<size_t>* hashes) const {
  const Table& table = For(lang);
  std::vector<PhraseMatch> out;
  out.reserve(seg.tokens.size() / 16);  // matches are a few in a hundred tokens
  std::vector<std::string> own;
  if (folded_all == nullptr) {
    if (seg.folded.size() == seg.tokens.size()) {
      folded_all = &seg.folded;
      if (hashes == nullptr && seg.hashes.size() == seg.folded.size()) hashes = &seg.hashes;
    } else {
      own = segment::FoldTokens(text, seg);
      folded_all = &own;
    }
  }
  std::vector<size_t> own_hashes;
  if (hashes == nullptr) {
    own_hashes = actors::HashWords(*folded_all);
    hashes = &own_hashes;
  }
  static const std::vector<uint32_t> kNone;
  // What the test of every word reads, in locals the loop keeps in registers.
  const actors::WordFilter::View first_f = table.first_filter.view(),
                                 loose_f = table.loose_filter.view(),
                                 pair_f = table.pair_filter.view();
  const uint64_t* const stem_starts = table.stem_starts.data();
  const size_t* const all_hashes = hashes->data();
  for (uint32_t si = 0; si < seg.sentences.size(); ++si) {
    const auto& sent = seg.sentences[si];
    const std::string* folded = folded_all->data() + sent.first_token;
    const size_t* sh = all_hashes + sent.first_token;
    const uint32_t n = sent.end_token - sent.first_token;
    const segment::Token* tokens = seg.tokens.data() + sent.first_token;
    uint32_t i = 0;
    while (i < n) {
      {  // Most words start no pattern: told by the bit sets alone.
        const size_t h = sh[i];
        const std::string& w = folded[i];
        const bool may_word =
            first_f.MayHave(h) &&
            (loose_f.MayHave(h) || (i + 1 < n && pair_f.MayHave(PairKey(h, sh[i + 1]))));
        if (!may_word) {
          bool may_stem = false;
          if (w.size() >= 3) {
            const unsigned x =
                static_cast<unsigned char>(w[0]) | unsigned(static_cast<unsigned char>(w[1])) << 8;
            may_stem = (stem_starts[x >> 6] >> (x & 63)) & 1;
          }
          if (!may_stem) {
            ++i;
            continue;
          }
        }
      }
      const std::string& w = folded[i];
      const size_t h = sh[i];
      // Candidates: the patterns listed under this word and the next (their first two words
      // still to compare: pair keys may collide), under this word alone, and under its stem.
      const std::vector<uint32_t>* paired = &kNone;
      const std::vector<uint32_t>* loose = &kNone;
      if (first_f.MayHave(h)) {
        if (i + 1 < n) {
          const uint64_t pk = PairKey(h, sh[i + 1]);
          if (pair_f.MayHave(pk))
            if (auto pi = table.pairs.find(pk); pi != table.pairs.end()) paired = &pi->second;
        }
        if (loose_f.MayHave(h))
          if (auto fi = table.loose.find(actors::HashedWord{w, h}); fi != table.loose.end())
            loose = &fi->second;
      }
      const std::vector<uint32_t>* stems = &kNone;
      if (w.size() >= 3 &&
          table.StemMayStart(static_cast<unsigned char>(w[0]), static_cast<unsigned char>(w[1]))) {
        // StemKey(w), inline for the usual case: the key is the first three bytes.
        const uint64_t k = w.size() == 3 || (static_cast<unsigned char>(w[3]) & 0xC0) != 0x80
                               ? uint64_t(static_cast<unsigned char>(w[0])) |
                                     uint64_t(static_cast<unsigned char>(w[1])) << 8 |
                                     uint64_t(static_cast<unsigned char>(w[2])) << 16
                               : StemKey(w);
        if (table.stem_filter.MayHave(k))
          if (auto st = table.stems.find(k); st != table.stems.end()) stems = &st->second;
      }
      if (paired->empty() && loose->empty() && stems->empty()) {
        ++i;
        continue;
      }
      // The three candidate lists in pattern order: the first that matches is the longest.
      const Pattern* best = nullptr;
      uint32_t best_len = 0;
      constexpr uint32_t kEnd = ~uint32_t{0};
      for (size_t a = 0, c = 0, b = 0;;) {
        const uint32_t pa = a < paired->size() ? (*paired)[a] : kEnd;
        const uint32_t pc = c < loose->size() ? (*loose)[c] : kEnd;
        const uint32_t pb = b < stems->size() ? (*stems)[b] : kEnd;
        const uint32_t idx = std::min({pa, pc, pb});
        if (idx == kEnd) break;
        const Pattern& p = table.patterns[idx];
        uint32_t len = 0;
        if (idx == pa) {  // first two words hashed alike: compare their bytes, then the rest
          ++a;
          if (p.hashes[0] == h && p.hashes[1] == sh[i + 1] && w == p.tokens[0] &&
              folded[i + 1] == p.tokens[1]) {
            if (p.tokens.size() == 2)
              len = 2;
            else if (uint32_t rest = MatchAt(p, folded, sh, i + 2, n, tokens, 2))
              len = rest + 2;
          }
        } else if (idx == pc) {  // found by its exact first word: compare from the second
          ++c;
          if (p.tokens.size() == 1)
            len = 1;
          else if (uint32_t rest = MatchAt(p, folded, sh, i + 1, n, tokens, 1))
            len = rest + 1;
        } else {
          ++b;
          len = MatchAt(p, folded, sh, i, n, tokens);
        }
        if (len != 0) {
          best = &p;
          best_len = len;
          break;
        }
      }
      if (best == nullptr) {
        ++i;
        continue;
      }
      uint32_t a = sent.first_token + i, b = a + best_len;
      out.push_back({a, b, seg.tokens[a].start, seg.tokens[b - 1].end, si, &best->row});
      i += best_len;
    }
  }
  return out;
}

}  // namespace vigie::events
