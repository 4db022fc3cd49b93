// EventToJson writes records directly; EventToJsonTree builds an nlohmann tree and dumps
// it. Oracle test: on generated records (odd strings, invalid UTF-8, numbers of every
// kind, optional parts present or not) both give the same bytes. Likewise EventFromJson
// (simdjson) and EventFromJsonTree (nlohmann) read the same records and odd input alike.
#include "core/event_json.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <string>

namespace vigie::core {
namespace {

const char* const kTexts[] = {"",
                              "Alep",
                              "l'armée syrienne",
                              "Ḥimṣ — «\u00a0ville\u00a0»",
                              "quote \" and \\ backslash",
                              "tab\tnew\nline\rret\bbs\fff",
                              "ctrl \x01\x1f del \x7f",
                              "bad \xff\xfe utf8",
                              "cut \xc3",
                              "surrogate \xed\xa0\x80",
                              "overlong \xc0\xaf",
                              "emoji 😀 and 中文",
                              "'; DROP TABLE events; --"};

std::string Text(std::mt19937_64& rng) { return kTexts[rng() % std::size(kTexts)]; }

std::optional<double> Num(std::mt19937_64& rng) {
  switch (rng() % 9) {
    case 0:
      return std::nullopt;
    case 1:
      return 0.0;
    case 2:
      return static_cast<double>(rng() % 100000);
    case 3:
      return (rng() % 2000000) / 10000.0 - 100;
    case 4:
      return 1e-7 * static_cast<double>(rng() % 1000);
    case 5:
      return 1.5e17;
    case 6:
      return -3.25;
    case 7:
      return std::numeric_limits<double>::quiet_NaN();
    default:
      return 33.2901 + static_cast<double>(rng() % 7) / 3.0;
  }
}

std::optional<EventActor> Actor(std::mt19937_64& rng) {
  if (rng() % 4 == 0) return std::nullopt;
  return EventActor{Text(rng), Text(rng), Text(rng), Text(rng), Text(rng)};
}

EventRecord Generate(uint64_t seed) {
  std::mt19937_64 rng(seed);
  EventRecord e;
  e.event_id = Text(rng) + "#" + std::to_string(seed);
  e.doc_id = Text(rng);
  e.type = Text(rng);
  e.subtype = Text(rng), e.status = Text(rng), e.modality = Text(rng);
  if (rng() % 3) e.date = EventDate{Text(rng), Text(rng), Text(rng), Text(rng), Text(rng)};
  if (rng() % 3) {
    EventLocation l;
    l.text = Text(rng), l.name = Text(rng), l.part = Text(rng);
    if (rng() % 2) l.geonameid = static_cast<int64_t>(rng() % 10000000);
    l.lat = Num(rng), l.lon = Num(rng);
    l.admin1 = Text(rng), l.country = Text(rng), l.precision = Text(rng);
    e.location = l;
  }
  e.actor1 = Actor(rng), e.actor2 = Actor(rng), e.claimant = Actor(rng);
  for (uint64_t i = rng() % 4; i > 0; --i) {
    Quantity q;
    q.kind = Text(rng);
    if (rng() % 2)
      q.value = Num(rng);
    else
      q.min = Num(rng), q.max = Num(rng);
    q.qualifier = Text(rng), q.unit = Text(rng), q.text = Text(rng);
    e.quantities.push_back(q);
  }
  for (uint64_t i = rng() % 3; i > 0; --i)
    e.evidence.push_back({static_cast<uint32_t>(rng() % 5000), static_cast<uint32_t>(rng())});
  const double confidences[] = {
      0, 1, 0.85, 0.3333333, 2.0 / 3, 1e-9, std::numeric_limits<double>::infinity()};
  e.confidence = confidences[rng() % std::size(confidences)];
  const char* extras[] = {"{}",       "",
                          "[1,2]",    "{\"b\": 1, \"a\": [true, null, 2.50]}",
                          "not json", "{\"note\":\"caf\xc3\xa9 \xff\"}"};
  e.extra_json = extras[rng() % std::size(extras)];
  return e;
}

TEST(EventJson, DirectWriterMatchesTheTreeOnGeneratedRecords) {
  for (uint64_t seed = 0; seed < 3000; ++seed) {
    EventRecord e = Generate(seed);
    ASSERT_EQ(EventToJson(e), EventToJsonTree(e)) << "seed " << seed;
  }
}

// The writer scans strings eight bytes at a time: a byte to escape or to validate at every
// position of strings of every length up to 24 is found, and appending to a buffer that
// already holds text gives the same bytes after it.
TEST(EventJson, EveryPositionOfEveryStringLength) {
  const char specials[] = {'"', '\\', '\n', '\x01', '\x1f', '\x7f', ' ', '\xc3', '\xff'};
  for (size_t len = 0; len <= 24; ++len) {
    for (size_t at = 0; at < std::max<size_t>(len, 1); ++at) {
      for (char c : specials) {
        std::string s(len, 'a');
        if (len) s[at] = c;
        if (len > at + 1 && c == '\xc3') s[at + 1] = '\xa9';  // a valid "é" too
        EventRecord e = Generate(len * 31 + at);
        e.type = s;
        e.date = EventDate{s, "", s + s, "", s};
        const std::string tree = EventToJsonTree(e);
        ASSERT_EQ(EventToJson(e), tree) << len << " " << at << " " << int(c);
        std::string buf = "prefix\n";
        AppendEventJson(e, &buf);
        ASSERT_EQ(buf, "prefix\n" + tree);
      }
    }
  }
}

// A record read from its JSON form is written back to the same bytes.
TEST(EventJson, KnownRecord) {
  const std::string json =
      "{\"event_id\":\"d1#1\",\"doc_id\":\"d1\",\"type\":\"shelling\",\"subtype\":null,"
      "\"status\":null,\"modality\":\"reported\",\"date\":{\"start\":\"2016-12-01\",\"end\":null,"
      "\"precision\":\"day\",\"basis\":\"explicit\",\"text\":\"jeudi\"},\"location\":{\"text\":"
      "null,"
      "\"name\":\"Aleppo\",\"part\":null,\"geonameid\":170063,\"lat\":36.20124,\"lon\":37.16117,"
      "\"admin1\":null,\"country\":\"SY\",\"precision\":null},\"actor1\":null,\"actor2\":null,"
      "\"quantities\":[{\"kind\":\"killed\",\"value\":12,\"qualifier\":\"at_least\","
      "\"text\":\"au moins 12\"}],\"claimant\":null,\"evidence\":[{\"start\":3,\"end\":41}],"
      "\"confidence\":0.8,\"extra\":{}}";
  auto e = EventFromJson(json);
  ASSERT_TRUE(e.ok()) << e.status().message();
  EXPECT_EQ(e->location->lat, 36.20124);
  EXPECT_EQ(e->quantities.at(0).value, 12.0);
  EXPECT_EQ(EventToJson(*e), json);
  EXPECT_EQ(EventToJsonTree(*e), json);
}

}  // namespace
}  // namespace vigie::core

