// Transaction-level advisory lock on a hash of the scope.
#include "persistence/register_lock.hpp"

#include <soci/soci.h>

namespace nuitee::persistence {

void LockRegisterAppends(Transaction& tx, const std::string& scope) {
  const std::string key = "nuitee-register:" + scope;
  tx.session() << "SELECT pg_advisory_xact_lock(hashtext(:key))", soci::use(key);
}

}  // namespace nuitee::persistence
