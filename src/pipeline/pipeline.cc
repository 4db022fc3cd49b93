#include "pipeline/pipeline.h"

#include <time.h>

#include <algorithm>
#include <numeric>

namespace vigie::pipeline {

const char* StageName(Stage s) {
  switch (s) {
    case Stage::kClean:
      return "clean";
    case Stage::kLang:
      return "lang";
    case Stage::kSegment:
      return "segment";
    case Stage::kNormalize:
      return "normalize";
    case Stage::kGeo:
      return "geo";
    case Stage::kMentions:
      return "mentions";
    case Stage::kEvents:
      return "events";
  }
  return "?";
}

int64_t StageTimes::Total() const { return std::accumulate(ns.begin(), ns.end(), int64_t{0}); }

void StageTimes::Add(const StageTimes& other) {
  for (size_t i = 0; i < kStageCount; ++i) ns[i] += other.ns[i];
}

// Charges the thread CPU time since the previous lap to a stage; does nothing without
// a StageTimes to fill.
class Pipeline::Clock {
 public:
  explicit Clock(StageTimes* times) : times_(times), last_(times != nullptr ? Now() : 0) {}
  void Lap(Stage s) {
    if (times_ == nullptr) return;
    int64_t now = Now();
    (*times_)[s] += now - last_;
    last_ = now;
  }