namespace vigie::core {
namespace {

// Both readers give the same record (compared through the tree writer) or the same error.
void ExpectSameReading(const std::string& json) {
  auto fast = EventFromJson(json);
  auto tree = EventFromJsonTree(json);
  ASSERT_EQ(fast.ok(), tree.ok()) << json;
  if (!fast.ok()) {
    EXPECT_EQ(fast.status().message(), tree.status().message()) << json;
    return;
  }
  EXPECT_EQ(EventToJsonTree(*fast), EventToJsonTree(*tree)) << json;
  EXPECT_EQ(fast->optional, tree->optional) << json;
}

TEST(EventJson, FastReaderMatchesTheTreeOnGeneratedRecords) {
  for (uint64_t seed = 0; seed < 1500; ++seed) ExpectSameReading(EventToJson(Generate(seed)));
}

TEST(EventJson, FastReaderMatchesTheTreeOnOddInput) {
  const char* const cases[] = {
      "",
      "[]",
      "null",
      "{}",
      "{\"type\":\"\"}",
      "{\"type\":3}",
      "{\"type\":\"a\",\"type\":\"b\"}",
      "{\"type\":\"a\",\"date\":{\"start\":\"2016\"},\"date\":null}",
      "{\"type\":\"a\",\"confidence\":0.5,\"confidence\":\"x\"}",
      "{\"type\":\"a\",\"confidence\":1e400}",
      "{\"type\":\"a\",\"location\":{\"geonameid\":123456789012345678901234,\"lat\":-0,\"lon\":1E2}"
      "}",
      "{\"type\":\"a\",\"location\":{\"geonameid\":18446744073709551615,\"lat\":\"36\"}}",
      "{\"type\":\"a\",\"location\":{\"geonameid\":1.5}}",
      "{\"type\":\"a\",\"evidence\":[{\"start\":\"1\",\"end\":2}]}",
      "{\"type\":\"a\",\"evidence\":[{\"start\":true,\"end\":2}]}",
      "{\"type\":\"a\",\"evidence\":[{\"start\":-1,\"end\":2.7},3,null,{}]}",
      "{\"type\":\"a\",\"quantities\":[{\"kind\":\"killed\",\"value\":12,\"value\":null},\"x\",{"
      "\"min\":1}]}",
      "{\"type\":\"a\",\"extra\":{\"b\":1.50,\"a\":[\"\\u00e9\",{\"z\":null}],\"b\":2}}",
      "{\"type\":\"a\",\"extra\":[1]}",
      "{\"type\":\"a\",\"actor1\":{\"name\":\"x\",\"name\":\"y\",\"class\":1},\"actor2\":\"z\","
      "\"claimant\":{}}",
      "{\"type\":\"a\",\"optional\":true,\"optional\":1}",
      "{\"type\":\"a\\u0000b\",\"event_id\":\"\\ud83d\\ude00\"}",
      "{\"type\":\"bad \xff utf8\"}",
      "{\"type\":\"a\"",
  };
  for (const char* json : cases) ExpectSameReading(json);
}

}  // namespace
}  // namespace vigie::core
