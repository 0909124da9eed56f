// Hosts of one collectivity.
#pragma once

#include <optional>
#include <string>

#include "domain/core/error.hpp"
#include "domain/host.hpp"
#include "persistence/database.hpp"
#include "persistence/page.hpp"
#include "persistence/search_windows.hpp"

namespace nuitee::persistence {

struct HostFilter {
  std::optional<std::string> text;     // free text on name, SIRET, e-mail, address
  std::optional<bool> archived;
};

class HostRepository {
 public:
  static Result<Host> Insert(Transaction& tx, Host host);
  // kNotFound for an unknown id or one of another collectivity: tenants never see each other.
  static Result<Host> Find(Transaction& tx, const CollectivityId& collectivity, const HostId& id);
  // The collectivity of a host (the access check of every /v1/hosts/{id} route); nullopt for an
  // unknown id.
  static std::optional<CollectivityId> CollectivityOf(Transaction& tx, const HostId& id);
  // Also refreshes the host's name on its accommodations (their free-text search uses it).
  static Result<Host> Update(Transaction& tx, const Host& host, long long expected_version);
  // With `filter.text`, a search in bounded steps (persistence/register_search.hpp); `windows`
  // is for tests.
  static Page<Host> List(Transaction& tx, const CollectivityId& collectivity,
                         const HostFilter& filter, const PageRequest& page,
                         const SearchWindows& windows = {});
};

}  // namespace nuitee::persistence
