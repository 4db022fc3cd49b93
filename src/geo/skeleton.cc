#include "geo/skeleton.h"

#include <algorithm>

#include "core/text.h"

namespace vigie::geo {

namespace {

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (true) {
    size_t j = s.find(sep, i);
    out.push_back(s.substr(i, j == std::string_view::npos ? std::string_view::npos : j - i));
    if (j == std::string_view::npos) break;
    i = j + 1;
  }
  return out;
}

constexpr char kVowelMark = '_';

bool IsWordChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

}  // namespace

StatusOr<Skeleton> Skeleton::Parse(std::string_view tsv, const std::string& label) {
  Skeleton s;
  s.source_ = std::string(tsv);
  int kc = -1, fc = -1, tc = -1;
  size_t line_no = 0;
  for (std::string_view line : Split(tsv, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    auto cols = Split(line, '\t');
    if (kc < 0) {
      for (size_t c = 0; c < cols.size(); ++c) {
        if (cols[c] == "kind") kc = int(c);
        if (cols[c] == "from") fc = int(c);
        if (cols[c] == "to") tc = int(c);
      }
      if (kc < 0 || fc < 0 || tc < 0)
        return Status::InvalidArgument(label + ": needs columns kind, from, to");
      continue;
    }
    auto at = [&](int c) { return size_t(c) < cols.size() ? cols[size_t(c)] : std::string_view(); };
    std::string_view kind = at(kc), to = at(tc);
    std::string from = std::string(at(fc));
    std::string where = label + ":" + std::to_string(line_no);
    if (from.empty()) return Status::InvalidArgument(where + ": empty `from`");
    if (kind == "silent") {
      s.silent_.push_back(from);
    } else if (kind == "article") {
      std::string a = core::FoldForMatch(from);
      s.max_article_ = std::max(s.max_article_, a.size());
      s.articles_.insert(std::move(a));
    } else if (kind == "rewrite") {
      Rewrite r;
      r.at_end = from.back() == '$';
      if (r.at_end) from.pop_back();
      r.from = from;
      r.to = std::string(to);
      if (r.from.empty()) return Status::InvalidArgument(where + ": empty rewrite");
      s.rewrites_.push_back(std::move(r));
    } else if (kind == "country") {
      if (from.size() != 2)
        return Status::InvalidArgument(where + ": a country is an ISO 3166-1 alpha-2 code");
      s.countries_.insert(from);
    } else if (kind == "vowel") {
      if (from.size() != 1) return Status::InvalidArgument(where + ": a vowel is one ASCII letter");
      s.vowel_[static_cast<unsigned char>(from[0])] = true;
      s.initial_[static_cast<unsigned char>(from[0])] = std::string(to);
    } else {
      return Status::InvalidArgument(where + ": unknown kind " + std::string(kind) +
                                     " (silent, article, rewrite, vowel or country)");
    }
  }
  std::stable_sort(s.rewrites_.begin(), s.rewrites_.end(), [](const Rewrite& a, const Rewrite& b) {
    return a.from.size() > b.from.size();
  });
  for (const auto& r : s.rewrites_)
    s.growth_ = std::max(s.growth_, (r.to.size() + r.from.size() - 1) / r.from.size());
  for (const auto& init : s.initial_) s.initial_growth_ = std::max(s.initial_growth_, init.size());
  for (size_t i = 0; i < s.rewrites_.size(); ++i) {
    unsigned char first = static_cast<unsigned char>(s.rewrites_[i].from[0]);
    s.rewrite_first_[first] = true;
    s.rewrites_by_first_[first].push_back(uint16_t(i));
  }
  for (const auto& x : s.silent_) s.silent_first_[static_cast<unsigned char>(x[0])] = true;
  return s;
}

std::string Skeleton::Word(std::string_view w, size_t* consonants) const {
  for (char c : w)
    if (!IsWordChar(c)) return {};
  // Both passes write through a pointer into room sized beforehand (the rules say by how
  // much a word can grow); this runs for every capitalised word that starts no known name.
  // Short words (nearly all) use buffers on the stack: no allocation but the result's.
  char r_stack[64], o_stack[128];
  std::string r_heap, o_heap;
  const size_t r_cap = w.size() * growth_;
  char* const r = r_cap <= sizeof r_stack ? r_stack : (r_heap.resize(r_cap), r_heap.data());
  char* rp = r;
  for (size_t i = 0; i < w.size();) {
    if (!rewrite_first_[static_cast<unsigned char>(w[i])]) {
      *rp++ = w[i++];
      continue;
    }
    bool done = false;
    for (uint16_t ri : rewrites_by_first_[static_cast<unsigned char>(w[i])]) {
      const Rewrite& rw = rewrites_[ri];
      if (rw.at_end && i + rw.from.size() != w.size()) continue;
      if (w.compare(i, rw.from.size(), rw.from) != 0) continue;
      rp = std::copy(rw.to.begin(), rw.to.end(), rp);
      i += rw.from.size();
      done = true;
      break;
    }
    if (!done) *rp++ = w[i++];
  }
  const size_t rn = size_t(rp - r);
  const size_t o_cap = rn * initial_growth_;
  char* const o0 = o_cap <= sizeof o_stack ? o_stack : (o_heap.resize(o_cap), o_heap.data());
  char* op = o0;
  // Vowels keep their place as one marker per run, so "Highway" and "Hough" stay apart while
  // "Hodeida" and "Hudaydah" meet; a word-final vowel is dropped ("Noomane" = "Nu'man").
  size_t n = 0;
  bool vowel_run = false;
  for (size_t i = 0; i < rn; ++i) {
    char c = r[i];
    if (vowel_[static_cast<unsigned char>(c)]) {
      if (i == 0) {
        const std::string& init = initial_[static_cast<unsigned char>(c)];
        op = std::copy(init.begin(), init.end(), op);
      } else if (!vowel_run) {
        *op++ = kVowelMark;
      }
      vowel_run = true;
      continue;
    }
    if (!vowel_run && op != o0 && op[-1] == c) continue;  // doubled letters
    vowel_run = false;
    *op++ = c;
    ++n;
  }
  if (op - o0 > 1 && op[-1] == kVowelMark && rn > 0 && vowel_[static_cast<unsigned char>(r[rn - 1])]) --op;
  if (consonants != nullptr) *consonants += n;
  return std::string(o0, size_t(op - o0));
}

std::string Skeleton::DropSilent(std::string_view folded) const {
  std::string out(folded);
  bool any = false;
  for (char c : folded) any |= silent_first_[static_cast<unsigned char>(c)];
  if (!any) return out;
  for (const auto& s : silent_) {
    size_t at;
    while ((at = out.find(s)) != std::string::npos) out.erase(at, s.size());
  }
  return out;
}

std::string Skeleton::Name(std::string_view name) const {
  std::string folded = DropSilent(core::FoldForMatch(name));
  std::vector<std::string> words;
  std::string cur;
  size_t letters = 0;
  auto flush = [&] {
    if (!cur.empty()) words.push_back(cur);
    cur.clear();
  };
  for (char c : folded) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80) return {};  // not Latin letters once folded
    if (c == '.') continue;
    if (IsWordChar(c)) {
      cur.push_back(c);
      ++letters;
    } else {
      flush();
    }
  }
  flush();
  if (letters < 4) return {};
  size_t content = 0;
  for (const auto& w : words) content += !IsArticle(w);
  std::string key;
  size_t consonants = 0;
  for (const auto& w : words) {
    if (content > 0 && IsArticle(w)) continue;
    std::string s = Word(w, &consonants);
    if (s.empty()) continue;
    if (!key.empty()) key.push_back(' ');
    key += s;
  }
  return consonants >= 2 ? key : std::string();
}

}  // namespace vigie::geo
