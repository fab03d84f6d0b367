# Helpers shared by every target: warnings, one library per pipeline stage, tests, benches.

add_library(hearsay_warnings INTERFACE)
target_compile_options(hearsay_warnings INTERFACE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
if(HEARSAY_WERROR)
  target_compile_options(hearsay_warnings INTERFACE -Werror)
endif()

# hearsay_add_stage(NAME SOURCES ... DEPS ...)
# One static library per stage: hearsay_<NAME>, alias hearsay::<NAME>.
function(hearsay_add_stage NAME)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(hearsay_${NAME} STATIC ${ARG_SOURCES})
  add_library(hearsay::${NAME} ALIAS hearsay_${NAME})
  target_compile_features(hearsay_${NAME} PUBLIC cxx_std_20)
  target_include_directories(hearsay_${NAME}
    PUBLIC ${PROJECT_SOURCE_DIR}/include
    PRIVATE ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(hearsay_${NAME} PRIVATE hearsay_warnings PUBLIC ${ARG_DEPS})
endfunction()

# hearsay_add_test(NAME SOURCES ... DEPS ... LABELS ...)
function(hearsay_add_test NAME)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;LABELS" ${ARGN})
  add_executable(${NAME} ${ARG_SOURCES})
  target_include_directories(${NAME} PRIVATE ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(${NAME} PRIVATE hearsay_warnings ${ARG_DEPS} GTest::gtest GTest::gtest_main)
  target_compile_definitions(${NAME} PRIVATE
    HEARSAY_SHARED_DIR="${HEARSAY_SHARED_DIR}"
    HEARSAY_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    HEARSAY_BINARY="$<TARGET_FILE:hearsay>")
  if(NOT ARG_LABELS)
    set(ARG_LABELS unit)
  endif()
  gtest_discover_tests(${NAME} PROPERTIES LABELS "${ARG_LABELS}" DISCOVERY_TIMEOUT 60)
endfunction()

# hearsay_add_bench(NAME SOURCES ... DEPS ...)
function(hearsay_add_bench NAME)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${NAME} ${ARG_SOURCES})
  target_include_directories(${NAME} PRIVATE ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(${NAME} PRIVATE ${ARG_DEPS} benchmark::benchmark)
  target_compile_definitions(${NAME} PRIVATE HEARSAY_SHARED_DIR="${HEARSAY_SHARED_DIR}"
                                             HEARSAY_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
endfunction()
