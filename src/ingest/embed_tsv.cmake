# Writes OUT: a header holding the TSV file TSV as a raw string constant named VAR, so the
# binary needs no data path at run time.
file(READ "${TSV}" text)
get_filename_component(name "${TSV}" NAME)
set(body "#pragma once\n// Generated from ${name}; do not edit.\n")
string(APPEND body "namespace hearsay::ingest::generated {\n")
string(APPEND body "inline constexpr const char* ${VAR} = R\"hearsay_tsv(${text})hearsay_tsv\";\n")
string(APPEND body "}  // namespace hearsay::ingest::generated\n")
file(WRITE "${OUT}.tmp" "${body}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUT}.tmp" "${OUT}")
