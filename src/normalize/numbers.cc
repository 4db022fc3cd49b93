// Number grammar: numeric tokens in every grouping style, number words, vague amounts,
// qualifiers, ranges and percentages.
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "normalize/normalize_internal.h"

namespace vigie::normalize {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Digits with separators to a value; `decimal_mark` decides what a lone ',' or '.' before three
// digits means (grouping in "1,200" en / "1.200" fr, decimal otherwise).
bool ParseGrouped(std::string_view s, char decimal_mark, double* value) {
  int n_comma = 0, n_dot = 0;
  size_t last_sep = 0;  // position in `s` of the last ',' or '.'
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (IsDigit(c)) continue;
    if (c == ',')
      ++n_comma, last_sep = i;
    else if (c == '.')
      ++n_dot, last_sep = i;
    else if (c == ' ' || c == '\'')
      continue;
    else
      return false;
  }
  if (s.empty() || !IsDigit(s.front()) || !IsDigit(s.back())) return false;
  char decimal = 0;
  if (n_comma && n_dot) {
    decimal = s[last_sep];
  } else if (n_comma + n_dot == 1) {
    size_t after = s.size() - last_sep - 1;
    char sep = s[last_sep];
    bool group_like = after == 3;
    if (!group_like)
      decimal = sep;
    else
      decimal = sep == decimal_mark ? sep : 0;
  }
  // The digits (and the decimal point) in a local buffer: at most 18 characters.
  char clean[20];
  size_t len = 0;
  bool point = false;
  uint64_t whole = 0;
  for (char c : s) {
    if (IsDigit(c)) {
      if (len == 18) return false;
      clean[len++] = c;
      whole = whole * 10 + static_cast<uint64_t>(c - '0');
    } else if (c == decimal) {
      if (len == 18) return false;
      clean[len++] = '.';
      point = true;
    }
  }
  if (len == 0) return false;
  if (!point) {
    *value = static_cast<double>(whole);  // exact below 2^53, else rounded as strtod would
    return true;
  }
  std::from_chars(clean, clean + len, *value);
  return true;
}

bool Ends(std::string_view s, std::string_view suf) {
  return s.size() > suf.size() && s.substr(s.size() - suf.size()) == suf;
}

}  // namespace

bool ParseNumericToken(std::string_view s, const Normalizer::Lexicon& lx, double* value,
                       bool* ordinal) {
  *ordinal = false;
  while (!s.empty() && (s.back() == '%' || s.back() == ' ')) s.remove_suffix(1);
  if (s.empty() || !IsDigit(s[0])) return false;
  for (const std::string& suf : lx.ordinal_suffixes) {
    if (Ends(s, suf) && IsDigit(s[s.size() - suf.size() - 1])) {
      std::string_view d = s.substr(0, s.size() - std::string_view(suf).size());
      bool all = true;
      for (char c : d) all = all && IsDigit(c);
      if (!all || d.size() > 6) return false;
      uint64_t v = 0;
      for (char c : d) v = v * 10 + static_cast<uint64_t>(c - '0');
      *value = static_cast<double>(v);
      *ordinal = true;
      return true;
    }
  }
  double mult = 1;
  if (s.back() == 'k' || s.back() == 'K')
    mult = 1e3, s.remove_suffix(1);
  else if (s.back() == 'm' || s.back() == 'M')
    mult = 1e6, s.remove_suffix(1);
  if (!ParseGrouped(s, lx.decimal_mark, value)) return false;
  *value *= mult;
  return true;
}

