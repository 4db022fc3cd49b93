#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/langpack.h"
#include "core/text.h"
#include "html/html_internal.h"

namespace vigie::html::internal {

namespace {

bool Digits(std::string_view s, size_t pos, size_t n) {
  if (pos + n > s.size()) return false;
  for (size_t i = pos; i < pos + n; ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

int Num(std::string_view s, size_t pos, size_t n) {
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

std::string Format(int y, int m, int d) {
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1990 || y > 2099 || m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return "";
  if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return "";
  char buf[48];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m, d);
  return buf;
}

bool Sep(char c) { return c == '-' || c == '/' || c == '.' || c == '_'; }

}  // namespace

std::string NormalizeDate(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  // YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD
  if (Digits(s, 0, 4) && s.size() >= 10 && Sep(s[4]) && Digits(s, 5, 2) && s[7] == s[4] &&
      Digits(s, 8, 2) && (s.size() == 10 || !std::isdigit(static_cast<unsigned char>(s[10]))))
    return Format(Num(s, 0, 4), Num(s, 5, 2), Num(s, 8, 2));
  // YYYYMMDD
  if (Digits(s, 0, 8) && (s.size() == 8 || !std::isdigit(static_cast<unsigned char>(s[8]))))
    return Format(Num(s, 0, 4), Num(s, 4, 2), Num(s, 6, 2));
  // D.M.YYYY, DD.MM.YYYY (European order; US MM/DD/YYYY is not guessed)
  size_t d_len = Digits(s, 0, 2) ? 2 : (Digits(s, 0, 1) ? 1 : 0);
  if (d_len > 0 && d_len < s.size() && s[d_len] == '.') {
    size_t m_at = d_len + 1;
    size_t m_len = Digits(s, m_at, 2) ? 2 : (Digits(s, m_at, 1) ? 1 : 0);
    size_t y_at = m_at + m_len + 1;
    if (m_len > 0 && y_at - 1 < s.size() && s[y_at - 1] == '.' && Digits(s, y_at, 4) &&
        (y_at + 4 == s.size() || !std::isdigit(static_cast<unsigned char>(s[y_at + 4]))))
      return Format(Num(s, y_at, 4), Num(s, m_at, m_len), Num(s, 0, d_len));
  }
  return "";
}

namespace {

bool IsWordByte(unsigned char c) { return std::isalpha(c) || c >= 0x80; }

struct Token {
  size_t begin, end;
  bool number;
};

// Numbers and words of `t` (a word is a run of letters, any non-ASCII byte counting as one).
std::vector<Token> Tokens(std::string_view t) {
  std::vector<Token> out;
  for (size_t i = 0; i < t.size();) {
    const unsigned char c = static_cast<unsigned char>(t[i]);
    if (std::isdigit(c) || IsWordByte(c)) {
      const bool number = std::isdigit(c);
      size_t j = i;
      while (j < t.size() && (number ? std::isdigit(static_cast<unsigned char>(t[j]))
                                     : IsWordByte(static_cast<unsigned char>(t[j]))))
        ++j;
      out.push_back({i, j, number});
      i = j;
    } else {
      ++i;
    }
  }
  return out;
}

// Month of a word token, or 0. A single-letter word is never a month.
int MonthOf(std::string_view t, const Token& tok, const MonthNames& months) {
  if (tok.number || tok.end - tok.begin < 2) return 0;
  auto it = months.find(core::FoldForMatch(t.substr(tok.begin, tok.end - tok.begin)));
  return it == months.end() ? 0 : it->second;
}

int DayOf(std::string_view t, const Token& tok) {
  if (!tok.number || tok.end - tok.begin > 2) return 0;
  return Num(t, tok.begin, tok.end - tok.begin);
}

int YearOf(std::string_view t, const Token& tok) {
  if (!tok.number || tok.end - tok.begin != 4) return 0;
  return Num(t, tok.begin, 4);
}

}  // namespace

std::string DateInText(std::string_view t, const MonthNames* months) {
  // Every form has a 4-digit year (8 digits for YYYYMMDD): most text has none, and is done.
  bool has_year = false;
  for (size_t k = 0, run = 0; k < t.size() && !has_year; ++k) {
    run = std::isdigit(static_cast<unsigned char>(t[k])) ? run + 1 : 0;
    has_year = run >= 4;
  }
  if (!has_year) return "";
  // Numeric forms: the first digit run that starts a date.
  size_t numeric_at = std::string_view::npos;
  std::string numeric;
  for (size_t k = 0; k < t.size(); ++k) {
    if (!std::isdigit(static_cast<unsigned char>(t[k])) ||
        (k > 0 && std::isdigit(static_cast<unsigned char>(t[k - 1]))))
      continue;
    numeric = NormalizeDate(t.substr(k, 11));
    if (!numeric.empty()) {
      numeric_at = k;
      break;
    }
  }
  if (months == nullptr || months->empty()) return numeric;
  // Written months: "7 December 2016", "7. Dezember 2016", "1er décembre 2016",
  // "December 7, 2016", "Dec. 7th 2016". A short word between day and month or year (an
  // ordinal suffix) is skipped.
  const std::vector<Token> tok = Tokens(t);
  auto skip_suffix = [&](size_t i) {
    return i < tok.size() && !tok[i].number && tok[i].end - tok[i].begin <= 2 &&
                   tok[i].begin == tok[i - 1].end
               ? i + 1
               : i;
  };
  for (size_t i = 0; i < tok.size() && tok[i].begin < numeric_at; ++i) {
    const int m = MonthOf(t, tok[i], *months);
    if (m == 0) continue;
    // Day before the month.
    if (i >= 1) {
      size_t d_at = i - 1;
      if (d_at >= 1 && !tok[d_at].number && tok[d_at].end - tok[d_at].begin <= 2 &&
          tok[d_at - 1].number && tok[d_at - 1].end == tok[d_at].begin)
        --d_at;  // "1er décembre"
      const int d = DayOf(t, tok[d_at]);
      if (d > 0 && i + 1 < tok.size()) {
        const int y = YearOf(t, tok[i + 1]);
        std::string out = y > 0 ? Format(y, m, d) : "";
        if (!out.empty()) return out;
      }
    }
    // Day after the month.
    if (i + 2 < tok.size()) {
      const int d = DayOf(t, tok[i + 1]);
      const size_t y_at = skip_suffix(i + 2);
      if (d > 0 && y_at < tok.size()) {
        const int y = YearOf(t, tok[y_at]);
        std::string out = y > 0 ? Format(y, m, d) : "";
        if (!out.empty()) return out;
      }
    }
  }
  return numeric;
}

std::string DateFromUrl(std::string_view url) {
  for (size_t i = 0; i + 8 <= url.size(); ++i) {
    if (url[i] != '/' && url[i] != '-' && url[i] != '_') continue;
    size_t p = i + 1;
    if (!Digits(url, p, 4)) continue;
    int y = Num(url, p, 4);
    if (y < 1990 || y > 2099) continue;
    // /YYYY/MM/DD or /YYYY-MM-DD
    if (p + 10 <= url.size() && Sep(url[p + 4]) && Digits(url, p + 5, 2) && url[p + 7] == url[p + 4] &&
        Digits(url, p + 8, 2) && (p + 10 == url.size() || !std::isdigit(static_cast<unsigned char>(url[p + 10])))) {
      std::string d = Format(y, Num(url, p + 5, 2), Num(url, p + 8, 2));
      if (!d.empty()) return d;
    }
    // /YYYYMMDD followed by a non-digit
    if (Digits(url, p, 8) && (p + 8 == url.size() || !std::isdigit(static_cast<unsigned char>(url[p + 8])))) {
      std::string d = Format(y, Num(url, p + 4, 2), Num(url, p + 6, 2));
      if (!d.empty()) return d;
    }
  }
  return "";
}

std::string HostOf(std::string_view url) {
  size_t p = url.find("://");
  if (p == std::string_view::npos) return "";
  url.remove_prefix(p + 3);
  size_t end = url.find_first_of("/?#:");
  std::string host(url.substr(0, end));
  for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (host.starts_with("www.")) host.erase(0, 4);
  size_t at = host.find('@');
  if (at != std::string::npos) host.erase(0, at + 1);
  return host;
}

}  // namespace vigie::html::internal

namespace vigie::html {

MonthNames MonthNamesFromPacks(const core::PackSet& packs) {
  MonthNames out;
  for (const std::string& lang : packs.Languages()) {
    const core::TsvTable* t = packs.Get(lang)->Table("months");
    if (t == nullptr) continue;
    const int word = t->Column("word"), month = t->Column("month");
    if (word < 0 || month < 0) continue;
    for (const auto& row : t->rows) {
      const int m = std::atoi(row[month].c_str());
      if (m >= 1 && m <= 12 && !row[word].empty()) out.emplace(core::FoldForMatch(row[word]), m);
    }
  }
  return out;
}

}  // namespace vigie::html
