// The access table. Readings (docs/decisions.md, "Accounts and access"):
// - the register is the referents' (and admins'); finance reads it;
// - a host user reads its own hosts, accommodations, classifications and statements, and declares
//   for its accommodations; a referent may declare for a host too (paper declarations);
// - deliberations are open to the collectivity's hosts, since a deliberation is a public act; the
//   quote simulator is open to anyone (issue 3: "the public simulator, no login");
// - the legal grid is national law, readable by anyone; only the operator loads an official one;
// - a host's own account or the referent grants and ends managers' access; a manager never does;
// - the operator creates platforms and their keys; a collectivity's admin registers a platform;
//   a platform key reads only its own identity and the deliberations of the collectivities that
//   registered it (it collects the tax at their tariffs), and files its statements with them.
#include "api/http/access_policy.hpp"

#include <algorithm>
#include <array>

namespace nuitee::api {
namespace {

using enum Ownership;

constexpr std::uint32_t kRegisterWriters = kReferent | kAdmin;
constexpr std::uint32_t kRegisterReaders = kStaff | kHostUser;
constexpr std::uint32_t kDeclarants = kReferent | kHostUser;

constexpr std::array kRules = std::to_array<AccessRule>({
    {"get", "/health", kEveryone, kNone},
    {"get", "/ready", kEveryone, kNone},

    {"get", "/v1/collectivities", kOperator, kNone},
    {"post", "/v1/collectivities", kOperator, kNone},
    {"get", "/v1/collectivities/{id}", kOperator | kStaff | kHostUser, kPathCollectivity},
    {"patch", "/v1/collectivities/{id}", kOperator | kAdmin, kPathCollectivity},
    {"get", "/v1/collectivities/{id}/hosts", kStaff, kPathCollectivity},
    {"post", "/v1/collectivities/{id}/hosts", kRegisterWriters, kPathCollectivity},
    {"get", "/v1/collectivities/{id}/accommodations", kStaff, kPathCollectivity},
    {"get", "/v1/collectivities/{id}/history", kStaff, kPathCollectivity},

    {"get", "/v1/hosts/{id}", kRegisterReaders, kPathHost},
    {"patch", "/v1/hosts/{id}", kRegisterWriters, kPathHost},
    {"get", "/v1/hosts/{id}/accommodations", kRegisterReaders, kPathHost},
    {"post", "/v1/hosts/{id}/accommodations", kRegisterWriters, kPathHost},
    {"get", "/v1/hosts/{id}/history", kStaff, kPathHost},

    {"get", "/v1/accommodations/{id}", kRegisterReaders, kPathAccommodation},
    {"patch", "/v1/accommodations/{id}", kRegisterWriters, kPathAccommodation},
    {"get", "/v1/accommodations/{id}/classifications", kRegisterReaders, kPathAccommodation},
    {"post", "/v1/accommodations/{id}/classifications", kRegisterWriters, kPathAccommodation},
    {"get", "/v1/accommodations/{id}/category", kRegisterReaders, kPathAccommodation},
    {"get", "/v1/accommodations/{id}/history", kStaff, kPathAccommodation},

    {"get", "/v1/legal-grid/{year}", kEveryone, kNone},
    {"put", "/v1/legal-grid/{year}", kOperator, kNone},

    {"get", "/v1/collectivities/{id}/deliberations", kStaff | kHostUser | kPlatform,
     kPathCollectivity},
    {"get", "/v1/collectivities/{id}/deliberations/{year}", kStaff | kHostUser | kPlatform,
     kPathCollectivity},
    {"put", "/v1/collectivities/{id}/deliberations/{year}", kAdmin, kPathCollectivity},
    {"get", "/v1/collectivities/{id}/deliberations/{year}/versions", kStaff, kPathCollectivity},
    {"get", "/v1/collectivities/{id}/deliberations/{year}/versions/{version}", kStaff,
     kPathCollectivity},
    {"post", "/v1/collectivities/{id}/deliberations/delta", kAdmin, kPathCollectivity},
    // The public simulator: no login (issue 3).
    {"post", "/v1/collectivities/{id}/quotes", kEveryone, kPathCollectivity},
    // The simulator's page: the collectivity's name and communes, public facts (issue 8).
    {"get", "/v1/collectivities/{id}/simulator", kEveryone, kPathCollectivity},
    {"post", "/v1/collectivities/{id}/flat-rate-quotes", kEveryone, kPathCollectivity},
    {"post", "/v1/late-interest-quotes", kEveryone, kNone},

    {"get", "/v1/accommodations/{id}/declarations", kRegisterReaders, kPathAccommodation},
    {"get", "/v1/accommodations/{id}/declarations/{month}", kRegisterReaders, kPathAccommodation},
    {"put", "/v1/accommodations/{id}/declarations/{month}", kDeclarants, kPathAccommodation},
    {"post", "/v1/accommodations/{id}/declarations/{month}/submit", kDeclarants,
     kPathAccommodation},
    {"post", "/v1/accommodations/{id}/declarations/{month}/nil", kDeclarants, kPathAccommodation},
    {"post", "/v1/accommodations/{id}/declarations/{month}/revisions", kDeclarants,
     kPathAccommodation},
    {"post", "/v1/accommodations/{id}/declarations/{month}/stays:import", kDeclarants,
     kPathAccommodation},
    {"get", "/v1/hosts/{id}/statement", kRegisterReaders, kPathHost},
    // Issue 8: the receipts of a declaration and of a payment, for whoever reads the declaration
    // or the host's statement (a host reads only its own payments: another host's is 404).
    {"get", "/v1/accommodations/{id}/declarations/{month}/receipt", kRegisterReaders,
     kPathAccommodation},
    {"get", "/v1/hosts/{id}/payments/{payment_id}/receipt", kRegisterReaders, kPathHost},
    {"get", "/v1/collectivities/{id}/nights", kStaff, kPathCollectivity},

    {"post", "/v1/auth/login", kEveryone, kNone},
    {"post", "/v1/auth/logout", kSignedIn, kNone},
    {"get", "/v1/auth/me", kSignedIn, kNone},
    {"get", "/v1/auth/sessions", kSignedIn, kNone},
    {"post", "/v1/auth/sessions/{id}/revoke", kSignedIn, kNone},
    {"post", "/v1/auth/invitations/accept", kEveryone, kNone},
    {"post", "/v1/auth/password-resets", kEveryone, kNone},
    {"post", "/v1/auth/password-resets/confirm", kEveryone, kNone},
    {"post", "/v1/collectivities/{id}/users", kOperator | kAdmin, kPathCollectivity},
    {"post", "/v1/hosts/{id}/users", kRegisterWriters, kPathHost},

    {"get", "/v1/collectivities/{id}/mail-templates", kReferent | kAdmin, kPathCollectivity},
    {"get", "/v1/collectivities/{id}/mail-templates/{kind}", kReferent | kAdmin, kPathCollectivity},
    {"put", "/v1/collectivities/{id}/mail-templates/{kind}", kAdmin, kPathCollectivity},
    {"get", "/v1/collectivities/{id}/mails", kReferent | kAdmin, kPathCollectivity},
    {"post", "/v1/collectivities/{id}/mails:test", kAdmin, kPathCollectivity},

    {"get", "/v1/hosts/{id}/managers", kHostOwner | kStaff, kPathHost},
    {"post", "/v1/hosts/{id}/managers", kHostOwner | kReferent, kPathHost},
    {"post", "/v1/hosts/{id}/managers/{user_id}/revoke", kHostOwner | kReferent, kPathHost},

    {"get", "/v1/platforms", kOperator | kAdmin, kNone},
    {"post", "/v1/platforms", kOperator, kNone},
    {"get", "/v1/platforms/{id}/keys", kOperator, kNone},
    {"post", "/v1/platforms/{id}/keys", kOperator, kNone},
    {"post", "/v1/platforms/{id}/keys/{key_id}/revoke", kOperator, kNone},
    {"get", "/v1/collectivities/{id}/platforms", kStaff, kPathCollectivity},
    {"post", "/v1/collectivities/{id}/platforms", kAdmin, kPathCollectivity},
    {"post", "/v1/collectivities/{id}/platforms/{platform_id}/revoke", kAdmin, kPathCollectivity},
    {"get", "/v1/platform/me", kPlatform, kNone},

    // Issue 5: the write audit and lockouts are for a collectivity's admins (the operator sees
    // every lockout, including addresses without an account); a host's personal data for the host
    // itself, its managers and the referents.
    {"get", "/v1/collectivities/{id}/audit", kAdmin, kPathCollectivity},
    {"get", "/v1/collectivities/{id}/lockouts", kAdmin, kPathCollectivity},
    {"get", "/v1/lockouts", kOperator, kNone},
    {"get", "/v1/hosts/{id}/personal-data", kReferent | kHostUser, kPathHost},

    // Issue 6, the referent's side of enforcement: referents and admins act, finance reads; a
    // host reads its own issued taxations d'office and their avis (never a proposal).
    {"get", "/v1/collectivities/{id}/enforcement-settings", kStaff, kPathCollectivity},
    {"put", "/v1/collectivities/{id}/enforcement-settings", kRegisterWriters, kPathCollectivity},
    {"get", "/v1/collectivities/{id}/non-declarers", kStaff, kPathCollectivity},
    {"get", "/v1/collectivities/{id}/enforcement-dashboard", kStaff, kPathCollectivity},
    {"post", "/v1/accommodations/{id}/enforcement-events", kRegisterWriters, kPathAccommodation},
    {"get", "/v1/accommodations/{id}/enforcement-events", kStaff, kPathAccommodation},
    {"post", "/v1/hosts/{id}/enforcement-holds", kRegisterWriters, kPathHost},
    {"get", "/v1/hosts/{id}/enforcement-holds", kStaff, kPathHost},
    {"post", "/v1/hosts/{id}/enforcement-holds/{hold_id}/release", kRegisterWriters, kPathHost},
    {"post", "/v1/hosts/{id}/sworn-statements", kRegisterWriters, kPathHost},
    {"get", "/v1/hosts/{id}/sworn-statements", kStaff, kPathHost},
    {"get", "/v1/collectivities/{id}/office-assessments", kStaff, kPathCollectivity},
    {"get", "/v1/accommodations/{id}/office-assessments/{month}", kRegisterReaders,
     kPathAccommodation},
    {"post", "/v1/accommodations/{id}/office-assessments/{month}/revisions", kRegisterWriters,
     kPathAccommodation},
    {"post", "/v1/accommodations/{id}/office-assessments/{month}/issue", kRegisterWriters,
     kPathAccommodation},
    {"get", "/v1/accommodations/{id}/office-assessments/{month}/avis", kRegisterReaders,
     kPathAccommodation},
    // Issue 6: the referent (and the admin) drive the enforcement procedure; finance reads the
    // letters. Steps and letters are found in the caller's collectivity by the handler (another
    // collectivity's answers 404).
    {"post", "/v1/accommodations/{id}/enforcement/{month}/remind", kReferent | kAdmin,
     kPathAccommodation},
    {"post", "/v1/enforcement-steps/{id}/cancel", kReferent | kAdmin, kNone},
    {"get", "/v1/collectivities/{id}/enforcement-letters", kStaff, kPathCollectivity},
    {"get", "/v1/enforcement-letters/{id}", kStaff, kNone},
    {"post", "/v1/enforcement-letters/{id}/delivery", kReferent | kAdmin, kNone},
    // Issue 7: finance records money and reads the ledger; referents read payments (they chase
    // the hosts who do not pay as well as those who do not declare); a host reads its own account.
    {"post", "/v1/collectivities/{id}/payments", kFinance | kAdmin, kPathCollectivity},
    {"get", "/v1/collectivities/{id}/payments", kStaff, kPathCollectivity},
    {"get", "/v1/collectivities/{id}/payments/{payment_id}", kStaff, kPathCollectivity},
    {"post", "/v1/collectivities/{id}/payments/{payment_id}/reversal", kFinance | kAdmin,
     kPathCollectivity},
    {"post", "/v1/hosts/{id}/refunds", kFinance | kAdmin, kPathHost},
    {"get", "/v1/hosts/{id}/refunds", kRegisterReaders, kPathHost},
    {"get", "/v1/hosts/{id}/ledger", kRegisterReaders, kPathHost},
    {"get", "/v1/collectivities/{id}/ledger/balances", kFinance | kAdmin, kPathCollectivity},
    {"get", "/v1/collectivities/{id}/ledger/check", kFinance | kAdmin, kPathCollectivity},
    // Issue 7, what finance exports: finance and admins read the collectivity's exports, set
    // the chart of accounts and charge late interest; a referent reads a host's état de
    // reversement (it answers hosts' questions) and the interest charged, never the accounts; a
    // host (or its manager) reads its own état de reversement.
    {"get", "/v1/collectivities/{id}/accounting-settings", kFinance | kAdmin, kPathCollectivity},
    {"put", "/v1/collectivities/{id}/accounting-settings", kFinance | kAdmin, kPathCollectivity},
    {"get", "/v1/collectivities/{id}/exports/accounting", kFinance | kAdmin, kPathCollectivity},
    {"get", "/v1/collectivities/{id}/exports/period-summary", kFinance | kAdmin,
     kPathCollectivity},
    {"get", "/v1/collectivities/{id}/exports/titres", kFinance | kAdmin, kPathCollectivity},
    {"get", "/v1/collectivities/{id}/exports/annual-annex", kFinance | kAdmin, kPathCollectivity},
    {"get", "/v1/hosts/{id}/reversement-statement", kStaff | kHostUser, kPathHost},
    {"get", "/v1/hosts/{id}/late-interest", kStaff, kPathHost},
    {"post", "/v1/hosts/{id}/late-interest", kFinance | kAdmin, kPathHost},
    {"post", "/v1/hosts/{id}/late-interest/{charge_id}/cancel", kFinance | kAdmin, kPathHost},
    // Issue 7, bank statements and online payment: finance imports statements and resolves the
    // lines no host was found for (formats too, the admin as well); the referent and the admin
    // read. A host's own account or its manager starts an online payment. The provider's
    // notification and the simulator's page are public: the notification is verified with the
    // provider before anything is booked, and the simulator moves no money.
    {"get", "/v1/collectivities/{id}/bank-statement-formats", kStaff, kPathCollectivity},
    {"post", "/v1/collectivities/{id}/bank-statement-formats", kFinance | kAdmin, kPathCollectivity},
    {"get", "/v1/collectivities/{id}/bank-statement-formats/{format_id}", kStaff,
     kPathCollectivity},
    {"put", "/v1/collectivities/{id}/bank-statement-formats/{format_id}", kFinance | kAdmin,
     kPathCollectivity},
    {"post", "/v1/collectivities/{id}/bank-statement-formats/{format_id}/archive",
     kFinance | kAdmin, kPathCollectivity},
    {"get", "/v1/collectivities/{id}/bank-statements", kStaff, kPathCollectivity},
    {"post", "/v1/collectivities/{id}/bank-statements", kFinance, kPathCollectivity},
    {"get", "/v1/collectivities/{id}/bank-statements/{statement_id}", kStaff, kPathCollectivity},
    {"get", "/v1/collectivities/{id}/bank-statement-lines", kStaff, kPathCollectivity},
    {"post", "/v1/collectivities/{id}/bank-statement-lines/{line_id}/assign", kFinance,
     kPathCollectivity},
    {"post", "/v1/collectivities/{id}/bank-statement-lines/{line_id}/dismiss", kFinance,
     kPathCollectivity},
    {"get", "/v1/hosts/{id}/online-payments", kRegisterReaders, kPathHost},
    {"post", "/v1/hosts/{id}/payments", kHostUser, kPathHost},
    {"post", "/v1/payments/notifications/payfip", kEveryone, kNone},
    {"get", "/v1/payments/simulator/{idop}", kEveryone, kNone},
    {"post", "/v1/payments/simulator/{idop}", kEveryone, kNone},
    // Issue 7, the budget: finance (and the admin) enter the budget lines and record transfers;
    // every staff role reads them and the reconciliation report, as referents read the nights.
    {"get", "/v1/collectivities/{id}/budget/{year}", kStaff, kPathCollectivity},
    {"put", "/v1/collectivities/{id}/budget/{year}", kFinance | kAdmin, kPathCollectivity},
    {"get", "/v1/collectivities/{id}/budget/{year}/versions", kStaff, kPathCollectivity},
    {"get", "/v1/collectivities/{id}/transfers", kStaff, kPathCollectivity},
    {"post", "/v1/collectivities/{id}/transfers", kFinance | kAdmin, kPathCollectivity},
    {"post", "/v1/collectivities/{id}/transfers/{transfer_id}/reversal", kFinance | kAdmin,
     kPathCollectivity},
    {"get", "/v1/collectivities/{id}/reconciliation", kStaff, kPathCollectivity},
    // Issue 7, platforms: finance and referents upload a platform's statement, and the platform
    // itself with its key for a collectivity that registered it; staff read them (a platform its
    // own). Finance records reversements; referents (and admins) work the unmatched lines;
    // the reconciliation reports are for staff.
    {"post", "/v1/collectivities/{id}/platform-statements", kReferent | kFinance | kPlatform,
     kPathCollectivity},
    {"get", "/v1/collectivities/{id}/platform-statements", kStaff | kPlatform, kPathCollectivity},
    {"get", "/v1/platform-statements/{id}", kStaff | kPlatform, kNone},
    {"post", "/v1/collectivities/{id}/platform-reversements", kFinance, kPathCollectivity},
    {"get", "/v1/collectivities/{id}/platform-reversements", kStaff, kPathCollectivity},
    {"get", "/v1/collectivities/{id}/platform-lines/unmatched", kStaff, kPathCollectivity},
    {"post", "/v1/collectivities/{id}/platform-lines/{line_id}/assign", kReferent | kAdmin,
     kPathCollectivity},
    {"post", "/v1/collectivities/{id}/platform-lines/{line_id}/set-aside", kReferent | kAdmin,
     kPathCollectivity},
    {"get", "/v1/collectivities/{id}/platform-reconciliation/reversements", kStaff,
     kPathCollectivity},
    {"get", "/v1/collectivities/{id}/platform-reconciliation/nights", kStaff, kPathCollectivity},
    {"get", "/v1/collectivities/{id}/platform-reconciliation/overcharges", kStaff,
     kPathCollectivity},
});

}  // namespace

std::span<const AccessRule> AccessRules() { return kRules; }

const AccessRule* FindAccessRule(std::string_view method, std::string_view path) {
  if (method == "head") method = "get";
  auto found = std::find_if(kRules.begin(), kRules.end(), [&](const AccessRule& rule) {
    return rule.method == method && rule.path == path;
  });
  return found == kRules.end() ? nullptr : &*found;
}

std::uint32_t AudiencesOf(const std::optional<Principal>& principal) {
  if (!principal) return kAnonymous;
  switch (principal->kind) {
    case UserKind::kOperator:
      return kOperator;
    case UserKind::kHost:
      return kHostUser | kHostOwner;
    case UserKind::kManager:
      return kHostUser;
    case UserKind::kPlatform:
      return kPlatform;
    case UserKind::kStaff: {
      std::uint32_t audiences = 0;
      for (Role role : principal->roles) {
        audiences |= role == Role::kReferent ? kReferent : role == Role::kFinance ? kFinance : kAdmin;
      }
      return audiences;
    }
  }
  return 0;
}

}  // namespace nuitee::api
