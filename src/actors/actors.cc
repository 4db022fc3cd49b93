#include "actors/actors.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <string_view>

#include "core/text.h"
#include "core/utf8.h"

namespace vigie::actors {

using namespace std::string_view_literals;  // "x"sv: compares by size first, no strlen

namespace {

// Whether a folded word holds a hyphen past its first byte ("isis-held"): asked of most
// tokens, which are a few bytes long, so a plain loop beats a call to memchr.
inline bool DashPastFirst(std::string_view w) {
  for (size_t k = 1; k < w.size(); ++k)
    if (w[k] == '-') return true;
  return false;
}

// Two or more letters, all capitals: an acronym.
bool IsAcronym(std::string_view tok) {
  size_t i = 0, letters = 0;
  while (i < tok.size()) {
    auto c = static_cast<UChar32>(core::NextCodePoint(tok, &i));
    if (u_isalpha(c)) {
      if (!u_isupper(c)) return false;
      ++letters;
    }
  }
  return letters >= 2;
}

bool Capitalized(std::string_view tok) {
  size_t i = 0;
  char32_t c = core::NextCodePoint(tok, &i);
  return u_isupper(static_cast<UChar32>(c));
}

}  // namespace

Status Recognizer::Load(const core::LangPack& pack, const segment::Segmenter& seg, Lexicon* lex) {
  auto tokenize = [&](const std::string& phrase) {
    segment::Segmentation s = seg.Segment(phrase, pack.lang());
    return segment::FoldTokens(phrase, s);
  };
  auto mark_acronyms = [&](const std::string& phrase, Entry* e) {
    segment::Segmentation s = seg.Segment(phrase, pack.lang());
    for (const auto& t : s.tokens) {
      std::string_view w(phrase.data() + t.start, t.end - t.start);
      e->raw.emplace_back(w);
      e->exact.push_back(IsAcronym(w) ? 1 : 0);
    }
  };
  auto need = [](const core::TsvTable* t, std::initializer_list<const char*> cols) -> Status {
    for (const char* c : cols)
      if (t->Column(c) < 0) return Status::Corruption(t->path + ": missing column '" + c + "'");
    return Status::Ok();
  };
  if (const core::TsvTable* t = pack.Table("actors")) {
    VIGIE_RETURN_IF_ERROR(need(t, {"phrase", "name", "class", "country"}));
    int p = t->Column("phrase"), n = t->Column("name"), c = t->Column("class"),
        k = t->Column("country");
    for (const auto& row : t->rows) {
      Entry e{tokenize(row[size_t(p)]), row[size_t(n)], row[size_t(c)], row[size_t(k)], "", {}, {}};
      if (e.tokens.empty()) continue;
      mark_acronyms(row[size_t(p)], &e);
      lex->phrases[e.tokens[0]].push_back(std::move(e));
    }
  }
  if (const core::TsvTable* t = pack.Table("actor_nouns")) {
    VIGIE_RETURN_IF_ERROR(need(t, {"word", "class"}));
    int w = t->Column("word"), c = t->Column("class");
    for (const auto& row : t->rows) {
      std::vector<std::string> toks = tokenize(row[size_t(w)]);
      if (toks.size() == 1) {
        Entry e{{}, "", row[size_t(c)], "", "", {}, {}};
        // A noun written with a capital ("État") names the actor only so written: "fait
        // état de" is a reporting phrase.
        const std::string& word = row[size_t(w)];
        if (Capitalized(word) && !IsAcronym(word)) e.exact = {2};
        lex->nouns[toks[0]] = std::move(e);
      } else if (toks.size() > 1) {  // "hommes armés": a generic phrase (no name)
        lex->phrases[toks[0]].push_back(Entry{toks, "", row[size_t(c)], "", "", {}, {}});
      }
    }
  }
  if (const core::TsvTable* t = pack.Table("labels")) {
    VIGIE_RETURN_IF_ERROR(need(t, {"words", "label"}));
    int w = t->Column("words"), l = t->Column("label");
    for (const auto& row : t->rows) {
      Entry e{tokenize(row[size_t(w)]), "", "", "", row[size_t(l)], {}, {}};
      if (e.tokens.empty()) continue;
      lex->labels[e.tokens[0]].push_back(std::move(e));
    }
  }
  if (const core::TsvTable* t = pack.Table("demonyms")) {
    VIGIE_RETURN_IF_ERROR(need(t, {"word", "country"}));
    int w = t->Column("word"), c = t->Column("country");
    for (const auto& row : t->rows)
      lex->demonyms[core::FoldForMatch(row[size_t(w)])] = row[size_t(c)];
  }
  if (const core::TsvTable* t = pack.Table("np_words")) {
    VIGIE_RETURN_IF_ERROR(need(t, {"word", "role"}));
    int w = t->Column("word"), r = t->Column("role");
    for (const auto& row : t->rows)
      lex->np_words[core::FoldForMatch(row[size_t(w)])] = row[size_t(r)];
  }
  lex->head_last = pack.Manifest("np_head") == "last"sv;
  auto longest_first = [](auto& m) {
    for (auto& [k, v] : m)
      std::stable_sort(v.begin(), v.end(), [](const Entry& a, const Entry& b) {
        return a.tokens.size() > b.tokens.size();
      });
  };
  for (const auto& [w, v] : lex->phrases) lex->starts.Add(HashWord(w));
  for (const auto& [w, v] : lex->nouns) lex->starts.Add(HashWord(w));
  for (const auto& [w, v] : lex->phrases) lex->phrase_keys.Add(HashWord(w));
  for (const auto& [w, v] : lex->nouns) lex->noun_keys.Add(HashWord(w));
  for (const auto& [w, v] : lex->labels) lex->label_keys.Add(HashWord(w));
  for (const auto& [w, v] : lex->demonyms) lex->demonym_keys.Add(HashWord(w));
  for (const auto& [w, v] : lex->np_words) lex->np_keys.Add(HashWord(w));
  longest_first(lex->phrases);
  longest_first(lex->labels);
  return Status::Ok();
}

StatusOr<Recognizer> Recognizer::Create(const core::PackSet& packs,
                                        const segment::Segmenter& segmenter) {
  Recognizer r;
  for (const std::string& lang : packs.Languages()) {
    const core::LangPack* p = packs.Get(lang);
    VIGIE_RETURN_IF_ERROR(Load(*p, segmenter, &r.by_lang_[lang]));
    VIGIE_RETURN_IF_ERROR(Load(*p, segmenter, &r.all_));
  }
  return r;
}

const Recognizer::Lexicon& Recognizer::For(std::string_view lang) const {
  auto it = by_lang_.find(std::string(lang));
  return it == by_lang_.end() ? all_ : it->second;
}

std::vector<ActorMention> Recognizer::Find(std::string_view text, const segment::Segmentation& seg,
                                           std::string_view lang,
                                           const std::vector<std::string>* folded,
                                           const std::vector<size_t>* hashes) const {
  const Lexicon& lex = For(lang);
  std::vector<ActorMention> out;
  out.reserve(seg.tokens.size() / 16);  // about one mention in 20 tokens in news text
  std::vector<std::string> own;
  const bool from_segmenter = seg.folded.size() == seg.tokens.size();
  if (folded == nullptr) {
    if (from_segmenter) {
      folded = &seg.folded;
      if (hashes == nullptr && seg.hashes.size() == seg.folded.size()) hashes = &seg.hashes;
    } else {
      own = segment::FoldTokens(text, seg);
      folded = &own;
    }
  }
  const std::vector<std::string>& f = *folded;
  std::vector<size_t> own_hashes;
  if (hashes == nullptr) {
    own_hashes = HashWords(f);
    hashes = &own_hashes;
  }
  const std::vector<size_t>& h = *hashes;
  // A token's folded word with its hash, computed once per document for every table.
  auto key = [&](uint32_t t) { return HashedWord{f[t], h[t]}; };
  // Token t's value in `table`; the filter `keys` answers most words before any call.
  auto find = [&](const auto& table, const WordFilter& keys, uint32_t t) {
    return keys.MayHave(h[t]) ? Lookup(table, keys, key(t)) : nullptr;
  };
  // Read at every word: in locals the loop keeps in registers.
  const WordFilter::View starts = lex.starts.view();
  const size_t* const hp = h.data();
  const std::string* const fp = f.data();
  for (const auto& sent : seg.sentences) {
    const uint32_t a = sent.first_token, b = sent.end_token;
    auto fold = [&](uint32_t t) -> const std::string& { return f[t]; };
    auto raw = [&](uint32_t t) {
      return text.substr(seg.tokens[t].start, seg.tokens[t].end - seg.tokens[t].start);
    };
    // Longest entry of `table` starting at token t; returns its length (0 if none).
    // The last word may carry a hyphenated suffix: "Islamic State-held", "ISIS-controlled",
    // "Houthi-run" name the group too.
    auto same = [](std::string_view word, const std::string& entry, bool last) {
      if (word == entry) return true;
      return last && word.size() > entry.size() + 1 && word.compare(0, entry.size(), entry) == 0 &&
             word[entry.size()] == '-';
    };
    auto match = [&](const WordMap<std::vector<Entry>>& table, uint32_t t,
                     const Entry** hit) -> uint32_t {
      const bool labels = &table == &lex.labels;
      const std::vector<Entry>* entries =
          Lookup(table, labels ? lex.label_keys : lex.phrase_keys, key(t));
      bool compound_first = false;
      if (entries == nullptr) {
        if (labels) return 0;
        size_t dash = fold(t).find('-', 1);
        if (dash == std::string::npos) return 0;
        auto it = table.find(std::string_view(fold(t)).substr(0, dash));
        if (it == table.end()) return 0;
        entries = &it->second;
        compound_first = true;  // only a one-word entry can match "ISIS-held"
      }
      for (const Entry& e : *entries) {
        if (t + e.tokens.size() > b) continue;
        if (compound_first && e.tokens.size() != 1) continue;
        bool ok = true;
        const size_t n = e.tokens.size();
        for (size_t k = 1; k < n && ok; ++k)
          ok = same(fold(t + uint32_t(k)), e.tokens[k], k + 1 == n);
        for (size_t k = 0; k < e.exact.size() && ok; ++k)
          if (e.exact[k]) ok = same(raw(t + uint32_t(k)), e.raw[k], k + 1 == n);
        if (ok) {
          *hit = &e;
          return static_cast<uint32_t>(n);
        }
      }
      return 0;
    };
    static const std::string kNone;
    auto role = [&](uint32_t t) -> const std::string& {
      const std::string* r = find(lex.np_words, lex.np_keys, t);
      return r ? *r : kNone;
    };
    // Whether a phrase may start at token t: its first word, or what comes before its dash
    // ("ISIS-held"); the filter answers most words without a call to match().
    auto may_start_phrase = [&](uint32_t t) {
      return lex.phrase_keys.MayHave(h[t]) || DashPastFirst(fold(t));
    };
    auto is_label = [&](uint32_t t) {
      if (!lex.label_keys.MayHave(h[t])) return false;  // most words, without a call
      const Entry* e = nullptr;
      return match(lex.labels, t, &e) > 0;
    };
    auto is_number = [&](uint32_t t) { return seg.tokens[t].kind == segment::TokenKind::kNumber; };

    uint32_t i = a;
    while (i < b) {
      // Most words start no actor: neither a phrase nor a noun (nor "ISIS-held").
      if (!starts.MayHave(hp[i]) && !DashPastFirst(fp[i])) {
        ++i;
        continue;
      }
      const Entry* named = nullptr;
      uint32_t len = may_start_phrase(i) ? match(lex.phrases, i, &named) : 0;
      const Entry* noun = nullptr;
      if (len == 0) {
        noun = find(lex.nouns, lex.noun_keys, i);
        if (noun == nullptr || (noun->exact.size() == 1 && !Capitalized(raw(i)))) {
          ++i;
          continue;
        }
        len = 1;
      }
      ActorMention& m = out.emplace_back();  // built in place
      uint32_t hs = i, he = i + len;
      // Grow left over determiners, modifiers, numbers, labels and nationalities.
      uint32_t l = hs;
      for (int steps = 0; l > a && steps < 6; ++steps) {
        uint32_t t = l - 1;
        const std::string& r = role(t);
        if (r == "det"sv || r == "det_link"sv || r == "mod"sv || is_number(t) || is_label(t) ||
            find(lex.demonyms, lex.demonym_keys, t)) {
          l = t;
          continue;
        }
        if (r == "link"sv && t > a && (find(lex.nouns, lex.noun_keys, t - 1) || is_label(t - 1))) {
          l = t;  // "terroristes de la coalition": keep going through the link
          continue;
        }
        break;
      }
      while (l < hs && role(l) == "link"sv) ++l;
      // Grow right over labels, nationalities, actor nouns, and "de/of" + name.
      uint32_t r = he;
      for (int steps = 0; r < b && steps < 8; ++steps) {
        if (const Entry* n = find(lex.nouns, lex.noun_keys, r)) {
          if (lex.head_last && named == nullptr && r == he &&
              n->cls != "unknown"sv) {  // "regime forces"
            noun = n;
            hs = r;
            he = r + 1;
          }
          ++r;
          continue;
        }
        const std::string& role_r = role(r);  // looked up once for the tests below
        if (is_label(r) || find(lex.demonyms, lex.demonym_keys, r) || role_r == "mod"sv) {
          ++r;
          continue;
        }
        {
          // Apposition of a name: "la coalition rebelle Fatah Halab", "Houthi militia".
          const Entry* inner = nullptr;
          uint32_t n = may_start_phrase(r) ? match(lex.phrases, r, &inner) : 0;
          if (n > 0) {
            if (named == nullptr) {
              named = inner;
              hs = r;
              he = r + n;
            }
            r += n;
            continue;
          }
        }
        // A link, or a word that is both article and link (French "des"): "le coordinateur
        // des Nations unies".
        if (role_r == "link"sv || role_r == "det_link"sv) {
          uint32_t j = r + 1;
          auto det_or_link = [&](uint32_t t) {
            const std::string& x = role(t);
            return x == "det"sv || x == "link"sv;
          };
          while (j < b && det_or_link(j)) ++j;
          if (j >= b) break;
          const Entry* inner = nullptr;
          uint32_t n = may_start_phrase(j) ? match(lex.phrases, j, &inner) : 0;
          if (n > 0) {
            if (named == nullptr) {
              named = inner;
              hs = j;
              he = j + n;
            }
            r = j + n;
            continue;
          }
          if (const Entry* n = find(lex.nouns, lex.noun_keys, j)) {
            // "terroristes de la coalition". A speaker ("un porte-parole de la coalition")
            // speaks for the group named after.
            if (named == nullptr && noun != nullptr && noun->cls == "unknown"sv) noun = n;
            r = j + 1;
            continue;
          }
          if (Capitalized(raw(j)) && seg.tokens[j].kind == segment::TokenKind::kWord) {
            while (j < b && Capitalized(raw(j)) && seg.tokens[j].kind == segment::TokenKind::kWord)
              ++j;
            r = j;
            continue;
          }
        }
        break;
      }
      m.first_token = l;
      m.end_token = r;
      m.start = seg.tokens[l].start;
      m.end = seg.tokens[r - 1].end;
      m.head_start = seg.tokens[hs].start;
      m.head_end = seg.tokens[he - 1].end;
      // A generic phrase heads the mention when no noun does, or, where the last noun heads
      // the phrase, when it comes last ("several women suicide bombers").
      const bool phrase_heads =
          named != nullptr && named->name.empty() &&
          (noun == nullptr || noun->cls == "unknown"sv || (lex.head_last && hs > i));
      if (phrase_heads) {
        m.cls = named->cls;  // a generic phrase such as "hommes armés"
      } else if (named != nullptr && !named->name.empty()) {
        m.named = true;
        m.name = named->name;
        m.cls = named->cls;
        m.country = named->country;
      } else {
        m.cls = noun->cls;
      }
      // The leftmost framing word of the phrase is the label.
      for (uint32_t t = l; t < r; ++t) {
        const Entry* e = nullptr;
        if (lex.label_keys.MayHave(h[t]) && match(lex.labels, t, &e) > 0 &&
            e->tokens.size() + t <= r) {
          m.label = e->label;
          break;
        }
      }
      if (m.country.empty()) {
        for (uint32_t t = l; t < r; ++t) {
          if (const std::string* c = find(lex.demonyms, lex.demonym_keys, t)) {
            m.country = *c;
            break;
          }
        }
      }
      i = r;
    }
  }
  // Coreference: a generic armed group ("the militants", "les assaillants", "the militia")
  // is the non-state group the text named last, and takes its class and name. Unidentified
  // gunmen (class unknown) stay unknown.
  const ActorMention* group = nullptr;
  auto armed = [](const std::string& c) {
    return c == "armed_opposition"sv || c == "jihadist_group"sv || c == "militia"sv;
  };
  for (auto& m : out) {
    if (m.named) {
      if (armed(m.cls)) group = &m;
      continue;
    }
    if (group != nullptr && armed(m.cls)) {
      m.cls = group->cls;
      m.name = group->name;
      if (m.country.empty()) m.country = group->country;
    }
  }
  return out;
}

}  // namespace vigie::actors
