// Loading a big commune table: 1,000,000 rows with the 29 columns of the example table
// (big_table.h names them and says how the rows are generated, with a fixed seed), written to a
// temporary folder first. Measured:
//   - the engine's load, data::read_commune_table (reading, UTF-8 and NUL checks, CSV splitting,
//     every number parsed and range-checked, duplicate (commune, year) rows refused), in MB/s of
//     the file, median of 5 repetitions;
//   - beside it a plain C++ reader of the same file (one read of the whole file, fields split
//     at ',' and '\n', std::from_chars straight into one array of doubles per column, text
//     cells into one buffer per column; no checks beyond a number being a number): the
//     fastest simple reader, the baseline; and the ratio of the two times;
//   - the peak memory (getrusage ru_maxrss, in a fresh process) of loading the table and
//     classifying it under Decision 33/2020 through the CLI's entry point (`lotrinh classify
//     --data FILE --rules vn.qd-33-2020`, the table written to /dev/null), relative to the
//     file's size. Goals (issue 10): at most 3x the file, and at least 50 MB/s to load.
//
// `table_bench --generate FILE [ROWS]` writes the table (for trying the CLI on it, e.g.
// /usr/bin/time -f %M lotrinh classify --data FILE --rules vn.qd-33-2020).
// `table_bench --rss FILE` loads and classifies FILE in this process and prints the peak RSS.
//
// Figures (bench/README.md has them all): 122.2 MB; load 55 MB/s of CPU time, 2.76x the plain
// reader's (152 MB/s); load + classify peak RSS 2.88x the file (release preset, 2026-11-30).
#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <limits>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "big_table.h"
#include "cli/app.h"
#include "config/catalogue_reader.h"
#include "data/csv_table_reader.h"

using namespace lotrinh;

namespace {

const std::string kHome = LOTRINH_SOURCE_HOME;

// The generated file, in a temporary folder removed at exit.
struct TableFile {
  std::string dir, path;
  size_t bytes = 0;
  TableFile() {
    char templ[] = "/tmp/lotrinh-table-bench-XXXXXX";
    if (!mkdtemp(templ)) throw std::runtime_error("cannot create a temporary folder");
    dir = templ;
    path = dir + "/communes.csv";
    bytes = bench_table::generate(path);
    if (bytes == 0) throw std::runtime_error("cannot write " + path);
  }
  ~TableFile() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
};

TableFile& table_file() {
  static TableFile f;
  return f;
}

const data::Catalogue& catalogue() {
  static data::Catalogue c = config::read_catalogue(kHome + "/rules/indicators.toml");
  return c;
}

// --- The plain reader ----------------------------------------------------------------------

// One column of text cells: every cell in one buffer, and where each ends.
struct TextCells {
  std::string chars;
  std::vector<uint32_t> ends;
};

struct PlainTable {
  TextCells commune, name, district;
  std::vector<int> year;
  std::vector<std::string> ids;              // indicator columns, in file order
  std::vector<std::vector<double>> columns;  // one per indicator column
};

// Reads `path` in one read, then splits and converts. Throws on a field that is not a number.
PlainTable plain_read(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) throw std::runtime_error("cannot open " + path);
  struct stat st {};
  ::fstat(fd, &st);
  const size_t size = static_cast<size_t>(st.st_size);
  std::unique_ptr<char[]> buf(new char[size]);
  size_t got = 0;
  while (got < size) {
    ssize_t n = ::read(fd, buf.get() + got, size - got);
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  ::close(fd);
  const char* p = buf.get();
  const char* end = p + got;
  PlainTable t;
  // Header: the four text columns, then the indicators.
  const char* eol = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
  std::vector<int> role;  // per field: 0 commune, 1 year, 2 name, 3 district, 4 + k indicator k
  for (const char* f = p; f < eol;) {
    const char* c = std::find(f, eol, ',');
    std::string id(f, c);
    if (id == "commune") role.push_back(0);
    else if (id == "year") role.push_back(1);
    else if (id == "name") role.push_back(2);
    else if (id == "district") role.push_back(3);
    else {
      role.push_back(4 + static_cast<int>(t.ids.size()));
      t.ids.push_back(id);
    }
    f = c + 1;
  }
  p = eol + 1;
  const size_t rows = static_cast<size_t>(std::count(p, end, '\n'));
  t.columns.assign(t.ids.size(), {});
  for (auto& c : t.columns) c.reserve(rows);
  t.year.reserve(rows);
  for (TextCells* c : {&t.commune, &t.name, &t.district}) c->ends.reserve(rows);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  while (p < end) {
    for (size_t k = 0; k < role.size(); ++k) {
      const char* f = p;
      while (p < end && *p != ',' && *p != '\n') ++p;
      const int r = role[k];
      if (r >= 4) {
        double v = nan;
        if (p != f && std::from_chars(f, p, v).ptr != p) throw std::runtime_error("not a number");
        t.columns[static_cast<size_t>(r - 4)].push_back(v);
      } else if (r == 1) {
        int y = 0;
        std::from_chars(f, p, y);
        t.year.push_back(y);
      } else {
        TextCells& c = r == 0 ? t.commune : r == 2 ? t.name : t.district;
        c.chars.append(f, p);
        c.ends.push_back(static_cast<uint32_t>(c.chars.size()));
      }
      ++p;  // the ',' or '\n'
    }
  }
  return t;
}

// --- Benchmarks ----------------------------------------------------------------------------

std::vector<double> g_engine, g_plain, g_engine_cpu, g_plain_cpu;
size_t g_engine_rows = 0, g_plain_rows = 0;

// CPU time of this process (user and system), seconds: what a machine shared with other work
// does not inflate, unlike wall time.
double process_cpu() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  auto s = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return s(ru.ru_utime) + s(ru.ru_stime);
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

void BM_EngineLoad(benchmark::State& state) {
  const TableFile& f = table_file();
  const data::Catalogue& cat = catalogue();
  for (auto _ : state) {
    auto t0 = std::chrono::steady_clock::now();
    double c0 = process_cpu();
    data::CommuneTable t = data::read_commune_table(f.path, cat, data::CsvDialect::kRfc4180);
    double s = seconds_since(t0);
    g_engine_cpu.push_back(process_cpu() - c0);
    g_engine_rows = t.rows();
    benchmark::DoNotOptimize(t);
    state.SetIterationTime(s);
    g_engine.push_back(s);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.bytes));
}
BENCHMARK(BM_EngineLoad)->UseManualTime()->Iterations(1)->Repetitions(5)->Unit(benchmark::kMillisecond);

