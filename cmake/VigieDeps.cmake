# Third-party libraries, all from Debian packages installed by scripts/setup.sh.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(ICU 72 REQUIRED COMPONENTS uc i18n data)
find_package(fmt REQUIRED)
find_package(CLI11 CONFIG REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
find_package(simdjson REQUIRED)
find_package(ZLIB REQUIRED)
find_package(SQLite3 REQUIRED)
pkg_check_modules(XXHASH REQUIRED IMPORTED_TARGET libxxhash)
pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo)
# Optional: Debian's libgeonames (GPL-3 code, GeoNames data), linked only by the set-up tool
# vigie-city-states (tools/city_states) that names admin1 codes for the gazetteer.
pkg_check_modules(LIBGEONAMES QUIET IMPORTED_TARGET geonames)

find_path(CLD2_INCLUDE_DIR cld2/public/compact_lang_det.h REQUIRED)
find_library(CLD2_LIBRARY NAMES cld2 REQUIRED)
add_library(vigie_dep_cld2 INTERFACE)
target_include_directories(vigie_dep_cld2 SYSTEM INTERFACE ${CLD2_INCLUDE_DIR})
target_link_libraries(vigie_dep_cld2 INTERFACE ${CLD2_LIBRARY})

if(VIGIE_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
if(VIGIE_BUILD_BENCH)
  find_package(benchmark REQUIRED)
endif()
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)

# mimalloc (Debian's libmimalloc-dev): the programs that run the pipeline link it so that it
# replaces malloc for the whole process (the pipeline allocates many small strings and
# vectors per document: 3-5% of the CPU time of `vigie extract`, bench/FIGURES_pipeline.md).
# Optional: without it the programs use glibc's malloc; never with the sanitizers (they
# bring their own allocator), never in libraries loaded into another process (the Python
# module).
option(VIGIE_MIMALLOC "Link the pipeline programs with mimalloc when it is installed" ON)
if(VIGIE_MIMALLOC AND NOT VIGIE_SANITIZE)
  find_package(mimalloc 2 CONFIG QUIET)
endif()
