#pragma once
// The estimate's own messages (catalogue/en.inc, catalogue/vi.inc), added to lotrinh's message
// catalogue: the engine's catalogue knows no province.

namespace lotrinh::estimate {

/// Adds the estimate's messages to the catalogue; call once before the first message is shown.
void add_messages();

}  // namespace lotrinh::estimate