 private:
  static int64_t Now() {
    timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return int64_t{ts.tv_sec} * 1000000000 + ts.tv_nsec;
  }
  StageTimes* times_;
  int64_t last_;
};

StatusOr<std::unique_ptr<Pipeline>> Pipeline::Create(const Options& options) {
  std::string root = options.packs_dir.empty() ? core::DefaultPackRoot() : options.packs_dir;
  auto packs = core::PackSet::Load(root);
  if (!packs.ok()) return packs.status();
  auto cleaner = clean::Cleaner::Create(**packs);
  if (!cleaner.ok()) return cleaner.status();
  auto seg = segment::Segmenter::Create(**packs);
  if (!seg.ok()) return seg.status();
  std::unique_ptr<Pipeline> p(new Pipeline(*packs, std::move(cleaner).value(), std::move(seg).value()));
  auto identifier = lang::Identifier::Create(p->packs());
  if (!identifier.ok()) return identifier.status();
  p->identifier_ = std::make_unique<lang::Identifier>(std::move(identifier).value());
  auto normalizer = normalize::Normalizer::Create(p->packs());
  if (!normalizer.ok()) return normalizer.status();
  p->normalizer_ = std::make_unique<normalize::Normalizer>(std::move(normalizer).value());
  std::string gaz_path = options.gazetteer_path.empty() ? geo::DefaultGazetteerPath() : options.gazetteer_path;
  auto gaz = geo::Gazetteer::Open(gaz_path);
  if (gaz.ok()) {
    auto resolver = geo::Resolver::Create(*gaz, p->packs());
    if (!resolver.ok()) return resolver.status();
    p->resolver_ = std::move(resolver).value();
  } else if (options.require_gazetteer) {
    return gaz.status();
  } else {
    p->warning_ = "no gazetteer (" + gaz.status().message() +
                  "): places are not resolved; build one with `vigie gazetteer build`";
  }
  auto extractor = events::Extractor::Create(p->packs(), p->segmenter_);
  if (!extractor.ok()) return extractor.status();
  p->extractor_ = std::make_unique<events::Extractor>(std::move(extractor).value());
  return p;
}

void Pipeline::BuildMentions(Analysis* a, Clock* clock) const {
  events::Mentions& m = a->mentions;
  const std::string_view text = a->clean.text;
  const std::string& lang = a->language.code;
  // The document date: metadata first, else read from the text (dateline, latest date).
  std::optional<normalize::Date> ref_date;
  if (!a->doc.date.empty()) {
    if (auto d = normalize::ParseIsoDate(a->doc.date)) {
      ref_date = *d;
      std::string iso = normalize::IsoDate(*d);
      m.document_date = {iso, iso, "day", "document", ""};
    }
  }
  normalize::Reference ref;
  ref.date = ref_date;
  // 7/12/2016: ref.day_first unset, the language pack says which comes first (date_order:
  // July 12 in English, 7 December in French).
  normalize::Tags tags;
  if (ref_date) {
    tags = normalizer_->Tag(text, a->segments, lang, ref);
  } else {
    // No date in the metadata: the one read from the text (dateline, latest date), with
    // the tagging done against it in the same pass over the tokens.
    std::optional<normalize::DocumentDate> inferred;
    tags = normalizer_->TagUndated(text, a->segments, lang, ref, &inferred);
    if (inferred) {
      ref_date = inferred->date;
      std::string iso = normalize::IsoDate(inferred->date);
      m.document_date = {iso, iso, "day", "inferred",
                         std::string(text.substr(inferred->start, inferred->end - inferred->start))};
    }
  }
  clock->Lap(Stage::kNormalize);
  m.dates.reserve(tags.times.size());
  m.quantities.reserve(tags.quantities.size() + tags.numbers.size());
  for (const auto& t : tags.times) {
    if (t.kind == normalize::TimeKind::kDuration) continue;
    if (t.clock_only) continue;  // "à 8h" alone names no day: the event's date comes from elsewhere
    events::DateMention& d = m.dates.emplace_back();  // made in place: no strings moved
    d.start = t.start;
    d.end = t.end;
    d.date.start = t.Start();
    d.date.end = t.open_end && ref_date ? normalize::IsoDate(*ref_date) : t.End();
    d.date.precision = normalize::PrecisionName(t.precision);
    d.date.basis = normalize::BasisName(t.basis);
    d.date.text = std::string(text.substr(t.start, t.end - t.start));
    d.since = t.open_end;
  }
  auto to_quantity = [&](const normalize::Number& n, uint32_t start, uint32_t end) {
    Quantity x;
    if (n.qualifier == normalize::Qualifier::kRange) {
      x.min = n.min;
      x.max = n.max;
    } else {
      x.value = n.value;
    }
    x.qualifier = normalize::QualifierName(n.qualifier);
    x.text = std::string(text.substr(start, end - start));
    return x;
  };
  // Quantities and the numbers outside them, merged in text order (each list is in text
  // order, and no two begin at the same byte: a number at a quantity's start is inside it).
  auto add_quantity = [&](normalize::Quantity& q) {
    events::QuantityMention& qm = m.quantities.emplace_back();
    qm.start = q.start;
    qm.end = q.end;
    qm.quantity = to_quantity(q.number, q.start, q.end);
    qm.noun = std::move(q.lemma);  // tags is this function's
    qm.percent = q.number.percent;
  };
  // Percentages that count no noun ("plus de 70%") are quantities too, and so are bare
  // counts ("killing at least 20"): the events stage keeps those only beside a word that
  // says what they count.
  auto add_number = [&](const normalize::Number& n) {
    events::QuantityMention& qm = m.quantities.emplace_back();
    qm.start = n.start;
    qm.end = n.end;
    qm.quantity = to_quantity(n, n.start, n.end);
    qm.percent = n.percent;
  };
  auto by_start = [](const events::QuantityMention& x, const events::QuantityMention& y) { return x.start < y.start; };
  size_t qi = 0;
  for (const auto& n : tags.numbers) {
    bool inside = false;
    for (const auto& q : tags.quantities) inside = inside || (n.start >= q.start && n.end <= q.end);
    if (inside) continue;
    for (; qi < tags.quantities.size() && tags.quantities[qi].start < n.start; ++qi) add_quantity(tags.quantities[qi]);
    add_number(n);
  }
  for (; qi < tags.quantities.size(); ++qi) add_quantity(tags.quantities[qi]);
  // The lists come in text order from the normaliser; sorted as before should they not.
  if (!std::is_sorted(m.quantities.begin(), m.quantities.end(), by_start))
    std::sort(m.quantities.begin(), m.quantities.end(), by_start);
  if (resolver_ != nullptr) {
    clock->Lap(Stage::kMentions);
    a->places = resolver_->Resolve(text, a->segments, lang);
    clock->Lap(Stage::kGeo);
    m.places.reserve(a->places.size());
    for (const auto& p : a->places) {
      events::PlaceMention& pm = m.places.emplace_back();  // made in place: no strings moved
      pm.start = p.start;
      pm.end = p.end;
      EventLocation& l = pm.location;
      l.text = p.text;
      l.name = p.name;
      if (const char* part = geo::PartName(p.part)) l.part = part;
      if (p.geonameid != 0) l.geonameid = p.geonameid;
      if (p.has_coordinates) {
        l.lat = p.lat;
        l.lon = p.lon;
      }
      l.admin1 = p.admin1;
      l.country = p.country;
      l.precision = geo::PrecisionName(p.precision);
    }
  }
}

Analysis Pipeline::Analyze(Document doc, StageTimes* times) const {
  Clock clock(times);
  Analysis a;
  a.doc = std::move(doc);
  a.clean = cleaner_.Clean(a.doc.raw);
  clock.Lap(Stage::kClean);
  a.language = identifier_->Identify(a.clean.text, a.doc.lang);
  clock.Lap(Stage::kLang);
  a.segments = segmenter_.Segment(a.clean.text, a.language.code);
  clock.Lap(Stage::kSegment);
  BuildMentions(&a, &clock);
  clock.Lap(Stage::kMentions);
  events::ExtractInput in{a.doc.id,
                          a.language.code,
                          a.clean.text,
                          &a.segments,
                          &a.mentions,
                          [&a](uint32_t c) { return a.RawStart(c); },
                          [&a](uint32_t c) { return a.RawEnd(c); }};
  a.events = extractor_->Extract(in);
  clock.Lap(Stage::kEvents);
  return a;
}

}  // namespace vigie::pipeline
