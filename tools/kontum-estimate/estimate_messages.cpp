#include "estimate_messages.h"

#include "diag/messages.h"

namespace lotrinh::estimate {

void add_messages() {
#define M(id, text) {id, text},
  diag::add_messages(diag::Lang::kEn, {
#include "catalogue/en.inc"
  });
  diag::add_messages(diag::Lang::kVi, {
#include "catalogue/vi.inc"
  });
#undef M
}

}  // namespace lotrinh::estimate
