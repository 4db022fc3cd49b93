// pack_verify: runs the self-test samples a language pack carries (selftest.tsv: stage,
// input, expect) through the stages they name, so a person editing a pack sees at once
// whether the engine still reads their examples the way they intend. Read-only; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "pipeline/pipeline.h"

namespace vigie::pipeline {

struct SelfTestResult {
  std::string lang, where;  // "langpacks/fr/selftest.tsv:12"
  std::string stage, input, expect, got;
  bool ok = false;
};

// Runs every pack's samples. Stages: tokens (expect: tokens joined by " | "), sentences
// (expect: the count), boilerplate (expect: removed or kept), actor (expect:
// class/label/country of the first actor, empty parts allowed), event (expect:
// type/subtype of the extracted events, joined by " | ").
std::vector<SelfTestResult> RunSelfTests(const Pipeline& pipe);

}  // namespace vigie::pipeline
