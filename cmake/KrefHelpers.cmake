# Helper functions in the shape of absl_cc_library / absl_cc_test (reference/style.md §4.4).
#
#   kref_cc_library(NAME x SRCS a.cc ... DEPS kref::common ... [PRIVATE_DEPS ...])
#     -> static library kref_x with the alias kref::x; the repository root is the include root.
#   kref_cc_test(NAME x_tests SRCS ... DEPS ... [LABELS unit])
#     -> one test executable per component; every gtest case becomes a ctest entry. Suites whose
#        name ends in "Prop" (RapidCheck properties) are labelled `prop` (`model` for the model
#        tests: every model test carries that label), the rest get LABELS.
#   kref_cc_fuzz(NAME x SRCS fuzz/x_fuzz.cc DEPS ...)
#     -> with KREF_BUILD_FUZZERS (clang): a libFuzzer binary x_fuzz;
#        otherwise a replay binary run over fuzz/corpus/x as the ctest `fuzz_smoke.x` (label fuzz-smoke).

function(kref_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers)
  if(KREF_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

function(kref_cc_library)
  cmake_parse_arguments(K "" "NAME" "SRCS;DEPS;PRIVATE_DEPS;DEFINES" ${ARGN})
  add_library(kref_${K_NAME} STATIC ${K_SRCS})
  add_library(kref::${K_NAME} ALIAS kref_${K_NAME})
  target_include_directories(kref_${K_NAME} PUBLIC ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR})
  target_link_libraries(kref_${K_NAME} PUBLIC ${K_DEPS} PRIVATE ${K_PRIVATE_DEPS})
  if(K_DEFINES)
    target_compile_definitions(kref_${K_NAME} PUBLIC ${K_DEFINES})
  endif()
  kref_set_warnings(kref_${K_NAME})
endfunction()

function(kref_cc_test)
  cmake_parse_arguments(K "" "NAME;TIMEOUT" "SRCS;DEPS;LABELS" ${ARGN})
  if(NOT K_LABELS)
    set(K_LABELS unit)
  endif()
  if(NOT K_TIMEOUT)
    set(K_TIMEOUT 300)
  endif()
  set(prop_label prop)
  if(K_LABELS STREQUAL "model")
    set(prop_label model)
  endif()
  add_executable(${K_NAME} ${K_SRCS})
  target_link_libraries(${K_NAME} PRIVATE ${K_DEPS} rapidcheck_gtest rapidcheck GTest::gmock GTest::gtest
                        GTest::gtest_main)
  target_include_directories(${K_NAME} PRIVATE ${PROJECT_SOURCE_DIR})
  kref_set_warnings(${K_NAME})
  gtest_discover_tests(${K_NAME} TEST_FILTER "-*Prop.*" DISCOVERY_MODE PRE_TEST
                       PROPERTIES LABELS "${K_LABELS}" TIMEOUT ${K_TIMEOUT}
                       WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  gtest_discover_tests(${K_NAME} TEST_FILTER "*Prop.*" DISCOVERY_MODE PRE_TEST
                       PROPERTIES LABELS "${prop_label}" TIMEOUT ${K_TIMEOUT}
                       WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
endfunction()

function(kref_cc_fuzz)
  cmake_parse_arguments(K "" "NAME" "SRCS;DEPS" ${ARGN})
  set(exe ${K_NAME}_fuzz)
  if(KREF_BUILD_FUZZERS)
    add_executable(${exe} ${K_SRCS})
    target_link_libraries(${exe} PRIVATE ${K_DEPS})
    target_link_options(${exe} PRIVATE -fsanitize=fuzzer)
  else()
    add_executable(${exe} ${K_SRCS} ${PROJECT_SOURCE_DIR}/fuzz/replay_main.cc)
    target_link_libraries(${exe} PRIVATE ${K_DEPS})
    add_test(NAME fuzz_smoke.${K_NAME} COMMAND ${exe} ${PROJECT_SOURCE_DIR}/fuzz/corpus/${K_NAME})
    set_tests_properties(fuzz_smoke.${K_NAME} PROPERTIES LABELS fuzz-smoke TIMEOUT 300)
  endif()
  target_include_directories(${exe} PRIVATE ${PROJECT_SOURCE_DIR})
  kref_set_warnings(${exe})
endfunction()