size_t ParseCardinalAt(const Normalizer::Lexicon& lx, TokSpan t, size_t i, double* value) {
  if (i >= t.size() || !MayStartCardinal(t[i])) return i;
  double total = 0, current = 0, last_unit = 1e18, last_scale = 0;
  bool any = false;
  size_t j = i, end = i;
  auto is_num_word = [&](size_t k) {
    return k < t.size() && (MatchPhrase(lx, t, k, PK::kUnit, nullptr) ||
                            MatchPhrase(lx, t, k, PK::kScale, nullptr));
  };
  while (j < t.size()) {
    const Tok& tk = t[j];
    const PhraseEntry* e = nullptr;
    int n = 0;
    if (tk.kind == segment::TokenKind::kNumber) {
      if (any) break;
      if (!tk.num_ok || tk.num_ordinal) break;
      current = tk.num;
      any = true;
      last_unit = 0;  // digits take no unit words after them
      end = ++j;
      continue;
    }
    if ((n = MatchPhrase(lx, t, j, PK::kUnit, &e))) {
      if (any && (e->value >= last_unit || last_unit <= 0)) break;
      current += e->value;
      last_unit = e->value;
      any = true;
      end = j += n;
      continue;
    }
    if ((n = MatchPhrase(lx, t, j, PK::kScale, &e))) {
      if (e->value >= 1000 && current == 0 && total > 0 && e->value > last_scale) {
        total *= e->value;  // "three thousand millions"
        last_scale = e->value;
        end = j += n;
        continue;
      }
      if (e->value >= 1000) last_scale = e->value;
      if (e->value < 1000) {
        current = (current == 0 ? 1 : current) * e->value;
      } else {
        total += (current == 0 ? 1 : current) * e->value;
        current = 0;
      }
      any = true;
      last_unit = e->value < 1000 ? 100 : 1e18;
      end = j += n;
      continue;
    }
    // "two point two million", "1 point 1", "point 77": digits after the decimal word.
    if (last_unit != -1 && (n = MatchPhrase(lx, t, j, PK::kDecimal, &e)) && j + n < t.size()) {
      size_t k = j + n;
      std::string digits;
      if (t[k].kind == segment::TokenKind::kNumber &&
          t[k].f.find_first_not_of("0123456789") == std::string::npos) {
        digits = std::string(t[k].f);
        ++k;
      } else {
        const PhraseEntry* d = nullptr;
        while (k < t.size() && MatchPhrase(lx, t, k, PK::kUnit, &d) == 1 && d->value < 10) {
          digits.push_back(static_cast<char>('0' + static_cast<int>(d->value)));
          ++k;
        }
      }
      if (digits.empty() || digits.size() > 9) break;
      current += std::strtod(("0." + digits).c_str(), nullptr);
      any = true;
      last_unit = -1;  // only a scale may follow
      end = j = k;
      continue;
    }
    if (any && (n = MatchPhrase(lx, t, j, PK::kConnector, &e)) && is_num_word(j + n) &&
        !MatchPhrase(lx, t, j + n, PK::kScale, nullptr)) {
      j += n;
      continue;
    }
    if (!any && (n = MatchPhrase(lx, t, j, PK::kArticle, &e)) && j + n < t.size() &&
        MatchPhrase(lx, t, j + n, PK::kScale, nullptr)) {
      j += n;
      continue;
    }
    break;
  }
  if (!any) return i;
  *value = total + current;
  return end;
}

