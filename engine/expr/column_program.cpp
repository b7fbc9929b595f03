#include "expr/column_program.h"

#include <muParser.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace lotrinh::expr {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::size_t B = ColumnProgram::kBlock;

}  // namespace

std::shared_ptr<const ColumnProgram> ColumnProgram::translate(const mu::ParserBase& parser, const double* buffer, std::size_t vars,
                                                              void (*check)(), void (*negate)()) {
  using C = Code;
  const mu::ParserByteCode& bc = parser.GetByteCode();
  if (bc.GetSize() == 0) return nullptr;
  auto p = std::make_shared<ColumnProgram>();
  std::vector<bool> read(vars, false);
  int depth = 0, level = 0;
  const mu::SToken* tok = bc.GetBase();
  auto var_of = [&](const mu::SToken& t) -> int {
    const std::ptrdiff_t k = t.Val.ptr - buffer;
    if (k < 0 || static_cast<std::size_t>(k) >= vars) return -1;
    read[static_cast<std::size_t>(k)] = true;
    return static_cast<int>(k);
  };
  for (std::size_t i = 0; i < bc.GetSize() && tok[i].Cmd != mu::cmEND; ++i) {
    const mu::SToken& t = tok[i];
    Op op;
    switch (t.Cmd) {
      case mu::cmVAR: op.code = C::kVar; break;
      case mu::cmVARMUL: op.code = C::kVarMul; break;
      case mu::cmVARPOW2: op.code = C::kVarPow2; break;
      case mu::cmVARPOW3: op.code = C::kVarPow3; break;
      case mu::cmVARPOW4: op.code = C::kVarPow4; break;
      case mu::cmVAL: op.code = C::kVal; break;
      case mu::cmLE: op.code = C::kLe; break;
      case mu::cmGE: op.code = C::kGe; break;
      case mu::cmNEQ: op.code = C::kNe; break;
      case mu::cmEQ: op.code = C::kEq; break;
      case mu::cmLT: op.code = C::kLt; break;
      case mu::cmGT: op.code = C::kGt; break;
      case mu::cmADD: op.code = C::kAdd; break;
      case mu::cmSUB: op.code = C::kSub; break;
      case mu::cmMUL: op.code = C::kMul; break;
      case mu::cmDIV: op.code = C::kDiv; break;
      case mu::cmPOW: op.code = C::kPow; break;
      case mu::cmLAND: op.code = C::kAnd; break;
      case mu::cmLOR: op.code = C::kOr; break;
      case mu::cmIF: op.code = C::kIf; break;
      case mu::cmELSE: op.code = C::kElse; break;
      case mu::cmENDIF: op.code = C::kEndIf; break;
      case mu::cmFUNC: {
        op.fun = t.Fun.cb._pRawFun;
        op.user = t.Fun.cb._pUserData;
        op.argc = t.Fun.argc;
        const bool is_check = op.fun == check && !op.user && op.argc == 1;
        if (is_check) op.code = C::kCheck;
        else if (op.fun == negate && negate && !op.user && op.argc == 1) op.code = C::kNeg;
        else if (op.argc >= 0 && op.argc <= 3) op.code = C::kFun;
        else if (op.argc < 0) {
          op.code = C::kFunMulti;
          op.argc = -op.argc;
          p->max_args_ = std::max(p->max_args_, op.argc);
        } else {
          return nullptr;
        }
        break;
      }
      default:
        return nullptr;  // string and bulk functions, assignment: left to muParser
    }
    switch (op.code) {
      case C::kVar:
      case C::kVarMul:
      case C::kVarPow2:
      case C::kVarPow3:
      case C::kVarPow4:
        op.var = var_of(t);
        if (op.var < 0) return nullptr;
        op.a = t.Val.data;
        op.b = t.Val.data2;
        op.dst = depth++;
        break;
      case C::kVal:
        op.a = t.Val.data2;
        op.dst = depth++;
        op.constant = static_cast<int>(p->constants_.size() / B);
        p->constants_.resize(p->constants_.size() + B, op.a);
        break;
      case C::kIf:  // pops the condition; the `?` side is pushed where it was
        if (depth < 1) return nullptr;
        op.dst = --depth;
        op.level = ++level;
        p->levels_ = std::max(p->levels_, level);
        break;
      case C::kElse:  // the `?` side's value is set aside; the `:` side is pushed where it was
        if (depth < 1 || level < 1) return nullptr;
        op.dst = --depth;
        op.level = level;
        break;
      case C::kEndIf:
        if (depth < 1 || level < 1) return nullptr;
        op.dst = depth - 1;
        op.level = level--;
        break;
      case C::kCheck:
      case C::kNeg:
        if (depth < 1) return nullptr;
        op.dst = depth - 1;
        break;
      case C::kFun:
      case C::kFunMulti:
        if (op.argc == 0) {
          op.dst = depth++;
        } else {
          if (depth < op.argc) return nullptr;
          depth -= op.argc - 1;
          op.dst = depth - 1;
        }
        break;
      default:  // binary operators
        if (depth < 2) return nullptr;
        --depth;
        op.dst = depth - 1;
        break;
    }
    p->depth_ = std::max(p->depth_, depth);
    p->ops_.push_back(op);
  }
  if (depth != 1 || level != 0 || p->levels_ >= kMaxLevels) return nullptr;
  for (std::size_t k = 0; k < vars; ++k)
    if (read[k]) p->vars_read_.push_back(static_cast<int>(k));
  return p;
}