void BM_PlainLoad(benchmark::State& state) {
  const TableFile& f = table_file();
  for (auto _ : state) {
    auto t0 = std::chrono::steady_clock::now();
    double c0 = process_cpu();
    PlainTable t = plain_read(f.path);
    double s = seconds_since(t0);
    g_plain_cpu.push_back(process_cpu() - c0);
    g_plain_rows = t.year.size();
    benchmark::DoNotOptimize(t);
    state.SetIterationTime(s);
    g_plain.push_back(s);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.bytes));
}
BENCHMARK(BM_PlainLoad)->UseManualTime()->Iterations(1)->Repetitions(5)->Unit(benchmark::kMillisecond);

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

long peak_rss_kb() {
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

// Loads and classifies `path` through the CLI, the table written to /dev/null; 0 on success.
int classify_quiet(const std::string& path) {
  std::vector<std::string> args = {"lotrinh", "classify", "--data", path, "--rules", "vn.qd-33-2020"};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  std::fflush(stdout);
  int saved = dup(1);
  int null = ::open("/dev/null", O_WRONLY);
  if (saved < 0 || null < 0) return 3;
  dup2(null, 1);
  close(null);
  int rc = cli::main(static_cast<int>(argv.size()), argv.data());
  std::fflush(stdout);
  dup2(saved, 1);
  close(saved);
  return rc;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 3 && std::strcmp(argv[1], "--generate") == 0) {
    size_t rows = argc >= 4 ? std::stoul(argv[3]) : bench_table::kRows;
    size_t bytes = bench_table::generate(argv[2], rows);
    std::printf("%s: %zu rows, %zu bytes\n", argv[2], rows, bytes);
    return bytes ? 0 : 1;
  }
  if (argc == 3 && std::strcmp(argv[1], "--rss-load") == 0) {
    data::CommuneTable t = data::read_commune_table(argv[2], catalogue(), data::CsvDialect::kRfc4180);
    benchmark::DoNotOptimize(t);
    std::printf("%ld\n", peak_rss_kb());
    return 0;
  }
  if (argc == 3 && std::strcmp(argv[1], "--rss") == 0) {
    int rc = classify_quiet(argv[2]);
    std::printf("%ld\n", rc == 0 ? peak_rss_kb() : -1L);
    return rc;
  }
  benchmark::Initialize(&argc, argv);
  const TableFile& f = table_file();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  if (g_engine.empty() || g_plain.empty()) return 1;
  const double mb = static_cast<double>(f.bytes) / 1e6;
  const double e = median(g_engine), p = median(g_plain);
  std::printf("table: %zu rows (engine %zu, plain %zu), 29 columns (commune, year, name, district, 25 indicators), "
              "%.1f MB\n", bench_table::kRows, g_engine_rows, g_plain_rows, mb);
  const double ec = median(g_engine_cpu), pc = median(g_plain_cpu);
  std::printf("load, wall time: engine %.3f s = %.0f MB/s (goal >= 50), plain reader %.3f s = %.0f MB/s, ratio %.2fx "
              "(medians of %zu)\n", e, mb / e, p, mb / p, e / p, g_engine.size());
  std::printf("load, CPU time:  engine %.3f s = %.0f MB/s, plain reader %.3f s = %.0f MB/s, ratio %.2fx\n", ec,
              mb / ec, pc, mb / pc, ec / pc);
  // Peak memory of load + classify, in a fresh process (this one holds the benchmarks' tables).
  std::error_code link_error;
  // (Appended piece by piece: GCC 12 warns falsely on "x" + std::string at -O3.)
  std::string cmd = "'";
  cmd += std::filesystem::read_symlink("/proc/self/exe", link_error).string();
  cmd += "' --rss '";
  cmd += f.path;
  cmd += "'";
  long kb = -1;
  if (std::FILE* child = popen(cmd.c_str(), "r")) {
    if (std::fscanf(child, "%ld", &kb) != 1) kb = -1;
    pclose(child);
  }
  if (kb < 0) {
    std::printf("load + classify failed\n");
    return 1;
  }
  std::printf("load + classify (vn.qd-33-2020, latest year): peak RSS %.1f MB = %.2fx the file (goal <= 3x)\n",
              static_cast<double>(kb) * 1024 / 1e6, static_cast<double>(kb) * 1024 / static_cast<double>(f.bytes));
  return 0;
}
