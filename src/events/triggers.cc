#include "events/triggers.h"

#include <string_view>

namespace vigie::events {

using namespace std::string_view_literals;  // "x"sv: compares by size first, no strlen

StatusOr<TriggerFinder> TriggerFinder::Create(const core::PackSet& packs,
                                              const segment::Segmenter& segmenter) {
  auto lex =
      PhraseLexicon::Create(packs, segmenter, "event_triggers", {"type", "subtype", "voice"});
  if (!lex.ok()) return lex.status();
  return TriggerFinder(std::move(lex).value());
}

std::vector<TriggerMention> TriggerFinder::Find(std::string_view text,
                                                const segment::Segmentation& seg,
                                                std::string_view lang,
                                                const std::vector<std::string>* folded,
                                                const std::vector<size_t>* hashes) const {
  const std::vector<PhraseMatch> matches = lex_.Find(text, seg, lang, folded, hashes);
  std::vector<TriggerMention> out;
  out.reserve(matches.size());
  for (const PhraseMatch& m : matches) {
    const auto& row = *m.row;  // type, subtype, voice
    if (row[0] == "none"sv) continue;
    TriggerMention t{m.first_token,
                     m.end_token,
                     m.start,
                     m.end,
                     m.sentence,
                     row[0],
                     row[1] == "-"sv ? std::string_view() : std::string_view(row[1]),
                     row[2] == "passive"sv,
                     row[2] == "adj"sv};
    t.weak = row[2] == "weak"sv;
    t.generic = row[2] == "generic"sv;
    t.places = row[2] == "places"sv;
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace vigie::events
