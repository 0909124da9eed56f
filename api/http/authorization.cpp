// Authentication, the audience test and the ownership test, in that order.
#include "api/http/authorization.hpp"

#include "api/http/authentication.hpp"
#include "api/http/identifiers.hpp"
#include "persistence/accommodation_repository.hpp"
#include "persistence/host_repository.hpp"

namespace nuitee::api {
namespace {

bool NotFound(Exchange& exchange) {
  exchange.SendError(Error::NotFound("Aucune ressource ne porte cet identifiant."));
  return false;
}

// Whose the host or accommodation of the path is: from the cache, or read then cached. A host's
// owner is itself.
Result<std::optional<persistence::RecordOwner>> OwnerOf(Services& services, Ownership ownership,
                                                        const std::string& id) {
  const std::string key = (ownership == Ownership::kPathHost ? "host:" : "accommodation:") + id;
  if (auto cached = services.owners->Find(key)) return std::optional(*cached);
  const std::uint64_t generation = services.owners->Generation();
  auto owner = services.database.InTransaction(
      [&](persistence::Transaction& tx) -> Result<std::optional<persistence::RecordOwner>> {
        if (ownership == Ownership::kPathAccommodation) {
          return persistence::AccommodationRepository::OwnerOf(tx, AccommodationId(id));
        }
        auto collectivity = persistence::HostRepository::CollectivityOf(tx, HostId(id));
        if (!collectivity) return std::optional<persistence::RecordOwner>();
        return std::optional(persistence::RecordOwner{*collectivity, HostId(id)});
      });
  if (!owner) return Fail(owner.error());
  if (*owner) {
    services.owners->Store(key, std::make_shared<const persistence::RecordOwner>(**owner),
                           generation);
  }
  return *owner;
}

// Whether the host or accommodation of the path (its owner, when it exists) is one the caller may
// reach: of its collectivity, and for a host user one it acts for (an accommodation through its
// host). Staff of another collectivity thus get 404 before any handler reads the body, like a host
// user.
bool Reaches(const Principal& principal, const std::optional<persistence::RecordOwner>& owner) {
  if (!owner || owner->collectivity != *principal.collectivity) return false;
  const bool host_user = principal.kind == UserKind::kHost || principal.kind == UserKind::kManager;
  return !host_user || principal.ActsFor(owner->host);
}

// The ownership rule of the route for a signed-in caller that the rule admits.
bool OwnsPathRecord(Exchange& exchange, Services& services, const AccessRule& rule,
                    const Principal& principal) {
  if (rule.ownership == Ownership::kNone) return true;
  const std::string id = exchange.Param("id");
  // A malformed id names nothing; the handler answers it as it always did (404).
  if (!IsUuid(id)) return true;
  if (principal.kind == UserKind::kOperator) {
    // The operator acts on collectivities as a whole, never inside one's register.
    return rule.ownership == Ownership::kPathCollectivity || NotFound(exchange);
  }
  if (principal.kind == UserKind::kPlatform) {
    // A platform reaches the collectivities that registered it, and nothing of their register.
    return (rule.ownership == Ownership::kPathCollectivity &&
            principal.RegisteredBy(CollectivityId(id))) ||
           NotFound(exchange);
  }
  if (!principal.collectivity) return NotFound(exchange);
  if (rule.ownership == Ownership::kPathCollectivity) {
    return id == principal.collectivity->value() || NotFound(exchange);
  }
  auto owner = OwnerOf(services, rule.ownership, id);
  if (!owner) {
    exchange.SendError(owner.error());
    return false;
  }
  if (!Reaches(principal, *owner)) return NotFound(exchange);
  exchange.SetPathHost((*owner)->host);
  // What a manager does here, it does for the host of the path: the trail records both.
  if (principal.kind == UserKind::kManager) exchange.SetOnBehalfOf((*owner)->host);
  return true;
}

}  // namespace

bool Authorize(Exchange& exchange, Services& services, const AccessRule& rule) {
  // Public routes never look at the caller: a stale cookie or a database outage must not stop a
  // probe, a login or the legal grid.
  if (rule.audiences & kAnonymous) return true;
  auto principal = Authenticate(exchange, services);
  if (!principal) {
    exchange.SendError(principal.error());
    return false;
  }
  exchange.SetPrincipal(*principal);
  if ((AudiencesOf(*principal) & rule.audiences) == 0) {
    if (!*principal) {
      exchange.SendError({ErrorCode::kUnauthenticated,
                          "Connectez-vous pour accéder à cette ressource.", {}, {}});
    } else {
      exchange.SendError({ErrorCode::kPermissionDenied,
                          "Votre compte ne permet pas cette action.", {}, {}});
    }
    return false;
  }
  if (!*principal) return true;
  return OwnsPathRecord(exchange, services, rule, **principal);
}

}  // namespace nuitee::api
