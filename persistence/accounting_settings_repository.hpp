// SQL of accounting_settings (migration 0017): the collectivity's nomenclature (M14 or M57) and the
// account numbers it set itself, kept as versions. Without a version, M57 with the documented
// defaults (domain/money/accounting_chart.hpp).
#pragma once

#include <string>

#include "domain/core/strong_id.hpp"
#include "domain/money/accounting_chart.hpp"
#include "persistence/database.hpp"

namespace nuitee::persistence {

struct StoredAccountingSettings {
  AccountingChart chart;
  long long version = 0;  // 0: never set
  std::string recorded_by;
  std::string recorded_at;
};

class AccountingSettingsRepository {
 public:
  static StoredAccountingSettings Latest(Transaction& tx, const CollectivityId& collectivity);
  static StoredAccountingSettings Append(Transaction& tx, const CollectivityId& collectivity,
                                         const AccountingChart& chart, const std::string& actor);
};

}  // namespace nuitee::persistence
