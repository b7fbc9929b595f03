#include "estimate/integer_fit.h"

#include <catch2/catch.hpp>

#include <numeric>

using namespace lotrinh::estimate;
using V = std::vector<std::int64_t>;

TEST_CASE("rates in basis points round half away from zero", "[estimate]") {
  CHECK(rate_bp(579, 757) == 7649);  // 0.764861... -> 0.7649
  CHECK(rate_bp(1, 20000) == 1);     // 0.00005 exactly -> 0.0001
  CHECK(rate_bp(1, 20001) == 0);
  CHECK(rate_bp(5, 0) == 0);
  CHECK(div_round(-3, 2) == -2);
  CHECK(div_round(-5, 4) == -1);
  CHECK(div_round(7, 2) == 4);
}

TEST_CASE("allocate splits a total in proportion to the weights with largest remainders", "[estimate]") {
  auto x = allocate(10, {1, 1, 1}, {0, 0, 0}, {10, 10, 10});
  REQUIRE(x);
  CHECK(*x == V{4, 3, 3});  // one left over goes to the lowest index among equal remainders
  x = allocate(100, {3, 1}, {0, 0}, {100, 100});
  REQUIRE(x);
  CHECK(*x == V{75, 25});
}

TEST_CASE("allocate holds units at their bounds and shares the rest proportionally", "[estimate]") {
  // Shares would be 50/50, but the first unit may take at most 20.
  auto x = allocate(100, {1, 1, 2}, {0, 0, 0}, {20, 100, 100});
  REQUIRE(x);
  CHECK(*x == V{20, 27, 53});
  // A lower bound above the proportional share.
  x = allocate(100, {1, 9}, {30, 0}, {100, 100});
  REQUIRE(x);
  CHECK(*x == V{30, 70});
  // Units with no weight share equally when nothing else is free.
  x = allocate(4, {0, 0}, {0, 0}, {5, 5});
  REQUIRE(x);
  CHECK(*x == V{2, 2});
}

TEST_CASE("allocate refuses a total its bounds cannot hold", "[estimate]") {
  CHECK_FALSE(allocate(5, {1, 1}, {3, 3}, {10, 10}));
  CHECK_FALSE(allocate(21, {1, 1}, {0, 0}, {10, 10}));
  CHECK_FALSE(allocate(1, {}, {}, {}));
  CHECK(allocate(0, {}, {}, {}));
}

TEST_CASE("odds scaling keeps rates inside 0 to 1 and is the identity at factor 1", "[estimate]") {
  CHECK(scale_odds_bp(2500, 1000) == 2500);
  CHECK(scale_odds_bp(2500, 3000) == 5000);  // odds 1/3 -> 1
  CHECK(scale_odds_bp(9000, 1000000) == 9999);  // odds 9000: 9000 / 9001
  CHECK(scale_odds_bp(0, 5000) == 0);
  CHECK(scale_odds_bp(10000, 10) == 10000);
}

TEST_CASE("fit_sum shifts values within their bounds to an exact sum", "[estimate]") {
  V v{100, 200, 9900};
  REQUIRE(fit_sum(v, {0, 0, 0}, {10000, 10000, 10000}, 10500));
  CHECK(std::accumulate(v.begin(), v.end(), std::int64_t{0}) == 10500);
  CHECK(v[2] == 10000);
  CHECK(v[1] - v[0] == 100);
  V w{5, 5};
  CHECK_FALSE(fit_sum(w, {0, 0}, {10, 10}, 21));
}

TEST_CASE("odds_allocate reaches the total and keeps the order of the base rates", "[estimate]") {
  auto x = odds_allocate(600, {1000, 1000, 1000}, {100, 1000, 5000}, {1000, 1000, 1000}, {0, 0, 0}, {900, 900, 900});
  REQUIRE(x);
  CHECK((*x)[0] + (*x)[1] + (*x)[2] == 600);
  CHECK((*x)[0] < (*x)[1]);
  CHECK((*x)[1] < (*x)[2]);
}

TEST_CASE("a random stream is splitmix64 over the seed and the FNV-1a hash of step and key", "[estimate]") {
  RandomStream r(20211108, "households-2021", "ngoc-linh");
  CHECK(r.next() == 0xcc1a4dd256d79f2eULL);
  CHECK(r.next() == 0x9cee645efe51b695ULL);
  CHECK(r.next() == 0xef75fe8b2dbc07c1ULL);
  RandomStream a(1, "s", "ngoc-linh"), b(1, "s", "muong-hoong");
  CHECK(a.next() != b.next());
  RandomStream c(7, "s", "k");
  for (int i = 0; i < 1000; ++i) {
    const auto v = c.uniform(75, 125);
    REQUIRE(v >= 75);
    REQUIRE(v <= 125);
  }
}
