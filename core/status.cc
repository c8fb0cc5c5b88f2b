#include "normkit/status.h"

namespace normkit {

std::string Status::ToString() const {
  if (ok()) return "OK";
  std::string out;
  if (!where_.file.empty()) out += where_.file + ":";
  if (where_.line > 0) {
    out += std::to_string(where_.line) + ":";
    if (where_.column > 0) out += std::to_string(where_.column) + ":";
  }
  if (!out.empty()) out += " ";
  out += message_;
  return out;
}

}  // namespace normkit
