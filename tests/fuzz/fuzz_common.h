#pragma once
// Shared by the libFuzzer targets of tests/fuzz (and their replay driver): the bundled catalogue,
// loaded once, and the guard that treats an InputError as an expected outcome. An InputError's
// diagnostics are rendered too, so that the caret lines (columns in UTF-8 text) are exercised.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "config/catalogue_reader.h"
#include "data/catalogue.h"
#include "diag/diagnostic.h"
#include "diag/text_file.h"

namespace lotrinh::fuzz {

/// The input bytes as text.
inline std::string_view as_text(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

/// The folder holding the bundled rules/ and scenarios/ (set at build time).
inline std::string source_home() { return LOTRINH_SOURCE_HOME; }

/// rules/indicators.toml, read once.
inline const data::Catalogue& bundled_catalogue() {
  static const data::Catalogue catalogue = config::read_catalogue(source_home() + "/rules/indicators.toml");
  return catalogue;
}

/// Runs `body`; an InputError (invalid input, reported to the user) is an expected outcome and
/// its diagnostics are formatted. Anything else escapes and is a finding.
template <class Body>
void expect_input_errors(Body&& body) {
  try {
    body();
  } catch (const diag::InputError& e) {
    std::string text = diag::format(e.diagnostics());
    if (text.empty()) __builtin_trap();  // an error that says nothing is a finding too
  }
}

/// The input as the readers get it from diag::read_file: non-empty, valid UTF-8, no NUL (throws
/// InputError otherwise, like a real file would).
inline std::string checked(const std::string& path, std::string_view bytes) {
  return diag::checked_text(path, std::string(bytes));
}

}  // namespace lotrinh::fuzz
