# Golden records of the README's commands on the bundled data, taken before the data moved into
# province folders (issue 6), so that the move is shown to change nothing. Each test runs the
# real binary from the source tree and compares its stdout, stderr and exit code with
# tests/golden/<name>.txt byte for byte (tests/golden/compare.cmake). A change of output made on
# purpose is recorded with: LOTRINH_GOLDEN_UPDATE=1 ctest --test-dir build/debug -R golden
set(LOTRINH_GOLDEN_DIR "${CMAKE_CURRENT_LIST_DIR}")
function(lotrinh_golden name)
  string(JOIN "|" joined ${ARGN})
  set(test "golden: lotrinh ${ARGN} prints what tests/golden/${name}.txt records")
  string(REPLACE ";" " " test "${test}")
  add_test(NAME "${test}" COMMAND ${CMAKE_COMMAND} -DLOTRINH=$<TARGET_FILE:lotrinh>
    "-DHOME=${LOTRINH_SOURCE_HOME}" "-DGOLDEN=${LOTRINH_GOLDEN_DIR}/${name}.txt" "-DARGS=${joined}"
    -P "${LOTRINH_GOLDEN_DIR}/compare.cmake")
  set_tests_properties("${test}" PROPERTIES ENVIRONMENT "LOTRINH_HOME=${LOTRINH_SOURCE_HOME};LANG=C.UTF-8")
endfunction()

lotrinh_golden(main-job)
lotrinh_golden(classify classify)
lotrinh_golden(classify-csv classify --format csv)
lotrinh_golden(classify-2016-json classify --year 2016 --format json)
lotrinh_golden(explain-muong-hoong-2020 explain --commune "Mường Hoong" --year 2020)
lotrinh_golden(explain-dak-long-2020 explain --commune "Đăk Long" --year 2020)
lotrinh_golden(targets targets)
lotrinh_golden(targets-csv targets --format csv)
lotrinh_golden(reproduce reproduce)
lotrinh_golden(reproduce-csv reproduce --format csv)
lotrinh_golden(reproduce-transitions reproduce --transitions)
lotrinh_golden(reproduce-transitions-csv reproduce --transitions --format csv)
lotrinh_golden(graph graph)
lotrinh_golden(graph-csv graph --format csv)
lotrinh_golden(graph-dot graph --format dot)
lotrinh_golden(aggregate aggregate)
lotrinh_golden(aggregate-csv aggregate --format csv)
lotrinh_golden(aggregate-commune aggregate --commune "Mường Hoong")
lotrinh_golden(diff-example diff vn.qd-33-2020 draft.qd-33-2020-poverty-15 --data scenarios/example/communes.csv)
lotrinh_golden(diff-kontum diff vn.qd-33-2020 draft.qd-33-2020-poverty-15)
lotrinh_golden(sweep-kontum sweep --param poverty_high --from 0.1 --to 0.3 --step 0.05)
lotrinh_golden(check check)
lotrinh_golden(classify-example classify --data scenarios/example/communes.csv)
lotrinh_golden(targets-example targets --data scenarios/example/communes.csv)
lotrinh_golden(vi-explain-muong-hoong-2020 explain --commune "Mường Hoong" --year 2020 --lang vi)
