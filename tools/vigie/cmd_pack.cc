// vigie pack verify: loads the language packs (every table checked) and runs their
// self-test samples.
#include <fmt/core.h>
#include <fmt/format.h>

#include <iostream>

#include "commands.h"
#include "pipeline/pack_verify.h"

namespace vigie::cli {

Runner RegisterPack(CLI::App& app) {
  struct Args {
    std::string packs;
    bool verbose = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* pack = app.add_subcommand("pack", "Work with language packs (langpacks/<lang>/*.tsv).");
  pack->require_subcommand(1);
  CLI::App* verify = pack->add_subcommand(
      "verify",
      "Load every language pack, check its tables, and run the self-test samples of its selftest.tsv "
      "(stage, input, expect). Exits non-zero if a table is malformed or a sample fails.");
  verify->add_option("--packs", args->packs, "Language pack folder (default: $VIGIE_PACKS or the installed packs)");
  verify->add_flag("-v,--verbose", args->verbose, "Print every sample, not only failures");
  return [args]() {
    auto pipe = pipeline::Pipeline::Create({args->packs});
    if (!pipe.ok()) {
      std::cerr << "vigie: error: " << pipe.status().message() << "\n";
      return 1;
    }
    size_t passed = 0, failed = 0;
    for (const auto& r : pipeline::RunSelfTests(**pipe)) {
      if (r.ok) ++passed; else ++failed;
      if (!r.ok || args->verbose)
        fmt::print("{} {} [{}] {}\n    expected: {}\n    got:      {}\n", r.ok ? "ok  " : "FAIL", r.where, r.stage,
                   r.input, r.expect, r.got);
    }
    fmt::print("packs: {}\n", fmt::join((*pipe)->packs().Languages(), ", "));
    fmt::print("{} passed, {} failed\n", passed, failed);
    return failed == 0 && passed > 0 ? 0 : 1;
  };
}

}  // namespace vigie::cli
