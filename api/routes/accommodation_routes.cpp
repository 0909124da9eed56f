// Accommodations: created under their host, listed as the collectivity's register, read, updated,
// ceased. Classifications and the category on a date live in classification_routes.cpp.
#include "api/http/identifiers.hpp"
#include "api/http/json_body.hpp"
#include "api/http/query.hpp"
#include "api/json/accommodation_json.hpp"
#include "api/routes/idempotent_post.hpp"
#include "api/routes/route_support.hpp"
#include "api/routes/routes.hpp"
#include "persistence/accommodation_repository.hpp"
#include "persistence/classification_repository.hpp"
#include "persistence/collectivity_repository.hpp"
#include "persistence/host_repository.hpp"
#include "persistence/register_lock.hpp"

namespace nuitee::api {
namespace {

using persistence::AccommodationRepository;
using persistence::Transaction;
using Pistache::Http::Code;

std::string AccommodationPath(const AccommodationId& id) {
  return "/v1/accommodations/" + id.value();
}

// Rules that need stored data: the collectivity's communes and settings, the host, duplicates.
Status CheckAgainstRegister(Transaction& tx, const Accommodation& accommodation,
                            const Collectivity& collectivity) {
  if (auto valid = ValidateAccommodation(accommodation, collectivity,
                                         collectivity.registration_number_required);
      !valid) {
    return valid;
  }
  // A merge patch can remove host_id or set it to any text; the query below casts it to uuid,
  // so anything else must be refused here (it was a 500).
  if (!IsUuid(accommodation.host_id.value())) {
    return Fail(Error::InvalidArgument("/host_id", "Cet hébergeur n'existe pas."));
  }
  auto host = persistence::HostRepository::Find(tx, collectivity.id, accommodation.host_id);
  if (!host) return Fail(Error::InvalidArgument("/host_id", "Cet hébergeur n'existe pas."));
  if (host->archived_on) {
    return Fail(Error::FailedPrecondition(
        "Cet hébergeur est archivé : il ne peut plus recevoir d'hébergement."));
  }
  if (!accommodation.ceased_on) {
    if (auto duplicate = AccommodationRepository::FindDuplicate(tx, accommodation)) {
      return Fail(Error::AlreadyExists(
          "Cet hébergement est déjà enregistré (même numéro d'enregistrement, ou même hébergeur "
          "à la même adresse).",
          AccommodationPath(*duplicate)));
    }
  }
  return {};
}

nlohmann::json Present(const Accommodation& accommodation, const Collectivity& collectivity,
                       Day today, std::optional<rates::Category> category) {
  return AccommodationToJson(accommodation, collectivity, today, category);
}

void Create(Exchange& exchange, Services& services) {
  auto tenant = exchange.Tenant();
  if (!tenant) return exchange.SendError(tenant.error());
  auto host_id = PathId(exchange);
  if (!host_id) return;
  auto body = ReadJsonObject(exchange);
  if (!body) return;
  auto accommodation = AccommodationFromJson(*body);
  if (!accommodation) return exchange.SendError(accommodation.error());
  if (!accommodation->host_id.empty() && accommodation->host_id.value() != *host_id) {
    return exchange.SendError(Error::InvalidArgument(
        "/host_id", "L'hébergeur du corps diffère de celui de l'adresse de la requête."));
  }
  accommodation->host_id = HostId(*host_id);
  accommodation->collectivity_id = *tenant;
  const Day today = services.today();
  RunIdempotentPost(exchange, services, [&](Transaction& tx) -> Result<Reply> {
    auto host = persistence::HostRepository::Find(tx, *tenant, accommodation->host_id);
    if (!host) return Fail(host.error());
    auto collectivity = persistence::CollectivityRepository::Find(tx, *tenant);
    if (!collectivity) return Fail(collectivity.error());
    persistence::LockRegisterAppends(tx, tenant->value());
    if (auto valid = CheckAgainstRegister(tx, *accommodation, *collectivity); !valid) {
      return Fail(valid.error());
    }
    auto inserted = AccommodationRepository::Insert(tx, *accommodation, host->legal_name);
    if (!inserted) return Fail(inserted.error());
    AuditChange(tx, *tenant, EntityKind::kAccommodation, inserted->id.value(), 1, "created",
                exchange.Actor(), nlohmann::json::object(), AccommodationWritableJson(*inserted));
    return Reply{Code::Created,
                 Present(*inserted, *collectivity, today, UnclassifiedCategory(inserted->nature)),
                 AccommodationPath(inserted->id), 1};
  });
}

Result<persistence::AccommodationFilter> ReadFilter(const QueryParameters& query, Day today) {
  persistence::AccommodationFilter filter;
  FieldErrors errors;
  filter.on = today;
  auto on = query.DateParameter("on");
  if (!on)
    errors.Append(on.error());
  else if (*on)
    filter.on = **on;
  filter.commune = query.Get("commune");
  filter.text = query.Get("q");
  if (auto nature = query.Get("nature")) {
    filter.nature = ParseNature(*nature);
    if (!filter.nature) errors.Add("/query/nature", "Nature d'hébergement inconnue.");
  }
  if (auto category = query.Get("category")) {
    filter.category = rates::ParseCategory(*category);
    if (!filter.category) errors.Add("/query/category", "Catégorie tarifaire inconnue.");
  }
  if (auto status = query.Get("status")) {
    filter.status = ParseAccommodationStatus(*status);
    if (!filter.status) {
      errors.Add("/query/status", "« status » vaut « active », « closed » ou « ceased ».");
    }
  }
  if (auto host = query.Get("host_id")) filter.host = HostId(*host);
  if (!errors.empty()) return Fail(errors.ToError());
  return filter;
}

// The register's list, for a collectivity (`host` empty) or for one host.
void List(Exchange& exchange, Services& services, bool for_host) {
  std::optional<CollectivityId> tenant;
  if (for_host) {
    auto acting = exchange.Tenant();
    if (!acting) return exchange.SendError(acting.error());
    tenant = *acting;
  } else {
    tenant = PathTenant(exchange);
    if (!tenant) return;
  }
  auto path_id = PathId(exchange);
  if (!path_id) return;
  std::set<std::string> filters = {"on", "commune", "nature", "category", "status", "q"};
  if (!for_host) filters.insert("host_id");  // a host's own list names the host in its path
  auto query = QueryParameters::Read(exchange, WithPagination(filters));
  if (!query) return exchange.SendError(query.error());
  auto page = query->Page();
  if (!page) return exchange.SendError(page.error());
  auto filter = ReadFilter(*query, services.today());
  if (!filter) return exchange.SendError(filter.error());
  if (for_host) filter->host = HostId(*path_id);
  if (filter->host && !IsUuid(filter->host->value())) {
    return exchange.SendError(Error::InvalidArgument("/query/host_id", "Identifiant invalide."));
  }
  const Day today = services.today();
  auto listed = services.database.InTransaction([&](Transaction& tx) -> Result<nlohmann::json> {
    auto collectivity = persistence::CollectivityRepository::Find(tx, *tenant);
    if (!collectivity) return Fail(collectivity.error());
    if (for_host) {
      auto host = persistence::HostRepository::Find(tx, *tenant, *filter->host);
      if (!host) return Fail(host.error());
    }
    auto rows = AccommodationRepository::List(tx, *tenant, *filter, *page);
    return PageJson(rows, [&](const persistence::AccommodationListing& row) {
      auto json = Present(row.accommodation, *collectivity, today, std::nullopt);
      json["category"] = rates::CategoryName(row.category);
      json["category_on"] = FormatIsoDate(filter->on);
      return json;
    });
  });
  if (!listed) return exchange.SendError(listed.error());
  exchange.SendJson(Code::Ok, *listed);
}

void Read(Exchange& exchange, Services& services) {
  auto tenant = exchange.Tenant();
  if (!tenant) return exchange.SendError(tenant.error());
  auto id = PathId(exchange);
  if (!id) return;
  const Day today = services.today();
  long long version = 0;
  auto found = services.database.InTransaction([&](Transaction& tx) -> Result<nlohmann::json> {
    auto accommodation = AccommodationRepository::Find(tx, *tenant, AccommodationId(*id));
    if (!accommodation) return Fail(accommodation.error());
    auto collectivity = persistence::CollectivityRepository::Find(tx, *tenant);
    if (!collectivity) return Fail(collectivity.error());
    auto history = persistence::ClassificationRepository::ListFor(tx, *tenant, accommodation->id);
    version = accommodation->version;
    return Present(*accommodation, *collectivity, today,
                   CategoryOn(accommodation->nature, history, today));
  });
  if (!found) return exchange.SendError(found.error());
  exchange.SendJson(Code::Ok, *found, version);
}

// Applies a merge patch to the stored accommodation and saves it, with its audit entry.
Result<nlohmann::json> ApplyPatch(Transaction& tx, const CollectivityId& tenant,
                                  const std::string& id, const IfMatch& expected,
                                  const nlohmann::json& patch, const std::string& actor, Day today,
                                  long long& version) {
  auto current = AccommodationRepository::Find(tx, tenant, AccommodationId(id),
                                               AccommodationRepository::Lock::kForUpdate);
  if (!current) return Fail(current.error());
  if (!expected.Matches(current->version)) return Fail(Error::StaleVersion());
  auto collectivity = persistence::CollectivityRepository::Find(tx, tenant);
  if (!collectivity) return Fail(collectivity.error());
  auto history = persistence::ClassificationRepository::ListFor(tx, tenant, current->id);
  const nlohmann::json before = AccommodationWritableJson(*current);
  nlohmann::json merged = before;
  merged.merge_patch(patch);
  auto changed = AccommodationFromJson(merged);
  if (!changed) return Fail(changed.error());
  changed->id = current->id;
  changed->collectivity_id = tenant;
  version = current->version;
  if (AccommodationWritableJson(*changed) == before) {
    return Present(*current, *collectivity, today, CategoryOn(current->nature, history, today));
  }
  if (changed->nature != current->nature && !history.empty()) {
    return Fail(Error::FailedPrecondition(
        "Cet hébergement a un historique de classement : sa nature ne peut plus changer. "
        "Déclarez un nouvel hébergement et faites cesser celui-ci."));
  }
  if (auto valid = CheckAgainstRegister(tx, *changed, *collectivity); !valid) {
    return Fail(valid.error());
  }
  auto updated = AccommodationRepository::Update(tx, *changed, current->version);
  if (!updated) return Fail(updated.error());
  const bool ceased = !current->ceased_on && updated->ceased_on;
  AuditChange(tx, tenant, EntityKind::kAccommodation, id, updated->version,
              ceased ? "ceased" : "updated", actor, before, AccommodationWritableJson(*updated));
  version = updated->version;
  return Present(*updated, *collectivity, today, CategoryOn(updated->nature, history, today));
}

void Update(Exchange& exchange, Services& services) {
  auto tenant = exchange.Tenant();
  if (!tenant) return exchange.SendError(tenant.error());
  auto id = PathId(exchange);
  if (!id) return;
  auto expected = RequiredIfMatch(exchange);
  if (!expected) return exchange.SendError(expected.error());
  auto patch = ReadJsonObject(exchange, /*merge_patch=*/true);
  if (!patch) return;
  long long version = 0;
  const Day today = services.today();
  auto saved = services.database.InTransaction([&](Transaction& tx) {
    return ApplyPatch(tx, *tenant, *id, *expected, *patch, exchange.Actor(), today, version);
  });
  if (!saved) return exchange.SendError(saved.error());
  services.owners->Invalidate();  // the patch may have given the accommodation to another host
  exchange.SendJson(Code::Ok, *saved, version);
}

}  // namespace

void RegisterAccommodationRoutes(RouteTable& table, Services& services) {
  table.Post("/v1/hosts/{id}/accommodations", [&services](Exchange& e) { Create(e, services); });
  table.Get("/v1/hosts/{id}/accommodations",
            [&services](Exchange& e) { List(e, services, /*for_host=*/true); });
  table.Get("/v1/collectivities/{id}/accommodations",
            [&services](Exchange& e) { List(e, services, /*for_host=*/false); });
  table.Get("/v1/accommodations/{id}", [&services](Exchange& e) { Read(e, services); });
  table.Patch("/v1/accommodations/{id}", [&services](Exchange& e) { Update(e, services); });
  RegisterClassificationRoutes(table, services);
}

}  // namespace nuitee::api
