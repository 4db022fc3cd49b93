// Scoring of toponym recognition and resolution against the geoparsing suites in
// ../shared/ext/geoparsing (LGL: lgl.xml, GeoVirus: GeoVirus.xml): span precision,
// recall and F1, and the share of resolved places within 161 km of gold. The caller
// supplies the geoparser as a function. Plain functions, thread-compatible.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "vigie/status.h"

namespace vigie::geo {

struct GoldToponym {
  uint32_t start = 0, end = 0;  // bytes in the article text
  bool has_coordinates = false;
  double lat = 0, lon = 0;
};

struct GoldArticle {
  std::string text;
  std::vector<GoldToponym> toponyms;
};

// Reads LGL (<toponym>…<gaztag><lat>) or GeoVirus (<location>…<lat>) XML; character
// offsets are converted to byte offsets.
StatusOr<std::vector<GoldArticle>> ReadGeoparsingXml(const std::string& path);

struct PredictedToponym {
  uint32_t start = 0, end = 0;
  bool has_coordinates = false;
  double lat = 0, lon = 0;
};

struct GeoparsingScores {
  uint64_t gold = 0, predicted = 0, matched = 0, located = 0, within_161km = 0;
  double precision = 0, recall = 0, f1 = 0, accuracy_161km = 0, mean_error_km = 0;
};

// Spans match when they overlap (one to one, in text order).
GeoparsingScores ScoreGeoparsing(
    const std::vector<GoldArticle>& articles,
    const std::function<std::vector<PredictedToponym>(const std::string& text)>& geoparse);

double GreatCircleKm(double lat1, double lon1, double lat2, double lon2);

}  // namespace vigie::geo
