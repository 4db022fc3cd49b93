#include "events/places.h"

#include "events/spans.h"

namespace vigie::events {

using namespace std::string_view_literals;

DocumentPlaces::DocumentPlaces(std::string_view text, const segment::Segmentation& seg,
                               const std::vector<PlaceMention>& mentions,
                               const std::vector<actors::ActorMention>& actors,
                               const std::vector<Cue>& cues, uint32_t dateline_end)
    : text_(text), seg_(seg), cues_(cues), dateline_end_(dateline_end) {
  // The places that are not an actor's words, as pointers into the mentions (no copy).
  for (const auto& p : mentions) {
    bool actor_words = false;
    for (const auto& a : actors)
      if ((a.named && p.start < a.head_end && p.end > a.head_start) ||
          (p.location.precision == "country"sv && p.start >= a.start && p.end <= a.end))
        actor_words = true;  // "Islamic State", or the nationality of "the Somali government
    if (!actor_words) places_.push_back(&p);
  }
}

bool DocumentPlaces::Destination(const PlaceMention& p) const {
  const uint32_t p0 = TokenAt(seg_, p.start);
  for (const Cue& c : CuesEndingFrom(cues_, p0 >= 3 ? p0 - 3 : 0)) {
    if (c.end_token > p0) break;
    if (c.kind == "destination"sv && c.start < p.start) return true;
  }
  return false;
}

bool DocumentPlaces::Speaks(const PlaceMention& p) const {
  const uint32_t p1 = TokenAt(seg_, p.end);
  for (const Cue& c : CuesEndingFrom(cues_, p1)) {
    if (c.first_token > p1) break;
    if (c.kind == "report"sv && c.side == "before"sv && c.first_token == p1) return true;
  }
  return false;
}

void DocumentPlaces::Attach(const TriggerMention& t, const segment::Sentence& sent,
                            const EventRecord* previous, uint32_t previous_sentence,
                            EventRecord* e) {
  // Places named in the sentences before this one move the focus, but not where people
  // went nor a capital that speaks for its government ("Kinshasa affirme que ...").
  for (; cursor_ < places_.size() && places_[cursor_]->end <= sent.start; ++cursor_) {
    const PlaceMention& p = *places_[cursor_];
    if (p.location.geonameid && p.location.precision != "country"sv && !Destination(p) &&
        !Speaks(p))
      focus_ = &p;
  }
  // Place: the nearest in the sentence, else the place the text is about. People leave
  // a place: where they go ("towards Idlib", "vers la ville de Ménaka") is not it.
  const bool departure = t.type == "displacement"sv || t.type == "evacuation"sv;
  const PlaceMention* place = nullptr;
  long best = 1L << 30;
  for (const PlaceMention* pp : places_) {
    const PlaceMention& p = *pp;
    if (!SentenceHas(sent, p.start, p.end) || p.end <= dateline_end_ || Speaks(p)) continue;
    if (departure && Destination(p)) continue;
    // A country named beside a known focus is a party or a backdrop ("avec la médiation
    // de la Turquie"), not a more precise place.
    if (p.location.precision == "country"sv && focus_ != nullptr) continue;
    long d = Distance(t, p.start, p.end);
    // A place before the trigger in another clause ("... in Coventry – that jets had
    // struck ...") is farther than it looks.
    if (p.end <= t.start)
      for (uint32_t k = TokenAt(seg_, p.end); k < t.first_token; ++k)
        if (seg_.tokens[k].kind == segment::TokenKind::kPunct) {
          d += 80;
          break;
        }
    if (d < best) {
      best = d;
      place = &p;
    }
  }
  if (place == nullptr) {
    place = focus_;
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
  for (const PlaceMention* p : places_)
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
