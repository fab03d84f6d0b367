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

# hearsay_embed_tsv(OUT_VAR HEADER <path under the binary dir's generated/> DIRS ... NAMESPACE ns ARRAY name)
# Compiles the word-class files data/<dir>/*.tsv into a generated header (cmake/embed_tsv.cmake),
# so the binary needs no data path at run time; sets OUT_VAR to the header's full path.
function(hearsay_embed_tsv OUT_VAR)
  cmake_parse_arguments(ARG "" "HEADER;NAMESPACE;ARRAY" "DIRS" ${ARGN})
  set(globs)
  foreach(dir ${ARG_DIRS})
    list(APPEND globs ${PROJECT_SOURCE_DIR}/data/${dir}/*.tsv)
  endforeach()
  file(GLOB tsv CONFIGURE_DEPENDS ${globs})
  string(REPLACE ";" "," dirs "${ARG_DIRS}")
  set(out ${CMAKE_CURRENT_BINARY_DIR}/generated/${ARG_HEADER})
  add_custom_command(OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DDATA_DIR=${PROJECT_SOURCE_DIR}/data -DOUT=${out} "-DDIRS=${dirs}"
            -DNAMESPACE=${ARG_NAMESPACE} -DARRAY=${ARG_ARRAY} -P ${PROJECT_SOURCE_DIR}/cmake/embed_tsv.cmake
    VERBATIM
    DEPENDS ${tsv} ${PROJECT_SOURCE_DIR}/cmake/embed_tsv.cmake
    COMMENT "Embedding data/{${dirs}}")
  set(${OUT_VAR} ${out} PARENT_SCOPE)
endfunction()
