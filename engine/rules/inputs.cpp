#include "rules/inputs.h"

namespace lotrinh::rules {

Inputs table_inputs(const data::CommuneTable& table, const std::vector<size_t>& rows,
                    std::shared_ptr<std::map<std::string, std::vector<double>>> storage) {
  Inputs in;
  in.n = rows.size();
  bool contiguous = true;
  for (size_t i = 1; i < rows.size(); ++i) contiguous = contiguous && rows[i] == rows[0] + i;
  in.column = [&table, rows, storage, contiguous](const std::string& name) -> const double* {
    const std::vector<double>* col = table.column(name);
    if (!col) return nullptr;
    if (rows.empty()) return col->data();
    if (contiguous) return col->data() + rows[0];
    auto& out = (*storage)[name];
    if (out.empty()) {
      out.reserve(rows.size());
      for (size_t r : rows) out.push_back((*col)[r]);
    }
    return out.data();
  };
  return in;
}

}  // namespace lotrinh::rules