ColumnProgram::Scratch ColumnProgram::scratch() const {
  Scratch s;
  s.stack.assign(static_cast<std::size_t>(depth_) * B, 0.0);
  s.saved.assign(static_cast<std::size_t>(levels_ + 1) * B, 0.0);
  s.masks.assign(static_cast<std::size_t>(2 * (levels_ + 1)) * B, 0.0);
  s.pick.assign(static_cast<std::size_t>(levels_ + 1) * B, 0.0);
  s.bad.assign(B, 0.0);
  s.missing.assign(B, 0.0);
  s.ptr.assign(static_cast<std::size_t>(depth_), nullptr);
  s.args.assign(static_cast<std::size_t>(std::max(max_args_, 1)), 0.0);
  return s;
}

void ColumnProgram::run_block(const double* const* cols, const unsigned char* scalar, std::size_t row0, std::size_t m,
                              Scratch& s) const {
  using C = Code;
  double* stack = s.stack.data();
  const double** ptr = s.ptr.data();
  // A check adds v * 0 to the row's `bad`: 0 for a finite v, NaN for an infinity or NaN, and
  // NaN stays NaN (plain arithmetic, so the loops vectorise).
  double* __restrict bad = s.bad.data();
  std::fill(bad, bad + m, 0.0);
  // The rows the current side of each `?:` level covers (null: every row), per level.
  const double* mask = nullptr;
  const double* outer[kMaxLevels];
  for (const Op& op : ops_) {
    double* d = stack + static_cast<std::size_t>(op.dst) * B;
    switch (op.code) {
      case C::kVar:
        if (scalar[op.var]) {
          std::fill(d, d + m, cols[op.var][0]);
          ptr[op.dst] = d;
        } else {
          ptr[op.dst] = cols[op.var] + row0;
        }
        continue;
      case C::kVal:
        ptr[op.dst] = constants_.data() + static_cast<std::size_t>(op.constant) * B;
        continue;
      case C::kNeg: {
        const double* v = ptr[op.dst];
        for (std::size_t i = 0; i < m; ++i) d[i] = -v[i];
        ptr[op.dst] = d;
        continue;
      }
      case C::kVarMul:
      case C::kVarPow2:
      case C::kVarPow3:
      case C::kVarPow4: {
        const double* x = cols[op.var] + (scalar[op.var] ? 0 : row0);
        const std::size_t step = scalar[op.var] ? 0 : 1;
        if (op.code == C::kVarMul)
          for (std::size_t i = 0; i < m; ++i) d[i] = x[i * step] * op.a + op.b;
        else if (op.code == C::kVarPow2)
          for (std::size_t i = 0; i < m; ++i) { const double v = x[i * step]; d[i] = v * v; }
        else if (op.code == C::kVarPow3)
          for (std::size_t i = 0; i < m; ++i) { const double v = x[i * step]; d[i] = v * v * v; }
        else
          for (std::size_t i = 0; i < m; ++i) { const double v = x[i * step]; d[i] = v * v * v * v; }
        ptr[op.dst] = d;
        continue;
      }
      case C::kIf: {
        const double* __restrict c = ptr[op.dst];
        const std::size_t L = static_cast<std::size_t>(op.level);
        double* __restrict pick = s.pick.data() + L * B;
        double* __restrict yes = s.masks.data() + 2 * L * B;
        double* __restrict no = yes + B;
        for (std::size_t i = 0; i < m; ++i) pick[i] = c[i] == 0 ? 0.0 : 1.0;  // muParser: 0 jumps to `:`; NaN does not
        if (mask) {
          for (std::size_t i = 0; i < m; ++i) {
            yes[i] = mask[i] * pick[i];
            no[i] = mask[i] * (1.0 - pick[i]);
          }
        } else {
          for (std::size_t i = 0; i < m; ++i) {
            yes[i] = pick[i];
            no[i] = 1.0 - pick[i];
          }
        }
        outer[L] = mask;
        mask = yes;
        continue;
      }
      case C::kElse: {
        const std::size_t L = static_cast<std::size_t>(op.level);
        std::copy(ptr[op.dst], ptr[op.dst] + m, s.saved.data() + L * B);
        mask = s.masks.data() + (2 * L + 1) * B;
        continue;
      }
      case C::kEndIf: {
        const std::size_t L = static_cast<std::size_t>(op.level);
        const double* __restrict pick = s.pick.data() + L * B;
        const double* __restrict yes = s.saved.data() + L * B;
        const double* no = ptr[op.dst];
        for (std::size_t i = 0; i < m; ++i) d[i] = pick[i] != 0.0 ? yes[i] : no[i];
        ptr[op.dst] = d;
        mask = outer[L];
        continue;
      }
      case C::kCheck: {
        const double* __restrict v = ptr[op.dst];
        if (mask) {
          const double* __restrict in = mask;
          for (std::size_t i = 0; i < m; ++i) bad[i] += in[i] != 0.0 ? v[i] * 0.0 : 0.0;
        } else {
          for (std::size_t i = 0; i < m; ++i) bad[i] += v[i] * 0.0;
        }
        continue;
      }
      case C::kFun: {
        const mu::generic_callable_type cb{op.fun, op.user};
        const double* a0 = op.argc > 0 ? ptr[op.dst] : nullptr;
        const double* a1 = op.argc > 1 ? ptr[op.dst + 1] : nullptr;
        const double* a2 = op.argc > 2 ? ptr[op.dst + 2] : nullptr;
        switch (op.argc) {
          case 0: for (std::size_t i = 0; i < m; ++i) d[i] = cb.call_fun<0>(); break;
          case 1: for (std::size_t i = 0; i < m; ++i) d[i] = cb.call_fun<1>(a0[i]); break;
          case 2: for (std::size_t i = 0; i < m; ++i) d[i] = cb.call_fun<2>(a0[i], a1[i]); break;
          default: for (std::size_t i = 0; i < m; ++i) d[i] = cb.call_fun<3>(a0[i], a1[i], a2[i]); break;
        }
        ptr[op.dst] = d;
        continue;
      }
      case C::kFunMulti: {
        const mu::generic_callable_type cb{op.fun, op.user};
        double* args = s.args.data();
        for (std::size_t i = 0; i < m; ++i) {
          for (int j = 0; j < op.argc; ++j) args[j] = ptr[op.dst + j][i];
          d[i] = cb.call_multfun(args, op.argc);
        }
        ptr[op.dst] = d;
        continue;
      }
      default:
        break;
    }
    // Binary operators, as muParser's interpreter writes them.
    const double* x = ptr[op.dst];
    const double* y = ptr[op.dst + 1];
    switch (op.code) {
      case C::kLe: for (std::size_t i = 0; i < m; ++i) d[i] = x[i] <= y[i]; break;
      case C::kGe: for (std::size_t i = 0; i < m; ++i) d[i] = x[i] >= y[i]; break;
      case C::kNe: for (std::size_t i = 0; i < m; ++i) d[i] = x[i] != y[i]; break;
      case C::kEq: for (std::size_t i = 0; i < m; ++i) d[i] = x[i] == y[i]; break;
      case C::kLt: for (std::size_t i = 0; i < m; ++i) d[i] = x[i] < y[i]; break;
      case C::kGt: for (std::size_t i = 0; i < m; ++i) d[i] = x[i] > y[i]; break;
      case C::kAdd: for (std::size_t i = 0; i < m; ++i) d[i] = x[i] + y[i]; break;
      case C::kSub: for (std::size_t i = 0; i < m; ++i) d[i] = x[i] - y[i]; break;
      case C::kMul: for (std::size_t i = 0; i < m; ++i) d[i] = x[i] * y[i]; break;
      case C::kDiv: for (std::size_t i = 0; i < m; ++i) d[i] = x[i] / y[i]; break;
      case C::kPow: for (std::size_t i = 0; i < m; ++i) d[i] = mu::MathImpl<double>::Pow(x[i], y[i]); break;
      case C::kAnd: for (std::size_t i = 0; i < m; ++i) d[i] = x[i] && y[i]; break;
      case C::kOr: for (std::size_t i = 0; i < m; ++i) d[i] = x[i] || y[i]; break;
      default: break;
    }
    ptr[op.dst] = d;
  }
}

