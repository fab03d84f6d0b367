# Writes OUT: a header holding data/outlets/hosts.tsv (host -> outlet name) as a raw string.
file(READ "${TSV}" text)
set(body "#pragma once\n// Generated from data/outlets/hosts.tsv; do not edit.\n")
string(APPEND body "namespace hearsay::ingest::generated {\n")
string(APPEND body "inline constexpr const char* kHostsTsv = R\"hearsay_tsv(${text})hearsay_tsv\";\n")
string(APPEND body "}  // namespace hearsay::ingest::generated\n")
file(WRITE "${OUT}.tmp" "${body}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUT}.tmp" "${OUT}")
