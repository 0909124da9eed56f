// The demo accounts, created through the account repository with a real scrypt hash.
#include "demo/seed_accounts.hpp"

#include "persistence/account_repository.hpp"
#include "persistence/host_repository.hpp"
#include "security/password_hash.hpp"

namespace nuitee::demo {

const std::vector<DemoAccount>& DemoAccounts() {
  static const std::vector<DemoAccount> accounts = {
      {UserKind::kOperator, "operateur@demo.nuitee.fr", "Opérateur de la plateforme", {}, 0, 0},
      {UserKind::kStaff, "referente@demo.nuitee.fr", "Claire Delmas (référente)",
       {Role::kReferent}, 0, 0},
      {UserKind::kStaff, "finances@demo.nuitee.fr", "Paul Rouquet (finances)", {Role::kFinance}, 0,
       0},
      {UserKind::kStaff, "admin@demo.nuitee.fr", "Sophie Vidal (administratrice)", {Role::kAdmin},
       0, 0},
      {UserKind::kHost, "hebergeur@demo.nuitee.fr", "Compte du premier hébergeur", {}, 0, 1},
      {UserKind::kManager, "conciergerie@demo.nuitee.fr", "Conciergerie des Monts", {}, 1, 3},
  };
  return accounts;
}

Result<int> InsertMissingAccounts(persistence::Transaction& tx, const CollectivityId& collectivity) {
  using persistence::AccountRepository;
  const auto hosts = persistence::HostRepository::List(tx, collectivity, {}, {0, 10});
  std::optional<std::string> hash;  // one hash for all: demo accounts, computed only when needed
  int created = 0;
  for (const auto& account : DemoAccounts()) {
    const bool is_operator = account.kind == UserKind::kOperator;
    const auto scope = is_operator ? std::nullopt : std::optional(collectivity);
    if (!AccountRepository::FindByEmail(tx, account.email, scope).empty()) continue;
    if (!hash) {
      auto made = security::HashPassword(kDemoPassword, security::ScryptParameters{});
      if (!made) return Fail(Error::Internal());
      hash = *made;
    }
    persistence::NewUser user{account.kind, account.email, account.display_name, scope, *hash,
                              account.roles, {}, "seed-demo"};
    for (int i = account.first_host;
         i < account.first_host + account.host_count && i < static_cast<int>(hosts.items.size());
         ++i) {
      user.hosts.push_back(hosts.items[i].id);
    }
    auto inserted = AccountRepository::CreateUser(tx, user);
    if (!inserted) return Fail(inserted.error());
    ++created;
  }
  return created;
}

}  // namespace nuitee::demo