std::size_t ColumnProgram::run(const double* const* cols, const unsigned char* scalar, std::size_t n, double* out, Scratch& s) const {
  bool scalar_missing = false;
  for (int k : vars_read_)
    if (scalar[k] && std::isnan(cols[k][0])) scalar_missing = true;
  if (scalar_missing) {
    std::fill(out, out + n, kNaN);
    return 0;
  }
  std::size_t nonfinite = 0;
  double* __restrict missing = s.missing.data();
  for (std::size_t row0 = 0; row0 < n; row0 += B) {
    const std::size_t m = std::min(B, n - row0);
    std::fill(missing, missing + m, 0.0);
    for (int k : vars_read_) {
      if (scalar[k]) continue;
      const double* __restrict c = cols[k] + row0;
      for (std::size_t i = 0; i < m; ++i) missing[i] += c[i] != c[i] ? 1.0 : 0.0;
    }
    run_block(cols, scalar, row0, m, s);
    const double* r = s.ptr[0];
    const double* __restrict bad = s.bad.data();
    double* o = out + row0;
    for (std::size_t i = 0; i < m; ++i) {
      const bool flagged = missing[i] == 0.0 && bad[i] != bad[i];
      nonfinite += flagged;
      o[i] = missing[i] != 0.0 || flagged ? kNaN : r[i];
    }
  }
  return nonfinite;
}

}  // namespace lotrinh::expr
