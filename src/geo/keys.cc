#include "geo/keys.h"

#include "core/hash.h"
#include "core/text.h"

namespace vigie::geo {

std::string NameKey(std::string_view name) {
  std::string folded = core::FoldForMatch(name);
  std::string out;
  out.reserve(folded.size());
  bool space = true;  // suppress leading spaces
  for (char c : folded) {
    unsigned char u = static_cast<unsigned char>(c);
    bool sep = u < 0x80 && !((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') ||
                             (u >= 'A' && u <= 'Z'));
    if (c == '.') continue;  // "U.S." -> "us", "St. Louis" -> "st louis"
    if (sep) {
      if (!space) out.push_back(' ');
      space = true;
    } else {
      out.push_back(c);
      space = false;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::vector<std::string_view> KeyWords(std::string_view key) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < key.size()) {
    size_t j = key.find(' ', i);
    if (j == std::string_view::npos) j = key.size();
    if (j > i) words.push_back(key.substr(i, j - i));
    i = j + 1;
  }
  return words;
}

uint64_t KeyHash(std::string_view key) { return core::Hash64(key); }

}  // namespace vigie::geo
