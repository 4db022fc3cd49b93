#include "news_generator.h"

#include <nlohmann/json.hpp>

#include <random>
#include <vector>

namespace vigie::bench {

namespace {

// Slots: {P} place, {A} actor, {B} second actor, {N} number, {M} smaller number,
// {C} claimant, {D} relative day word.
struct Lexicon {
  std::vector<const char*> places, actors, others, claimants, days, events, fillers, outlets;
};

const Lexicon& French() {
  static const Lexicon l{
      {"Alep", "Homs", "Idleb", "Deir ez-Zor", "Raqqa", "Hama", "Mossoul", "Kirkouk", "Goma", "Bunia", "Gao",
       "Tombouctou", "Kidal", "Mopti", "Marioupol", "Kharkiv", "Donetsk", "Bakhmout", "Sanaa", "Hodeïda"},
      {"l'armée syrienne", "les forces gouvernementales", "les rebelles", "les jihadistes de l'État islamique",
       "les forces russes", "l'armée malienne", "les rebelles du M23", "les forces ukrainiennes"},
      {"les insurgés", "des combattants islamistes", "les forces kurdes", "des miliciens", "l'armée régulière"},
      {"le ministère de la Défense", "l'Observatoire syrien des droits de l'homme", "un porte-parole de l'armée",
       "le Haut-Commissariat des Nations unies pour les réfugiés", "des sources locales", "le gouverneur de la province"},
      {"hier", "mardi", "lundi soir", "dimanche", "dans la nuit de samedi à dimanche", "jeudi matin"},
      {"{A} ont repris {D} le contrôle de {M} quartiers de {P}, a annoncé {C}.",
       "Au moins {N} civils ont fui {P} au cours des dernières 24 heures, selon {C}.",
       "Des affrontements ont opposé {D} {A} à {B} près de {P}, faisant au moins {M} morts.",
       "Une frappe aérienne a touché {D} un marché de {P}, tuant {M} personnes, selon {C}.",
       "{A} ont bombardé {D} plusieurs villages autour de {P}.",
       "Quelque {N} habitants ont été évacués de {P} {D}, a indiqué {C}.",
       "{M} combattants se sont rendus {D} à {P} et ont été amnistiés, selon {C}.",
       "Un convoi humanitaire de {M} camions a livré {D} de l'aide à {P}."},
      {"La situation reste tendue dans la région, où les combats se poursuivent depuis plusieurs semaines.",
       "Les organisations humanitaires appellent à un accès sans entrave aux populations civiles.",
       "Aucun bilan indépendant n'a pu être obtenu dans l'immédiat.",
       "Les habitants décrivent des conditions de vie de plus en plus difficiles, sans eau ni électricité.",
       "Les négociations en vue d'un cessez-le-feu n'ont pas abouti jusqu'ici.",
       "Plusieurs écoles de la ville sont fermées depuis le début du mois, faute d'enseignants.",
       "Le prix du pain a doublé sur les marchés, selon des commerçants interrogés sur place.",
       "Une réunion des ministres des Affaires étrangères est prévue la semaine prochaine à Genève.",
       "Les hôpitaux de la région manquent de médicaments et de carburant pour leurs générateurs."},
      {"Agence Nouvelles", "Le Quotidien", "Radio Sahel", "Journal du Levant"}};
  return l;
}

const Lexicon& English() {
  static const Lexicon l{
      {"Aleppo", "Homs", "Idlib", "Deir ez-Zor", "Raqqa", "Hama", "Mosul", "Kirkuk", "Goma", "Bunia", "Gao",
       "Timbuktu", "Kidal", "Mopti", "Mariupol", "Kharkiv", "Donetsk", "Bakhmut", "Sanaa", "Hodeidah"},
      {"Syrian government forces", "the rebels", "Islamic State fighters", "Russian forces", "the Malian army",
       "M23 rebels", "Ukrainian forces", "pro-government militias"},
      {"the insurgents", "Islamist fighters", "Kurdish forces", "armed men", "the army"},
      {"the Defence Ministry", "the Syrian Observatory for Human Rights", "an army spokesman",
       "the UN refugee agency", "local officials", "the provincial governor"},
      {"on Tuesday", "yesterday", "on Monday evening", "on Sunday", "overnight", "on Thursday morning"},
      {"{A} retook {M} districts of {P} {D}, {C} said.",
       "At least {N} civilians fled {P} in the past 24 hours, according to {C}.",
       "{A} clashed with {B} near {P} {D}, leaving at least {M} dead.",
       "An air strike hit a market in {P} {D}, killing {M} people, {C} said.",
       "{A} shelled several villages around {P} {D}.",
       "Some {N} residents were evacuated from {P} {D}, {C} said.",
       "{M} fighters surrendered in {P} {D} and were granted amnesty, according to {C}.",
       "An aid convoy of {M} trucks delivered food to {P} {D}."},
      {"The situation remains tense in the region, where fighting has gone on for weeks.",
       "Aid agencies have called for unhindered access to civilians.",
       "The toll could not be independently verified.",
       "Residents describe worsening conditions, with no water or electricity.",
       "Talks on a ceasefire have so far failed.",
       "Several schools in the city have been closed since the start of the month for lack of teachers.",
       "The price of bread has doubled in the markets, traders told reporters.",
       "Foreign ministers are due to meet in Geneva next week.",
       "Hospitals in the region are short of medicines and of fuel for their generators."},
      {"Newswire", "The Daily Monitor", "Sahel Radio", "Levant Post"}};
  return l;
}

std::string Fill(const char* pattern, const Lexicon& l, std::mt19937_64& rng) {
  auto pick = [&](const std::vector<const char*>& v) { return std::string(v[rng() % v.size()]); };
  std::string out;
  for (const char* p = pattern; *p; ++p) {
    if (*p != '{' || !p[1] || p[2] != '}') {
      out += *p;
      continue;
    }
    switch (p[1]) {
      case 'P': out += pick(l.places); break;
      case 'A': out += pick(l.actors); break;
      case 'B': out += pick(l.others); break;
      case 'N': out += std::to_string(100 + rng() % 4900); break;
      case 'M': out += std::to_string(2 + rng() % 60); break;
      case 'C': out += pick(l.claimants); break;
      case 'D': out += pick(l.days); break;
    }
    p += 2;
  }
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

}  // namespace

GeneratedArticle NewsArticle(uint64_t n) {
  std::mt19937_64 rng(n * 0x9E3779B97F4A7C15ULL + 1);
  const bool fr = n % 2 == 0;
  const Lexicon& l = fr ? French() : English();
  GeneratedArticle a;
  a.id = "gen-" + std::to_string(n);
  a.lang = fr ? "fr" : "en";
  a.outlet = l.outlets[rng() % l.outlets.size()];
  char date[16];
  std::snprintf(date, sizeof date, "20%02d-%02d-%02d", 14 + static_cast<int>(rng() % 10), 1 + static_cast<int>(rng() % 12),
                1 + static_cast<int>(rng() % 28));
  a.date = date;
  size_t target = 1500 + rng() % 1000;
  while (a.text.size() < target) {
    int sentences = 2 + static_cast<int>(rng() % 3);
    for (int s = 0; s < sentences; ++s) {
      if (s) a.text += ' ';
      a.text += rng() % 4 == 0 ? Fill(l.events[rng() % l.events.size()], l, rng) : l.fillers[rng() % l.fillers.size()];
    }
    a.text += "\n\n";
  }
  return a;
}

std::string NewsArticleJsonl(uint64_t n) {
  GeneratedArticle a = NewsArticle(n);
  nlohmann::ordered_json j = {{"id", a.id}, {"source", a.outlet}, {"date", a.date}, {"lang", a.lang}, {"text", a.text}};
  return j.dump();
}

}  // namespace vigie::bench
