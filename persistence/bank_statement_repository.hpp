// SQL of the bank statement import (migration 0018): the banks' formats, the statements, their
// credit lines, and what finance decided about the lines no host was found for. A line matched to a
// host is a payment (PaymentRepository::Record, origin bank_statement); an unmatched one is parked
// in suspense by a bank_unmatched entry (treasury +, suspense −) until finance assigns it to a host
// (a payment from suspense) or dismisses it as no tourist-tax receipt (suspense +, treasury −).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/core/dates.hpp"
#include "domain/core/error.hpp"
#include "domain/core/money.hpp"
#include "domain/core/strong_id.hpp"
#include "domain/money/bank_statement_csv.hpp"
#include "persistence/database.hpp"

namespace nuitee::persistence {

struct StoredBankFormat {
  std::string id;
  std::string name;
  std::string definition_json;  // the BankStatementFormat, as the API writes it
  long long version = 1;
  bool archived = false;
  std::string recorded_by;
  std::string recorded_at;
};

class BankStatementFormatRepository {
 public:
  // kAlreadyExists when a live format of the collectivity has that name.
  static Result<StoredBankFormat> Create(Transaction& tx, const CollectivityId& collectivity,
                                         const std::string& name,
                                         const std::string& definition_json,
                                         const std::string& actor);
  static std::vector<StoredBankFormat> List(Transaction& tx, const CollectivityId& collectivity);
  static std::optional<StoredBankFormat> Find(Transaction& tx, const CollectivityId& collectivity,
                                              const std::string& id);
  // The next version; kAlreadyExists on a name taken, kNotFound for an archived format.
  static Result<StoredBankFormat> Replace(Transaction& tx, const CollectivityId& collectivity,
                                          const std::string& id, const std::string& name,
                                          const std::string& definition_json,
                                          const std::string& actor);
  // Kept for the statements that name it, never offered again.
  static Result<StoredBankFormat> Archive(Transaction& tx, const CollectivityId& collectivity,
                                          const std::string& id, const std::string& actor);
};

struct StoredBankLine {
  std::string id;
  long long seq = 0;
  std::string statement_id;
  int file_line = 0;
  std::string key;
  Day booked_on{};
  Money amount = Money::Zero();
  std::string label;
  std::optional<std::string> reference;
  // "matched" (by the import), "unmatched" (in suspense), "assigned" (by finance), "dismissed".
  std::string status;
  std::optional<std::string> payment_id;
  std::optional<std::string> host_id;
  std::optional<std::string> host_name;
  std::optional<Month> target_month;
  std::optional<std::string> reason;       // a dismissal's
  std::optional<std::string> resolved_by;  // assigned or dismissed by
  std::optional<std::string> resolved_at;
};

struct StoredBankStatement {
  std::string id;
  long long seq = 0;
  std::string format_id;
  std::string format_name;
  std::string file_sha256;
  int credit_lines = 0;
  int debit_lines = 0;
  int already_imported = 0;
  std::string imported_by;
  std::string imported_at;
  std::vector<StoredBankLine> lines;  // the lines this file brought, in the file's order
};

struct BankImport {
  CollectivityId collectivity_id;
  std::string format_id;
  std::string file_sha256;
  BankStatementFile file;
  std::string actor;
};

class BankStatementRepository {
 public:
  // The statement of that file, if the collectivity imported it already.
  static std::optional<std::string> FindByFile(Transaction& tx, const CollectivityId& collectivity,
                                               const std::string& file_sha256);
  // Stores the statement and its new lines, booking each: a payment for a line whose payment
  // reference names a host of the collectivity, a bank_unmatched entry otherwise. Lines already
  // stored by an earlier statement are counted, not stored again. kAlreadyExists for a file
  // already imported (nothing changes).
  static Result<StoredBankStatement> Import(Transaction& tx, const BankImport& import);
  static std::optional<StoredBankStatement> Find(Transaction& tx,
                                                 const CollectivityId& collectivity,
                                                 const std::string& id);
  // Every statement, newest first, without their lines.
  static std::vector<StoredBankStatement> List(Transaction& tx,
                                               const CollectivityId& collectivity);
  // Finance's worklist: lines still in suspense, oldest first.
  static std::vector<StoredBankLine> Unresolved(Transaction& tx,
                                                const CollectivityId& collectivity);
  static std::optional<StoredBankLine> FindLine(Transaction& tx,
                                                const CollectivityId& collectivity,
                                                const std::string& line_id);
  // Books a parked line as the host's payment, from suspense. kNotFound for an unknown line or
  // host, kFailedPrecondition for a line not in suspense.
  static Result<StoredBankLine> Assign(Transaction& tx, const CollectivityId& collectivity,
                                       const std::string& line_id, const HostId& host,
                                       const std::optional<Month>& target_month,
                                       const std::string& actor);
  // Takes a parked line out of suspense and out of the tourist-tax books (treasury −amount),
  // with the reason, on `booked_on`.
  static Result<StoredBankLine> Dismiss(Transaction& tx, const CollectivityId& collectivity,
                                        const std::string& line_id, const std::string& reason,
                                        Day booked_on, const std::string& actor);
};

}  // namespace nuitee::persistence
