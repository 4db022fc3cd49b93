// Writers of stored event records: JSON Lines, CSV, GeoJSON, ACLED-style CSV, and a
// plain table for terminals. Every format carries the GeoNames credit (a metadata line
// or member, or a comment line). A writer streams to the ostream it is given (not owned);
// one writer per output, not thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "store/store.h"
#include "vigie/status.h"

namespace vigie::store {

inline constexpr const char* kGeoNamesCredit =
    "Place data from GeoNames (https://www.geonames.org), licensed under CC BY 4.0";

enum class ExportFormat { kJsonl, kCsv, kGeoJson, kAcled, kTable };
StatusOr<ExportFormat> ParseExportFormat(std::string_view name);

class EventWriter {
 public:
  virtual ~EventWriter() = default;
  static std::unique_ptr<EventWriter> Create(ExportFormat format, std::ostream& out);
  virtual void Begin() = 0;
  // Writes one row; a row it cannot represent (no ACLED counterpart) is counted in skipped().
  virtual void Add(const EventRow& row) = 0;
  virtual void End() = 0;
  uint64_t written() const { return written_; }
  uint64_t skipped() const { return skipped_; }

 protected:
  uint64_t written_ = 0, skipped_ = 0;
};

// Queries `store` with `filter` and writes every row. Returns the query status.
Status ExportEvents(Store& store, const EventFilter& filter, EventWriter& writer);

// One CSV field, quoted when it holds a comma, quote, line break or edge space.
std::string CsvField(std::string_view s);

}  // namespace vigie::store
