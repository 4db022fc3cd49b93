// Text folding for dictionary matching (places, actors, triggers): lower case, no
// diacritics, typographic apostrophes and dashes made plain. Thread-safe (ICU singletons).
#pragma once

#include <string>
#include <string_view>

namespace vigie::core {

// "Alep-Est" -> "alep-est", "État" -> "etat", "l’armée" -> "l'armee", "Ḥalab" -> "halab".
// Arabic and other scripts are case-folded and stripped of combining marks only.
std::string FoldForMatch(std::string_view utf8);
// The same, written into *out (its storage reused; utf8 must not point into it): for
// filling many folded strings in place.
void FoldForMatchInto(std::string_view utf8, std::string* out);

// Unicode NFC of a UTF-8 string.
std::string ToNfc(std::string_view utf8);

}  // namespace vigie::core
