// SQL of platforms' statements (migration 0015): an import writes its lines, matched to the
// register, and books one `platform_statement` ledger entry for what was new in it, in one
// transaction; the referent's decisions on unmatched lines are appended beside them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/core/dates.hpp"
#include "domain/core/error.hpp"
#include "domain/core/money.hpp"
#include "domain/core/strong_id.hpp"
#include "domain/money/platform_statement_csv.hpp"
#include "domain/money/platform_tax_split.hpp"
#include "persistence/database.hpp"
#include "persistence/page.hpp"

namespace nuitee::persistence {

struct NewPlatformStatementLine {
  PlatformStatementLine line;
  std::string line_key;  // hex SHA-256 of PlatformLineKeyText
  CollectedSplit split;
};

struct NewPlatformStatement {
  CollectivityId collectivity_id;
  std::string platform_id;
  std::string platform_name;
  std::string file_sha256;
  std::vector<NewPlatformStatementLine> lines;
  Day booked_on{};
  std::string uploaded_by;
};

struct StoredPlatformStatement {
  std::string id;
  long long seq = 0;
  std::string collectivity_id;
  std::string platform_id;
  std::string platform_name;
  std::string file_sha256;
  long long file_lines = 0;
  long long new_lines = 0;
  Money collected = Money::Zero();
  Money tax = Money::Zero();
  Money additional = Money::Zero();
  std::optional<Day> first_collection;
  std::optional<Day> last_collection;
  std::optional<std::string> entry_id;
  std::string uploaded_by;
  std::string uploaded_at;
  // Of its lines: matched by registration number, by address, and left to the referent.
  long long matched_by_registration_number = 0;
  long long matched_by_address = 0;
  long long unmatched = 0;
};

struct StoredPlatformLine {
  std::string id;
  long long seq = 0;
  std::string statement_id;
  std::string platform_id;
  std::string platform_name;
  long long file_line = 0;
  std::string commune_siren;
  Day stay_start{};
  Day stay_end{};
  Day collected_on{};
  std::string address_line;
  std::string postal_code;
  std::string city;
  long long persons = 0;
  long long nights = 0;
  std::optional<Money> price_per_night;
  Money collected = Money::Zero();
  Money tax = Money::Zero();
  std::string additional_taxes_json;  // [{"party", "rate_bp", "amount_cents"}]
  std::string nature;
  std::string category;
  std::optional<std::string> registration_number;
  std::optional<std::string> matched_accommodation_id;  // by the import
  std::string matched_by;                               // "registration_number", "address", "none"
  struct Resolution {
    std::string decision;  // "assigned", "outside_territory"
    std::optional<std::string> accommodation_id;
    std::optional<std::string> reason;
    std::string decided_by;
    std::string decided_at;
  };
  std::optional<Resolution> resolution;
  // The accommodation the line counts for: the referent's, else the import's.
  std::optional<std::string> AccommodationId() const {
    if (resolution) return resolution->accommodation_id;
    return matched_accommodation_id;
  }
  // "matched", "assigned", "outside_territory", "unmatched"
  std::string Status() const {
    if (resolution) return resolution->decision;
    return matched_by == "none" ? "unmatched" : "matched";
  }
};

class PlatformStatementRepository {
 public:
  // The import of the same file (collectivity, platform, SHA-256), if any.
  static std::optional<StoredPlatformStatement> FindByFile(Transaction& tx,
                                                           const NewPlatformStatement& statement);
  // Writes the statement, its lines not already imported (by line key), matches them, and books
  // the ledger entry of what they collected. The same file again (even uploaded concurrently:
  // imports of one collectivity and platform take turns) writes nothing and answers the first
  // import, with `duplicate` set.
  struct Imported {
    StoredPlatformStatement statement;
    bool duplicate = false;
  };
  static Result<Imported> Import(Transaction& tx, const NewPlatformStatement& statement);
  static std::optional<StoredPlatformStatement> Find(Transaction& tx,
                                                     const CollectivityId& collectivity,
                                                     const std::string& statement_id);
  static Page<StoredPlatformStatement> List(Transaction& tx, const CollectivityId& collectivity,
                                            const std::optional<std::string>& platform_id,
                                            const PageRequest& page);
  static std::vector<StoredPlatformLine> Lines(Transaction& tx, const std::string& statement_id);
  // Lines no accommodation was found for and no referent decided on yet, oldest first.
  static Page<StoredPlatformLine> Unmatched(Transaction& tx, const CollectivityId& collectivity,
                                            const PageRequest& page);
  static std::optional<StoredPlatformLine> FindLine(Transaction& tx,
                                                    const CollectivityId& collectivity,
                                                    const std::string& line_id);
  // The referent's decision on an unmatched line: kNotFound for a line not of the collectivity,
  // kFailedPrecondition for a line matched by the import, kAlreadyExists once decided; an
  // accommodation of another collectivity is refused (kInvalidArgument on /accommodation_id).
  static Result<StoredPlatformLine> Resolve(Transaction& tx, const CollectivityId& collectivity,
                                            const std::string& line_id,
                                            const std::string& decision,
                                            const std::optional<std::string>& accommodation_id,
                                            const std::optional<std::string>& reason,
                                            const std::string& actor);
};

}  // namespace nuitee::persistence
