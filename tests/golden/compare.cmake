# Runs one lotrinh command and compares what it prints (stdout, stderr and the exit code) with
# a recorded file, byte for byte. Called by tests/golden/golden.cmake:
#   cmake -DLOTRINH=<binary> -DHOME=<source tree> -DGOLDEN=<file> -DARGS=<args joined by |> -P compare.cmake
# The source tree's path is written as <home> in the record, so that a record taken in one
# checkout holds in another. With LOTRINH_GOLDEN_UPDATE=1 in the environment the record is
# rewritten instead (for a change of output made on purpose; review the diff).
string(REPLACE "|" ";" args "${ARGS}")
execute_process(COMMAND "${LOTRINH}" ${args} WORKING_DIRECTORY "${HOME}"
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
set(got "${out}--- stderr\n${err}--- exit ${rc}\n")
string(REPLACE "${HOME}" "<home>" got "${got}")
if("$ENV{LOTRINH_GOLDEN_UPDATE}" STREQUAL "1")
  file(WRITE "${GOLDEN}" "${got}")
  message(STATUS "recorded ${GOLDEN}")
  return()
endif()
if(NOT EXISTS "${GOLDEN}")
  message(FATAL_ERROR "no record ${GOLDEN}: run with LOTRINH_GOLDEN_UPDATE=1 to take it")
endif()
file(READ "${GOLDEN}" want)
if(NOT got STREQUAL want)
  file(WRITE "${GOLDEN}.actual" "${got}")
  message(FATAL_ERROR "lotrinh ${args} no longer prints ${GOLDEN}; what it prints is in ${GOLDEN}.actual (diff them)")
endif()
