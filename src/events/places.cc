#include "events/places.h"

#include <algorithm>

#include "core/text.h"
#include "events/spans.h"

namespace vigie::events {

using namespace std::string_view_literals;

namespace {

// People leaving: they leave the part of town the text last named.
bool Departure(std::string_view type) { return type == "displacement"sv || type == "evacuation"sv; }

}  // namespace

StatusOr<AreaPhrases> AreaPhrases::Create(const core::PackSet& packs) {
  AreaPhrases a;
  for (const std::string& lang : packs.Languages()) {
    const core::TsvTable* t = packs.Get(lang)->Table("geo_city_refs");
    if (t == nullptr) continue;
    const int pc = t->Column("pattern"), rc = t->Column("refers");
    if (pc < 0 || rc < 0) return Status::Corruption(t->path + ": needs columns pattern, refers");
    for (const auto& row : t->rows)
      if (row[size_t(rc)] == "last"sv) {
        a.by_lang_[lang].push_back(core::FoldForMatch(row[size_t(pc)]));
        a.longest_ = std::max(a.longest_, a.by_lang_[lang].back().size());
      }
  }
  return a;
}

bool AreaPhrases::Has(std::string_view lang, std::string_view folded) const {
  auto it = by_lang_.find(std::string(lang));
  if (it == by_lang_.end()) return false;
  for (const std::string& p : it->second)
    if (p == folded) return true;
  return false;
}

DocumentPlaces::DocumentPlaces(std::string_view text, const segment::Segmentation& seg,
                               const std::vector<PlaceMention>& mentions,
                               const std::vector<actors::ActorMention>& actors,
                               const std::vector<Cue>& cues, uint32_t dateline_end,
                               const AreaPhrases* area, std::string_view lang)
    : text_(text),
      seg_(seg),
      cues_(cues),
      dateline_end_(dateline_end),
      area_(area),
      lang_(lang),
      first_(mentions.data()),
      tests_(mentions.size(), 0) {
  // The places that are not an actor's words, as pointers into the mentions (no copy).
  for (const auto& p : mentions) {
    bool actor_words = false;
    for (const auto& a : actors)
      if ((a.named && p.start < a.head_end && p.end > a.head_start) ||
          (p.location.precision == "country"sv && p.start >= a.start && p.end <= a.end))
        actor_words = true;  // "Islamic State", or the nationality of "the Somali government
    if (!actor_words) places_.push_back(&p);
  }
  sorted_ = std::is_sorted(
      places_.begin(), places_.end(),
      [](const PlaceMention* a, const PlaceMention* b) { return a->start < b->start; });
}

bool DocumentPlaces::Is(const PlaceMention& p, Test test) {
  uint16_t& bits = tests_[size_t(&p - first_)];
  const unsigned known = 1u << (2 * test), yes = known << 1;
  if (!(bits & known)) {
    bool v = false;
    switch (test) {
      case kSpeaks:
        v = Speaks(p);
        break;
      case kDestination:
        v = Destination(p);
        break;
      case kOrigin:
        v = After(p, "origin"sv);
        break;
      case kArea:
        v = AreaPhrase(p);
        break;
    }
    bits = uint16_t(bits | known | (v ? yes : 0));
  }
  return bits & yes;
}

std::span<const PlaceMention* const> DocumentPlaces::Near(const segment::Sentence& sent) const {
  if (!sorted_) return places_;
  auto lo = std::lower_bound(places_.begin(), places_.end(), sent.start,
                             [](const PlaceMention* p, uint32_t x) { return p->start < x; });
  auto hi = std::upper_bound(lo, places_.end(), sent.end,
                             [](uint32_t x, const PlaceMention* p) { return x < p->start; });
  return {lo, hi};
}

bool DocumentPlaces::After(const PlaceMention& p, std::string_view kind) const {
  const uint32_t p0 = TokenAt(seg_, p.start);
  for (const Cue& c : CuesEndingFrom(cues_, p0 >= 3 ? p0 - 3 : 0)) {
    if (c.end_token > p0) break;
    if (c.kind == kind && c.start < p.start) return true;
  }
  return false;
}

bool DocumentPlaces::Destination(const PlaceMention& p) const { return After(p, "destination"sv); }

bool DocumentPlaces::Speaks(const PlaceMention& p) const {
  const uint32_t p1 = TokenAt(seg_, p.end);
  for (const Cue& c : CuesEndingFrom(cues_, p1)) {
    if (c.first_token > p1) break;
    if (c.kind == "report"sv && c.side == "before"sv && c.first_token == p1) return true;
  }
  return false;
}

bool DocumentPlaces::AreaPhrase(const PlaceMention& p) const {
  return area_ != nullptr && p.end - p.start <= area_->longest_raw() &&
         area_->Has(lang_, core::FoldForMatch(text_.substr(p.start, p.end - p.start)));
}

void DocumentPlaces::Attach(const TriggerMention& t, const segment::Sentence& sent,
                            const EventRecord* previous, uint32_t previous_sentence,
                            EventRecord* e) {
  // Places named in the sentences before this one move the focus, but not where people
  // went nor a capital that speaks for its government ("Kinshasa affirme que ...").
  for (; cursor_ < places_.size() && places_[cursor_]->end <= sent.start; ++cursor_) {
    const PlaceMention& p = *places_[cursor_];
    if (p.location.geonameid && p.location.precision != "country"sv && !Is(p, kDestination) &&
        !Is(p, kSpeaks))
      focus_ = &p;
  }
  // Place: the nearest in the sentence, else the place the text is about. People leave
  // a place: where they go ("towards Idlib", "vers la ville de Ménaka") is not it.
  const bool departure = Departure(t.type);
  const PlaceMention* place = nullptr;
  const PlaceMention* origin = nullptr;
  long best = 1L << 30;
  // (A place of the sentence starts inside it: the others are passed over unseen.)
  const std::span<const PlaceMention* const> near = Near(sent);
  for (const PlaceMention* pp : near) {
    const PlaceMention& p = *pp;
    if (!SentenceHas(sent, p.start, p.end) || p.end <= dateline_end_ || Is(p, kSpeaks)) continue;
    if (departure && Is(p, kDestination)) continue;
    // Where forces set out from is not where they act ("parties de la base de Qayyarah,
    // ont repris plusieurs localités"); where people flee from is where they leave.
    // Taken only when nothing else is known ("Rebels coming from Sake attacked a camp").
    if (!departure && Is(p, kOrigin)) {
      if (origin == nullptr) origin = &p;
      continue;
    }
    // A country named beside a known focus is a party or a backdrop ("avec la médiation
    // de la Turquie"), not a more precise place.
    if (p.location.precision == "country"sv && focus_ != nullptr) continue;
    const long d = ClauseDistance(t, seg_, p.start, p.end);
    if (d < best) {
      best = d;
      place = &p;
    }
  }
  if (place == nullptr) {
    place = focus_ != nullptr ? focus_ : origin;
    if (place == nullptr) {
      for (const PlaceMention* p : places_)
        if (p->start >= sent.end) {
          place = p;  // nothing yet: the first place the text names
          break;
        }
    }
  }
  if (place != nullptr) {
    e->location = place->location;
    if (place != focus_ && e->location->text.empty())
      e->location->text = std::string(text_.substr(place->start, place->end - place->start));
    if (place->location.geonameid || !place->location.country.empty()) focus_ = place;
    const bool own = SentenceHas(sent, place->start, place->end);
    if (own && previous != nullptr && previous_sentence + 3 >= t.sentence && previous->location &&
        (previous->location->geonameid || !previous->location->country.empty()) &&
        Is(*place, kArea)) {
      // "the area", "la même zone": where the story's preceding event happened, with its
      // part (the geo stage can only take the last place named, which may be where the
      // wounded were taken or where a source speaks from).
      e->location = *previous->location;
      e->location->text = std::string(text_.substr(place->start, place->end - place->start));
    } else if (!own && !e->location->part.empty() && !Departure(t.type)) {
      // An event told with no place of its own happened in the town the text is about; the
      // part of town said for an earlier event is not said of this one ("... retook the
      // complex in the centre of Fallujah. Since Monday, forces have detained 1,500 men"),
      // unless it is that event told on (same type and subtype, the sentence after, same
      // place; or a demonstrative before the trigger: "ces combats"). People leaving do
      // leave the part just named ("... left East Aleppo. 1,000 people were evacuated").
      const bool told_on = previous != nullptr && previous_sentence + 1 >= t.sentence &&
                           previous->type == t.type && previous->subtype == t.subtype &&
                           previous->location &&
                           previous->location->geonameid == e->location->geonameid &&
                           previous->location->part == e->location->part;
      // "tués dans cette attaque", "these clashes" (cue kind anaphor): the event just told.
      bool demonstrative = false;
      for (const Cue& c : CuesEndingFrom(cues_, t.first_token)) {
        if (c.end_token > t.first_token) break;
        demonstrative = c.kind == "anaphor"sv;
      }
      if (!told_on && !demonstrative) {
        e->location->part.clear();
        e->location->text.clear();  // the words said the part: not this event's place text
      }
    }
    // Aid to people who have just fled ("ces civils ont été aidés") reaches them where
    // they went, not in the part of town they left: with no place of its own, the town.
    if (place == focus_ && !SentenceHas(sent, place->start, place->end) &&
        t.type == "aid_delivery"sv && previous != nullptr && previous_sentence + 2 >= t.sentence &&
        (previous->type == "displacement"sv || previous->type == "evacuation"sv) &&
        previous->location && previous->location->geonameid == e->location->geonameid) {
      e->location->part.clear();
      e->location->text.clear();
    }
  }
  // Places seen in this sentence move the focus too.
  for (const PlaceMention* p : near)
    if (SentenceHas(sent, p->start, p->end) && p->location.geonameid &&
        p->location.precision != "country"sv)
      focus_ = p;
}

DocumentPlaces::TollPlaces DocumentPlaces::ForToll(const segment::Sentence& sent) const {
  TollPlaces r;
  for (const PlaceMention* pp : places_) {
    const PlaceMention& p = *pp;
    if (p.start >= sent.end) break;
    if (p.location.geonameid || !p.location.country.empty()) r.latest = &p;
    if (SentenceHas(sent, p.start, p.end) &&
        (p.location.geonameid || !p.location.country.empty())) {
      r.place = &p;
      break;
    }
  }
  return r;
}

}  // namespace vigie::events
