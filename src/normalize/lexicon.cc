// Loading the pack tables the normaliser reads, the token view, phrase matching, lemmas.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "core/text.h"
#include "normalize/normalize_internal.h"

namespace vigie::normalize {

namespace {

bool IsAscii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

std::string FoldFast(std::string_view s) {
  if (IsAscii(s)) {
    std::string out(s);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  }
  return core::FoldForMatch(s);
}

void AddPhrase(PhraseSet* set, const std::string& key, PhraseEntry e) {
  if (key.empty()) return;
  int words = 1;
  for (char c : key)
    if (c == ' ' || c == '-') ++words;
  for (size_t i = 0; i + 1 < key.size(); ++i)
    if (key[i] == '\'') ++words;
  set->max_words = std::max(set->max_words, words);
  for (size_t i = 0; i < key.size();) {
    size_t j = i;
    while (j < key.size() && key[j] != ' ' && key[j] != '-' && key[j] != '\'') ++j;
    if (j > i) set->words.insert(key.substr(i, j - i));
    i = j + 1;
  }
  set->first_words.insert(key.substr(0, key.find_first_of(" -")));
  size_t apos = key.find('\'');
  if (apos != std::string::npos) set->first_words.insert(key.substr(0, apos + 1));
  for (size_t i = 1; i < key.size(); ++i) {
    if (key[i] == ' ' || key[i] == '-' || key[i - 1] == '\'') set->keys.Insert(std::string_view(key).substr(0, i), -1);
    // A possessive clitic is its own token ("valentine" + "'s"): the word before it is a
    // prefix, and the phrase's first word when it comes first.
    if (key[i] == '\'' && key.compare(i, 2, "'s") == 0 && (i + 2 == key.size() || key[i + 2] == ' ')) {
      set->keys.Insert(std::string_view(key).substr(0, i), -1);
      if (key.find_first_of(" -") > i) set->first_words.insert(key.substr(0, i));
    }
  }
  int32_t* at = set->keys.Insert(key, -1);
  if (*at >= 0) return;  // the first entry of a phrase wins
  *at = static_cast<int32_t>(set->entries.size());
  set->whole_keys.push_back(key);
  set->entries.push_back(std::move(e));
}

void AddKind(Normalizer::Lexicon* lx, const std::string& kind, const std::string& key, PhraseEntry e) {
  int k = PkFromName(kind);
  if (k >= 0) AddPhrase(&lx->phrases[k], key, std::move(e));
}

std::string Col(const core::TsvTable& t, const std::vector<std::string>& row, const char* name) {
  int c = t.Column(name);
  return c < 0 ? std::string() : row[c];
}

}  // namespace

int PkFromName(std::string_view name) {
  static const char* kNames[] = {"unit", "scale", "ordinal", "vague", "qualifier", "connector", "article", "percent", "range_open", "range_and", "range_mid", "of", "t:day", "t:period", "t:unit", "t:since", "t:ago_prefix", "t:ago_suffix", "t:past", "t:during", "t:from", "t:to", "t:between", "t:and", "t:last", "t:next", "t:this", "t:early", "t:mid", "t:late", "t:daypart", "t:decade", "t:in", "t:ahead", "t:half", "t:clock_word", "t:meridiem", "t:clock_named", "t:clock_add", "t:clock_minus", "t:clock_past", "t:clock_to", "t:clock_frac", "t:at", "t:minute_word", "t:daypart_lead", "t:holiday", "negative", "decimal", "t:fraction", "t:extra", "t:open", "t:week_of", "t:season", "t:quarter", "t:later"};
  for (int i = 0; i < static_cast<int>(PK::kCount); ++i)
    if (name == kNames[i]) return i;
  return -1;
}

Normalizer::Normalizer(std::vector<Lexicon> lex) : lex_(std::move(lex)) {}
Normalizer::Normalizer(Normalizer&&) noexcept = default;
Normalizer& Normalizer::operator=(Normalizer&&) noexcept = default;
Normalizer::~Normalizer() = default;

StatusOr<Normalizer> Normalizer::Create(const core::PackSet& packs) {
  std::vector<Lexicon> all;
  for (const std::string& lang : packs.Languages()) {
    const core::LangPack* pack = packs.Get(lang);
    Lexicon lx;
    lx.lang = lang;
    lx.day_first = pack->Manifest("date_order") != "mdy";
    const std::string mark = pack->Manifest("decimal_mark");
    lx.decimal_mark = mark.size() == 1 ? mark[0] : 0;
    {
      std::string suffixes = pack->Manifest("ordinal_suffixes");
      for (size_t p = 0; p < suffixes.size();) {
        size_t e = suffixes.find(' ', p);
        if (e == std::string::npos) e = suffixes.size();
        if (e > p) lx.ordinal_suffixes.push_back(core::FoldForMatch(suffixes.substr(p, e - p)));
        p = e + 1;
      }
      std::stable_sort(lx.ordinal_suffixes.begin(), lx.ordinal_suffixes.end(),
                       [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    }
    lx.bare_capital_month = pack->Manifest("bare_capital_month") == "yes";
    lx.decade_singular = pack->Manifest("decade_singular") == "yes";
    lx.clock_range_after_in = pack->Manifest("clock_range_after_in") == "yes";
    lx.head_last = pack->Manifest("np_head") == "last";
    if (const auto* t = pack->Table("numbers")) {
      for (const auto& row : t->rows) {
        PhraseEntry e;
        e.kind = Col(*t, row, "kind");
        e.value = std::strtod(Col(*t, row, "value").c_str(), nullptr);
        AddKind(&lx, e.kind, core::FoldForMatch(Col(*t, row, "word")), e);
      }
    }
    if (const auto* t = pack->Table("number_phrases")) {
      for (const auto& row : t->rows) {
        PhraseEntry e;
        e.kind = Col(*t, row, "kind");
        e.arg1 = Col(*t, row, "value");
        e.value = std::strtod(e.arg1.c_str(), nullptr);
        AddKind(&lx, e.kind, core::FoldForMatch(Col(*t, row, "phrase")), e);
      }
    }
    if (const auto* t = pack->Table("time_phrases")) {
      for (const auto& row : t->rows) {
        PhraseEntry e;
        e.kind = Col(*t, row, "kind");
        e.arg1 = Col(*t, row, "arg1");
        e.arg2 = Col(*t, row, "arg2");
        e.arg3 = Col(*t, row, "arg3");
        e.value = std::strtod(e.arg1.c_str(), nullptr);
        if (int a = 0, b = 0; e.kind == "daypart" && std::sscanf(e.arg2.c_str(), "%d-%d", &a, &b) == 2 && a >= 0 &&
                              b > a && b <= 24)
          e.from_hour = a, e.to_hour = b;
        AddKind(&lx, "t:" + e.kind, core::FoldForMatch(Col(*t, row, "phrase")), e);
      }
    }
    if (const auto* t = pack->Table("holidays")) {
      for (const auto& row : t->rows) {
        PhraseEntry e;
        e.kind = "holiday";
        e.arg1 = Col(*t, row, "rule");
        if (!HolidayDate(e.arg1, 2000))
          return Status::InvalidArgument(lang + "/holidays.tsv: bad rule \"" + e.arg1 + "\" for \"" +
                                         Col(*t, row, "phrase") + "\"");
        AddKind(&lx, "t:holiday", core::FoldForMatch(Col(*t, row, "phrase")), e);
      }
    }
    if (const auto* t = pack->Table("months"))
      for (const auto& row : t->rows) {
        std::string w = core::FoldForMatch(Col(*t, row, "word"));
        lx.months[w] = std::atoi(Col(*t, row, "month").c_str());
        if (Col(*t, row, "common") == "yes") lx.common_months.insert(w);
      }
    if (const auto* t = pack->Table("weekdays"))
      for (const auto& row : t->rows)
        lx.weekdays[core::FoldForMatch(Col(*t, row, "word"))] = std::atoi(Col(*t, row, "weekday").c_str());
    if (const auto* t = pack->Table("future_markers"))
      for (const auto& row : t->rows) lx.future_markers.insert(core::FoldForMatch(Col(*t, row, "word")));
    if (const auto* t = pack->Table("plurals")) {
      for (const auto& row : t->rows) {
        PluralRule r;
        r.form = core::FoldForMatch(Col(*t, row, "form"));
        r.lemma = core::FoldForMatch(Col(*t, row, "lemma"));
        if (!r.form.empty() && r.form[0] == '-') {
          r.suffix = true;
          r.form.erase(0, 1);
          if (!r.lemma.empty() && r.lemma[0] == '-') r.lemma.erase(0, 1);
        }
        lx.plurals.push_back(std::move(r));
      }
    }
    // Tens and an ordinal unit written as one word ("twentyfifth"): the pack's words joined.
    {
      PhraseSet& units = lx.phrases[static_cast<int>(PK::kUnit)];
      PhraseSet& ords = lx.phrases[static_cast<int>(PK::kOrdinal)];
      std::vector<std::pair<std::string, PhraseEntry>> joined;
      for (size_t a = 0; a < units.whole_keys.size(); ++a) {
        const PhraseEntry& tens = units.entries[a];
        const std::string& tk = units.whole_keys[a];
        if (tens.value < 20 || tens.value >= 100 || static_cast<int>(tens.value) % 10 != 0 ||
            tk.find_first_of(" -'") != std::string::npos)
          continue;
        for (size_t b = 0; b < ords.whole_keys.size(); ++b) {
          const PhraseEntry& o = ords.entries[b];
          const std::string& ok = ords.whole_keys[b];
          if (o.value < 1 || o.value > 9 || ok.find_first_of(" -'") != std::string::npos) continue;
          PhraseEntry e = o;
          e.value = tens.value + o.value;
          joined.emplace_back(tk + ok, std::move(e));
        }
      }
      for (auto& [key, e] : joined) AddPhrase(&ords, key, std::move(e));
    }
    for (int k = 0; k < static_cast<int>(PK::kCount); ++k)
      for (const std::string& w : lx.phrases[k].first_words) lx.Word(w).kinds |= uint64_t{1} << k;
    for (const auto& [w, m] : lx.months) {
      lx.Word(w).kinds |= kCalendarBit;
      lx.Word(w).month = static_cast<int8_t>(m);
    }
    for (const auto& [w, d] : lx.weekdays) {
      lx.Word(w).kinds |= kCalendarBit;
      lx.Word(w).weekday = static_cast<int8_t>(d);
    }
    for (const std::string& w : lx.future_markers) lx.Word(w).future = true;
    for (int k = 0; k < static_cast<int>(PK::kCount); ++k)
      for (const std::string& w : lx.phrases[k].words) lx.Word(w).follows |= uint64_t{1} << k;
    for (int k = 0; k < static_cast<int>(PK::kCount); ++k)
      for (const std::string& w : lx.phrases[k].whole_keys) lx.Word(w).whole |= uint64_t{1} << k;
    all.push_back(std::move(lx));
  }
  return Normalizer(std::move(all));
}

const Normalizer::Lexicon& Normalizer::For(std::string_view lang) const {
  static const Lexicon kEmpty;
  for (const Lexicon& lx : lex_)
    if (lx.lang == lang) return lx;
  for (const Lexicon& lx : lex_)
    if (lx.lang == "en") return lx;
  return lex_.empty() ? kEmpty : lex_.front();
}

namespace {

// The lexicon's word information and the cached number reading of a token.
// `hash`: WordHash(t->f) when known (the token's Segmentation::hashes entry), else 0.
inline void Describe(const Normalizer::Lexicon& lx, Tok* t, uint64_t hash = 0) {
  t->hash = hash ? hash : WordHash(t->f);
  if (const int32_t* at = lx.starters.Find(t->f, t->hash)) {
    const WordInfo& w = lx.words[static_cast<size_t>(*at)];
    t->kinds = w.kinds;
    t->month = w.month;
    t->weekday = w.weekday;
    t->future = w.future;
    t->follows = w.follows;
    t->whole = w.whole;
  }
  if (t->kind == segment::TokenKind::kNumber || t->kind == segment::TokenKind::kPercent)
    t->num_ok = ParseNumericToken(t->f, lx, &t->num, &t->num_ordinal);
}

// Whether a token holds a space, hyphen or apostrophe: PhraseSet::words are cut there, so
// such a token is looked up whole.
bool HasWordBreak(std::string_view f) {
  for (char c : f)
    if (c == ' ' || c == '-' || c == '\'') return true;
  return false;
}

bool AllDigits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

void BuildTokens(const Normalizer::Lexicon& lx, std::string_view text, const segment::Segmentation& seg,
                 uint32_t tok_begin, uint32_t tok_end, TokenBuffer* buf) {
  std::vector<Tok>& out = buf->toks;
  out.clear();
  buf->store.clear();
  buf->memo.Reset();
  out.reserve(tok_end - tok_begin);
  const bool have_folded = seg.folded.size() == seg.tokens.size();
  bool prev_elision = false;
  for (uint32_t k = tok_begin; k < tok_end && k < seg.tokens.size(); ++k) {
    const segment::Token& st = seg.tokens[k];
    if (st.end > text.size() || st.start > st.end) continue;
    std::string_view s = text.substr(st.start, st.end - st.start);
    bool line_start = st.breaks_before > 0;
    const bool wordish = st.kind == segment::TokenKind::kWord || st.kind == segment::TokenKind::kAbbrev;
    if (wordish && s.size() > 1 && s.find('-') != std::string_view::npos) {
      // Split hyphenated words: "quatre-vingt-dix", "mi-octobre", "avant-hier". An ASCII
      // word's folded form is its lower case, byte for byte: the parts are slices of it.
      const bool ascii = have_folded && IsAscii(s) && seg.folded[k].size() == s.size();
      size_t p = 0;
      bool first = true;
      while (p <= s.size()) {
        size_t q = s.find('-', p);
        if (q == std::string_view::npos) q = s.size();
        if (q > p) {
          Tok t;
          t.start = st.start + static_cast<uint32_t>(p);
          t.end = st.start + static_cast<uint32_t>(q);
          if (ascii) {
            t.f = std::string_view(seg.folded[k]).substr(p, q - p);
          } else {
            buf->store.push_front(FoldFast(s.substr(p, q - p)));
            t.f = buf->store.front();
          }
          t.kind = AllDigits(t.f) ? segment::TokenKind::kNumber : st.kind;
          t.join = first ? (prev_elision ? 0 : ' ') : '-';
          t.cap = first && s[0] >= 'A' && s[0] <= 'Z';
          t.line_start = first && line_start;
          Describe(lx, &t);
          out.push_back(t);
          first = false;
        }
        p = q + 1;
      }
      prev_elision = false;
      continue;
    }
    Tok& t = out.emplace_back();
    t.start = st.start;
    t.end = st.end;
    t.kind = st.kind;
    // The segmenter folded every token once (same fold); fold here only without that layer.
    if (have_folded) {
      t.f = seg.folded[k];
    } else {
      buf->store.push_front(FoldFast(s));
      t.f = buf->store.front();
    }
    // The segmenter hashed the folded token: the lexicon lookup reuses it unless cut here.
    uint64_t hash = have_folded && seg.hashes.size() == seg.tokens.size() ? seg.hashes[k] : 0;
    if (t.kind == segment::TokenKind::kAbbrev && t.f.size() > 1 && t.f.back() == '.') {
      t.f.remove_suffix(1);
      hash = 0;
    }
    t.join = prev_elision || st.kind == segment::TokenKind::kClitic ? 0 : ' ';  // "valentine's"
    unsigned char c0 = s.empty() ? 0 : static_cast<unsigned char>(s[0]);
    t.cap = (c0 >= 'A' && c0 <= 'Z') || (c0 >= 0xC3 && c0 <= 0xC3 && s.size() > 1 &&
                                          static_cast<unsigned char>(s[1]) >= 0x80 &&
                                          static_cast<unsigned char>(s[1]) <= 0x9E);
    t.line_start = line_start;
    Describe(lx, &t, hash);
    prev_elision = !t.f.empty() && t.f.back() == '\'';
  }
}

int MatchPhraseAt(const Normalizer::Lexicon& lx, TokSpan t, size_t i, PK kind,
                  const PhraseEntry** entry) {
  const PhraseSet* set = lx.Kind(kind);
  // The key grows word by word in a local buffer: no allocation for phrases up to its size.
  char buf[192];
  size_t len = 0;
  int best = 0;
  for (int n = 1; n <= set->max_words && i + n - 1 < t.size(); ++n) {
    const Tok& tk = t[i + n - 1];
    // No phrase of the kind goes on with this token (see PhraseSet::words).
    if (n > 1 && !(tk.follows >> static_cast<int>(kind) & 1)) {
      if (tk.brk < 0) tk.brk = HasWordBreak(tk.f) ? 1 : 0;
      if (!tk.brk) break;
    }
    if (len + tk.f.size() + 1 > sizeof buf) break;
    const int32_t* at = nullptr;
    if (n == 1) {
      // A one-word key is the token itself (its hash known): the word goes into buf only
      // when a second one follows.
      len = tk.f.size();
      // The word begins a phrase of the kind without being one: a prefix, no lookup.
      if ((tk.kinds >> static_cast<int>(kind) & 1) && !(tk.whole >> static_cast<int>(kind) & 1))
        continue;
      at = set->keys.Find(tk.f, tk.hash);
    } else {
      if (n == 2) std::memcpy(buf, t[i].f.data(), t[i].f.size());
      if (tk.join) buf[len++] = tk.join;
      std::memcpy(buf + len, tk.f.data(), tk.f.size());
      len += tk.f.size();
      at = set->keys.Find(std::string_view(buf, len));
    }
    if (!at) break;
    if (*at >= 0) {
      best = n;
      if (entry) *entry = &set->entries[static_cast<size_t>(*at)];
    }
  }
  return best;
}

std::string Lemma(const Normalizer::Lexicon& lx, std::string_view noun) {
  // The first rule that applies, read on the view: one string made, the result.
  for (const PluralRule& r : lx.plurals) {
    if (!r.suffix) {
      if (noun == r.form) return r.lemma;
      continue;
    }
    if (noun.size() > r.form.size() + 2 && noun.ends_with(r.form)) {
      std::string w;
      w.reserve(noun.size() - r.form.size() + r.lemma.size());
      w.append(noun.substr(0, noun.size() - r.form.size())).append(r.lemma);
      return w;
    }
  }
  return std::string(noun);
}

}  // namespace vigie::normalize
