#pragma once
// CSV holds one table per file: the files a command with several tables writes with
// --format csv --out FILE.csv (the first table in FILE.csv, each other one beside it in
// FILE-<name>.csv), and writing them under the safe-output rules.
#include <string>
#include <vector>

#include "report/render.h"
#include "report/result_table.h"

namespace lotrinh::report {

/// One file of a CSV output: where it goes, which table it holds, and its bytes.
struct CsvFile {
  std::string path;
  std::string table;  ///< the table's file name part (its `name`, made safe and unique)
  std::string content;
};

/// The file name part of each table: its `name` with each run of characters other than ASCII
/// letters, digits, '.', '_' and '-' made one '-', "table-N" (N from 1) when that is empty, and
/// "-N" added to a name an earlier table already has (N its position from 1, or the next free).
std::vector<std::string> table_file_names(const std::vector<ResultTable>& tables);

/// The path of the file of a table other than the first, named `name`, beside `out`: `out`
/// without a final ".csv" (any case), then "-", `name` and ".csv" ("plan.csv", "fan" ->
/// "plan-fan.csv").
std::string sibling_csv_path(const std::string& out, const std::string& name);

/// The files `format` (kCsv or kCsvExcel, each file with its byte-order mark) writes for
/// `tables` at `out`, one table each: the first table at `out`, the others at sibling_csv_path.
/// Each file ends with '#' caveat lines, which lotrinh's CSV reader skips: with one table, its
/// notes; with several, the table's title and notes, then (in every file but the first) the
/// first table's title and notes, which carry the run's caveats.
std::vector<CsvFile> csv_files(const std::vector<ResultTable>& tables, const std::string& out, Format format);

/// Writes `files`: every target is checked first (diag::check_output_target: never an input of
/// the run, a folder, device, FIFO, socket, symbolic link or read-only file), so that nothing is
/// written when one is refused; then each file is written atomically (diag::write_file_atomic),
/// the first file last. Throws diag::InputError located at `option`.
void write_files(const std::vector<CsvFile>& files, const std::string& option = "--out");

}  // namespace lotrinh::report
