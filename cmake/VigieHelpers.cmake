# Helper functions: one call per module, test, benchmark and fuzzer.

# -Wno-restrict: GCC 12 reports a false positive inside libstdc++'s std::string operator+
# (GCC bug 105329).
set(VIGIE_WARNINGS -Wall -Wextra -Wno-unused-parameter)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  list(APPEND VIGIE_WARNINGS -Wno-restrict)
endif()

function(vigie_apply_common target)
  target_compile_options(${target} PRIVATE ${VIGIE_WARNINGS})
  target_compile_definitions(${target} PRIVATE VIGIE_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  if(VIGIE_SANITIZE)
    # GCC's -Wmaybe-uninitialized is unreliable under the sanitizers (false positives inside
    # libstdc++'s std::regex and std::function); the Release build keeps it.
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
      $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized>)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()

# vigie_use_allocator(target): links a program (never a library) with mimalloc when found.
function(vigie_use_allocator target)
  if(TARGET mimalloc AND NOT VIGIE_SANITIZE)
    target_link_libraries(${target} PRIVATE mimalloc)
  endif()
endfunction()

# vigie_add_module(NAME stage SOURCES a.cc b.cc DEPS other_targets...)
# Produces target vigie_<stage>; public headers are include/ and src/.
function(vigie_add_module)
  cmake_parse_arguments(M "" "NAME" "SOURCES;DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(vigie_${M_NAME} STATIC ${M_SOURCES})
  target_include_directories(vigie_${M_NAME} PUBLIC ${PROJECT_SOURCE_DIR}/include ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(vigie_${M_NAME} PUBLIC ${M_DEPS} PRIVATE ${M_PRIVATE_DEPS})
  vigie_apply_common(vigie_${M_NAME})
  if(VIGIE_SANITIZE)
    target_link_options(vigie_${M_NAME} INTERFACE -fsanitize=address,undefined)
  endif()
endfunction()

# vigie_add_test(NAME n SOURCES ... DEPS ... LABELS unit|golden|eval|fuzz-replay)
function(vigie_add_test)
  cmake_parse_arguments(T "" "NAME" "SOURCES;DEPS;LABELS" ${ARGN})
  if(VIGIE_UNIT_TESTS_ONLY AND NOT T_LABELS MATCHES "unit|fuzz-replay")
    return()
  endif()
  add_executable(${T_NAME} ${T_SOURCES})
  target_link_libraries(${T_NAME} PRIVATE ${T_DEPS} GTest::gtest GTest::gtest_main)
  vigie_apply_common(${T_NAME})
  add_test(NAME ${T_NAME} COMMAND ${T_NAME} WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(${T_NAME} PROPERTIES LABELS "${T_LABELS}"
    ENVIRONMENT "VIGIE_PACKS=${PROJECT_SOURCE_DIR}/langpacks")
endfunction()

# vigie_add_bench(NAME n SOURCES ... DEPS ...)
function(vigie_add_bench)
  cmake_parse_arguments(B "" "NAME" "SOURCES;DEPS" ${ARGN})
  add_executable(${B_NAME} ${B_SOURCES})
  target_link_libraries(${B_NAME} PRIVATE ${B_DEPS} benchmark::benchmark)
  vigie_apply_common(${B_NAME})
endfunction()

# vigie_add_fuzzer(NAME n SOURCES ... DEPS ... CORPUS dir)
# Always builds a replay test (no libFuzzer needed); with VIGIE_FUZZ also a libFuzzer binary.
function(vigie_add_fuzzer)
  cmake_parse_arguments(F "" "NAME;CORPUS" "SOURCES;DEPS" ${ARGN})
  add_executable(${F_NAME}_replay ${F_SOURCES} ${PROJECT_SOURCE_DIR}/fuzz/replay_main.cc)
  target_link_libraries(${F_NAME}_replay PRIVATE ${F_DEPS})
  vigie_apply_common(${F_NAME}_replay)
  if(VIGIE_BUILD_TESTS)
    add_test(NAME ${F_NAME}_replay COMMAND ${F_NAME}_replay ${F_CORPUS})
    set_tests_properties(${F_NAME}_replay PROPERTIES LABELS "fuzz-replay"
      ENVIRONMENT "VIGIE_PACKS=${PROJECT_SOURCE_DIR}/langpacks")
  endif()
  if(VIGIE_FUZZ)
    add_executable(${F_NAME} ${F_SOURCES})
    target_link_libraries(${F_NAME} PRIVATE ${F_DEPS})
    target_compile_options(${F_NAME} PRIVATE -fsanitize=fuzzer,address,undefined)
    target_link_options(${F_NAME} PRIVATE -fsanitize=fuzzer,address,undefined)
  endif()
endfunction()
