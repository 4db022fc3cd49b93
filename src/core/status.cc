#include "vigie/status.h"

#include "vigie/document.h"

namespace vigie {

std::string Status::ToString() const {
  const char* name = "OK";
  switch (code_) {
    case StatusCode::kOk: return "OK";
    case StatusCode::kNotFound: name = "NotFound"; break;
    case StatusCode::kInvalidArgument: name = "InvalidArgument"; break;
    case StatusCode::kCorruption: name = "Corruption"; break;
    case StatusCode::kIoError: name = "IoError"; break;
    case StatusCode::kUnsupported: name = "Unsupported"; break;
  }
  return std::string(name) + ": " + message_;
}

std::string Origin::ToString() const {
  if (record == 0) return file;
  return file + ":" + std::to_string(record);
}

}  // namespace vigie