size_t ParseNumberAt(const Normalizer::Lexicon& lx, TokSpan t, size_t i, Number* out) {
  if (i >= t.size()) return i;
  auto digits = [&](size_t k) {
    if (k >= t.size() || t[k].kind != segment::TokenKind::kNumber || t[k].f.empty() ||
        t[k].f.size() > 9)
      return false;
    for (char c : t[k].f)
      if (c < '0' || c > '9') return false;
    return true;
  };
  auto glued = [&](size_t k) { return k < t.size() && t[k].start == t[k - 1].end; };
  // "20/100": a fraction the segmenter cut at the slash.
  if (digits(i) && glued(i + 1) && t[i + 1].f == "/" && glued(i + 2) && digits(i + 2) &&
      !(glued(i + 3) && t[i + 3].kind != segment::TokenKind::kPunct)) {
    const double a = std::strtod(std::string(t[i].f).c_str(), nullptr),
                 b = std::strtod(std::string(t[i + 2].f).c_str(), nullptr);
    if (a >= 1 && a < b && b <= 100) {
      Number num;
      num.start = t[i].start;
      num.end = t[i + 2].end;
      num.value = num.min = num.max = a / b;
      *out = num;
      return i + 3;
    }
  }
  if (double v = 0; FractionTok(t[i], &v)) {  // "1/5", "2/3": no date context read it as a day
    Number num;
    num.start = t[i].start;
    num.end = t[i].end;
    num.value = num.min = num.max = v;
    *out = num;
    return i + 1;
  }
  // "minus 5", "-5" (the sign glued to its number and not joining two numbers as in "13-15").
  size_t sign = 0;
  if (int n = MatchPhrase(lx, t, i, PK::kNegative, nullptr)) {
    sign = n;
  } else if (t[i].kind == segment::TokenKind::kPunct && t[i].f == "-" && i + 1 < t.size() &&
             t[i + 1].kind == segment::TokenKind::kNumber && t[i + 1].start == t[i].end &&
             !t[i].line_start &&
             (i == 0 || t[i - 1].end < t[i].start || t[i - 1].kind == segment::TokenKind::kPunct)) {
    sign = 1;
  }
  if (sign) {
    Number num;
    size_t k = ParseNumberAt(lx, t, i + sign, &num);
    if (k > i + sign && !num.ordinal && !num.vague && num.qualifier == Qualifier::kExact) {
      num.start = t[i].start;
      num.value = num.min = num.max = -num.value;
      *out = num;
      return k;
    }
    // Not a signed number ("moins de 5" is a qualifier): read on as usual.
  }
  Number num;
  num.start = t[i].start;
  size_t j = i;
  const PhraseEntry* e = nullptr;
  bool qualified = false;
  if (int n = MatchPhrase(lx, t, j, PK::kQualifier, &e)) {
    const std::string& q = e->arg1;
    num.qualifier = q == "more_than"   ? Qualifier::kMoreThan
                    : q == "at_least"  ? Qualifier::kAtLeast
                    : q == "less_than" ? Qualifier::kLessThan
                                       : Qualifier::kAbout;
    qualified = true;
    j += n;
  }
  // entre 30 et 40 / between 30 and 40
  if (int n = MatchPhrase(lx, t, j, PK::kRangeOpen, nullptr)) {
    double a = 0, b = 0;
    size_t k = ParseCardinalAt(lx, t, j + n, &a);
    int m = k > j + n ? MatchPhrase(lx, t, k, PK::kRangeAnd, nullptr) : 0;
    size_t l = m ? ParseCardinalAt(lx, t, k + m, &b) : k;
    if (m && l > k + m && b > a) {
      num.value = num.min = a;
      num.max = b;
      num.qualifier = Qualifier::kRange;
      num.end = t[l - 1].end;
      *out = num;
      return l;
    }
  }
  if (int n = MatchPhrase(lx, t, j, PK::kVague, &e)) {
    num.value = num.min = num.max = e->value;
    num.vague = true;
    if (!qualified) num.qualifier = Qualifier::kAbout;
    num.end = t[j + n - 1].end;
    *out = num;
    return j + n;
  }
  const Tok& tk = t[j < t.size() ? j : t.size() - 1];
  if (j >= t.size()) return i;
  double v = 0;
  if (tk.kind == segment::TokenKind::kPercent) {
    if (!tk.num_ok) return i;
    num.value = num.min = num.max = tk.num;
    num.percent = true;
    num.end = tk.end;
    *out = num;
    return j + 1;
  }
  if (tk.kind == segment::TokenKind::kNumber && tk.num_ok && tk.num_ordinal) {
    num.value = num.min = num.max = tk.num;
    num.ordinal = true;
    num.end = tk.end;
    *out = num;
    return j + 1;
  }
  // "twenty-fifth", "thirty first", "forty—second": tens then an ordinal unit (a dash glued
  // to both may stand between).
  if (!qualified && j + 1 < t.size()) {
    const PhraseEntry* tens = nullptr;
    const PhraseEntry* ord = nullptr;
    size_t o = j + 1;
    if (t[o].kind == segment::TokenKind::kPunct && t[o].start == t[j].end && o + 1 < t.size() &&
        t[o + 1].start == t[o].end)
      ++o;
    if (MatchPhrase(lx, t, j, PK::kUnit, &tens) == 1 && tens->value >= 20 && tens->value < 100 &&
        static_cast<int>(tens->value) % 10 == 0 && MatchPhrase(lx, t, o, PK::kOrdinal, &ord) == 1 &&
        ord->value < 10) {
      num.value = num.min = num.max = tens->value + ord->value;
      num.ordinal = true;
      num.end = t[o].end;
      *out = num;
      return o + 1;
    }
  }
  if (!qualified) {
    if (int n = MatchPhrase(lx, t, j, PK::kOrdinal, &e)) {
      if (!MatchPhrase(lx, t, j, PK::kUnit, nullptr)) {
        num.value = num.min = num.max = e->value;
        num.ordinal = true;
        num.end = t[j + n - 1].end;
        *out = num;
        return j + n;
      }
    }
  }
  size_t k = ParseCardinalAt(lx, t, j, &v);
  if (k == j) return i;
  num.value = num.min = num.max = v;
  num.end = t[k - 1].end;
  if (int n = MatchPhrase(lx, t, k, PK::kPercent, nullptr)) {
    num.percent = true;
    num.end = t[k + n - 1].end;
    k += n;
  } else if (!qualified) {
    // 30 à 40 / 30 to 40
    if (int m = MatchPhrase(lx, t, k, PK::kRangeMid, nullptr)) {
      double b = 0;
      size_t l = ParseCardinalAt(lx, t, k + m, &b);
      if (l > k + m && b > v && t[k + m].kind == t[j].kind) {
        num.max = b;
        num.qualifier = Qualifier::kRange;
        num.end = t[l - 1].end;
        k = l;
      }
    }
  }
  *out = num;
  return k;
}

}  // namespace vigie::normalize
