#pragma once
// Counts heap allocations: replaces the global operator new and delete for the whole binary.
// Include in exactly one source file of a test or bench binary. The counter is atomic, so
// threads may allocate while it counts.
#include <atomic>
#include <cstdlib>
#include <new>

namespace lotrinh::testing {
/// Allocations made so far by operator new (all forms).
inline std::atomic<long> g_allocations{0};
}  // namespace lotrinh::testing

// free() in the replaced deletes matches the malloc() of the replaced news; GCC cannot see that
// once it inlines them (-Wmismatched-new-delete).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
void* operator new(std::size_t n) {
  lotrinh::testing::g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
// Every form of new and delete is replaced together, so that memory from one is always freed
// by its pair (AddressSanitizer checks that).
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  lotrinh::testing::g_allocations.fetch_add(1, std::memory_order_relaxed);
  return std::malloc(n ? n : 1);
}
void* operator new[](std::size_t n) { return operator new(n); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return operator new(n, std::nothrow); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }
#pragma GCC diagnostic pop
