// Serialises the appends to a collectivity's register, so that rows become visible in the order of
// their `seq`: keyset pagination then never skips a row that committed after a later-numbered one.
#pragma once

#include <string>

#include "persistence/database.hpp"

namespace nuitee::persistence {

// Held until the transaction ends. `scope` is a collectivity id, or "collectivities" for the list
// of tenants. Take it before checking for duplicates, so the check and the insert are atomic too.
void LockRegisterAppends(Transaction& tx, const std::string& scope);

}  // namespace nuitee::persistence
