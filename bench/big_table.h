#pragma once
// The big table of table_bench: 1,000,000 rows with the columns of the example commune table
// (scenarios/example/communes.csv), generated with a fixed seed. Included by table_bench.cpp only.
//
// Columns, in order (29): commune, year, name, district, households, population, em_households,
// em_household_share, poor_households, em_poor_households, em_poor_share, poverty_rate_2016,
// near_poor_rate_2016, villages, sd_villages, sd_village_share, main_road_not_hardened,
// southeast, mekong_delta, urban, new_rural, em_illiterate_share, untrained_labour_share,
// road_to_centre_km, road_unpaved_share, health_station_standard, party_cell_village_share,
// twinned, poor_district.
//
// Rows: 500,000 communes, first each commune's 2016 row, then each commune's 2020 row (the
// example's order). As in the example, the 2016 rows leave the four columns Decision 33/2020
// adds (em_illiterate_share ... road_unpaved_share) blank and the 2020 rows leave the three of
// Decision 50/2016 (sd_villages, sd_village_share, main_road_not_hardened) blank; besides, about
// 2 % of the other indicator cells are blank (unknown). Keys and names follow the example's
// style, made unique: commune `xa-bcdf` named "Xã Bcdf", in districts of 12 communes named
// "Huyện Qx". Values lie within the catalogue's ranges (rules/indicators.toml): counts are
// whole numbers, shares are computed from the counts and written with 4 decimals, rates with 3
// or 4, the road length in km with 1.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

namespace bench_table {

constexpr size_t kRows = 1000000;
constexpr const char* kHeader =
    "commune,year,name,district,households,population,em_households,em_household_share,poor_households,"
    "em_poor_households,em_poor_share,poverty_rate_2016,near_poor_rate_2016,villages,sd_villages,"
    "sd_village_share,main_road_not_hardened,southeast,mekong_delta,urban,new_rural,em_illiterate_share,"
    "untrained_labour_share,road_to_centre_km,road_unpaved_share,health_station_standard,"
    "party_cell_village_share,twinned,poor_district";
constexpr int kColumns = 29;
constexpr int kIndicatorColumns = 25;

// Letters of `i` in bijective base 26 ("a", ..., "z", "aa", ...), lower case.
inline std::string letters(size_t i) {
  char buf[16];
  char* p = buf + sizeof buf;
  ++i;
  while (i > 0) {
    --i;
    *--p = static_cast<char>('a' + i % 26);
    i /= 26;
  }
  return std::string(p, buf + sizeof buf);
}

inline std::string capitalised(std::string s) {
  s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

// Appends `v` rounded to `decimals` decimals in the shortest form ("0.25", "3", "0.1875").
inline void put_number(std::string& out, double v, int decimals) {
  char buf[32];
  double scale = 1;
  for (int k = 0; k < decimals; ++k) scale *= 10;
  double r = std::nearbyint(v * scale) / scale;
  auto res = std::to_chars(buf, buf + sizeof buf, r);
  out.append(buf, res.ptr);
}

/// Writes the table of `rows` rows (an even number) to `path`; returns its size in bytes.
inline size_t generate(const std::string& path, size_t rows = kRows) {
  const size_t communes = rows / 2;
  std::mt19937_64 rng(20201112);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  // Per commune, the draws both of its rows use (so its 2020 row follows its 2016 row).
  struct Base {
    double hh, em, poor, size, mekong, urban, remote;
    int villages;
  };
  std::vector<Base> base(communes);
  for (auto& b : base) {
    b.hh = 400 + u(rng) * 2600;
    b.em = u(rng) < 0.15 ? u(rng) * 0.15 : 0.15 + u(rng) * 0.85;
    b.poor = u(rng) * u(rng) * 0.8 * (0.3 + b.em);
    b.size = 3.8 + u(rng) * 1.4;
    b.mekong = u(rng) < 0.1;
    b.urban = u(rng) < 0.03;
    b.remote = u(rng);
    b.villages = 3 + static_cast<int>(u(rng) * 18);
  }
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return 0;
  std::string out;
  out.reserve(1 << 22);
  out += kHeader;
  out += '\n';
  size_t bytes = 0;
  auto blank = [&] { return u(rng) < 0.02; };
  auto cell = [&](double v, int decimals) {
    out += ',';
    if (!blank()) put_number(out, v, decimals);
  };
  for (int year : {2016, 2020}) {
    const bool y16 = year == 2016;
    for (size_t i = 0; i < communes; ++i) {
      const Base& b = base[i];
      const std::string key = letters(i);
      const double drift = y16 ? 1.0 : 0.55 + u(rng) * 0.35;  // poverty falls by 2020
      const double hh = std::round(b.hh * (y16 ? 1.0 : 1.04 + u(rng) * 0.08));
      const double em_hh = std::round(hh * b.em);
      const double poverty = std::min(0.95, b.poor * drift);
      const double poor = std::round(hh * poverty);
      const double em_poor = std::round(poor * std::min(1.0, b.em + u(rng) * 0.2));
      out += "xa-";
      out += key;
      out += y16 ? ",2016,Xã " : ",2020,Xã ";
      out += capitalised(key);
      out += ",Huyện ";
      out += capitalised(letters(i / 12));
      cell(hh, 0);
      cell(std::round(hh * b.size), 0);
      cell(em_hh, 0);
      cell(em_hh / hh, 4);
      cell(poor, 0);
      cell(em_poor, 0);
      if (poor > 0) cell(em_poor / poor, 4); else out += ',';
      cell(poor / hh, 4);
      cell(std::min(0.4, poverty * (0.4 + u(rng) * 0.6)), 3);
      cell(b.villages, 0);
      if (y16) {
        const int sd = static_cast<int>(b.villages * b.remote * u(rng));
        cell(sd, 0);
        cell(static_cast<double>(sd) / b.villages, 4);
        cell(b.remote > 0.5, 0);
      } else {
        out += ",,,";
      }
      cell(0, 0);                                  // southeast
      cell(b.mekong, 0);                           // mekong_delta
      cell(b.urban, 0);                            // urban
      cell(u(rng) < (y16 ? 0.05 : 0.2), 0);        // new_rural
      if (y16) {
        out += ",,,,";
      } else {
        cell(b.em * (0.05 + u(rng) * 0.3), 4);     // em_illiterate_share
        cell(0.4 + u(rng) * 0.55, 4);              // untrained_labour_share
        cell(1 + b.remote * 60 + u(rng) * 10, 1);  // road_to_centre_km
        cell(b.remote * u(rng), 4);                // road_unpaved_share
      }
      cell(u(rng) < (y16 ? 0.4 : 0.7), 0);         // health_station_standard
      cell(0.5 + u(rng) * 0.5, 2);                 // party_cell_village_share
      cell(b.remote > 0.6, 0);                     // twinned
      cell((i / 12) % 7 == 0, 0);                  // poor_district
      out += '\n';
      if (out.size() > (1 << 22) - 4096) {
        bytes += std::fwrite(out.data(), 1, out.size(), f);
        out.clear();
      }
    }
  }
  bytes += std::fwrite(out.data(), 1, out.size(), f);
  std::fclose(f);
  return bytes;
}

}  // namespace bench_table
