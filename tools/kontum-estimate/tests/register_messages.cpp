// The estimate's messages, added to the catalogue before any test runs (as main.cpp does).
#include "estimate_messages.h"

namespace {
const bool registered = (lotrinh::estimate::add_messages(), true);
}  // namespace
