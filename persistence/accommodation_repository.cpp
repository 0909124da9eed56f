// SQL for the accommodations table.
#include "persistence/accommodation_repository.hpp"

#include "persistence/closures_json.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "domain/classification.hpp"
#include "persistence/dynamic_query.hpp"
#include "persistence/prepared_statements.hpp"
#include "persistence/register_search.hpp"
#include "persistence/soci_support.hpp"

namespace nuitee::persistence {
namespace {

constexpr const char* kColumns =
    "a.id::text AS id, a.seq, a.collectivity_id::text AS collectivity_id, "
    "a.host_id::text AS host_id, a.name, a.commune_insee_code, a.address_line, a.postal_code, "
    "a.nature, a.capacity_persons, a.capacity_units, a.registration_number, a.marketing, "
    "a.opened_on::text AS opened_on, a.closures::text AS closures, a.ceased_on::text AS ceased_on, "
    "a.version";

// The category on :on, read from the classification history exactly as CategoryOn() does: the
// latest decision taken by that day if it has not expired, else the unclassified category.
constexpr const char* kCategoryOn =
    "coalesce((SELECT CASE WHEN c.expires_on >= :on::date THEN c.category END "
    "FROM classifications c WHERE c.accommodation_id = a.id AND c.decided_on <= :on::date "
    "ORDER BY c.decided_on DESC, c.seq DESC LIMIT 1), a.unclassified_category)";

// The join that keeps the accommodations whose category on :on is :category through a
// classification: the period in force on :on of a decision giving :category (migration 0010 keeps
// classification_periods with the rule of kCategoryOn). When no nature has :category
// unclassified, this is exactly kCategoryOn = :category, but the index
// classification_periods_by_category walks the category alone in register order: a page reads its
// rows and the periods between them, not the register nor every decision of the category.
constexpr const char* kClassifiedAsJoin =
    "accommodations a JOIN classification_periods p ON a.id = p.accommodation_id "
    "AND p.collectivity_id = :c::uuid AND p.category = :category "
    "AND p.valid_from <= :on::date AND p.valid_to >= :on::date";

// True when only a classification gives `category` (no nature has it unclassified).
bool OnlyByClassification(rates::Category category) {
  for (Nature nature : kAllNatures) {
    if (UnclassifiedCategory(nature) == category) return false;
  }
  return true;
}

// The unclassified categories of the natures that can be in `category` on some day: the nature
// fixes both the unclassified category and the category each rank gives (ClassifiedCategory), and
// a nature never changes once classified. So a row whose unclassified_category is not among these
// is not in `category`, and the walk of kCategoryOn can skip its sub-query: for the camping
// categories, 95 % of the register.
std::vector<std::string> PossibleUnclassifiedCategories(rates::Category category) {
  std::vector<std::string> names;
  auto add = [&](rates::Category unclassified) {
    const std::string name(rates::CategoryName(unclassified));
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  };
  for (Nature nature : kAllNatures) {
    bool possible = UnclassifiedCategory(nature) == category;
    for (Rank rank : {Rank{1, false}, Rank{2, false}, Rank{3, false}, Rank{4, false},
                      Rank{5, false}, Rank{5, true}}) {
      possible = possible || ClassifiedCategory(nature, rank) == category;
    }
    if (possible) add(UnclassifiedCategory(nature));
  }
  return names;
}

// Keeps the rows of `list` whose category on :on is `category`: through the periods of the
// classifications when only a classification gives it, else by walking kCategoryOn.
void FilterByCategory(rates::Category category, RegisterQuery& list) {
  if (OnlyByClassification(category)) {
    list.from = kClassifiedAsJoin;
    list.position = "p.accommodation_seq";
    // The period joined is the one in force on :on: its category is the row's (kCategoryOn).
    list.select = std::string(kColumns) + ", p.category";
  } else {
    // Inside a CASE, the column test guards the sub-query without changing the planner's
    // estimate: as a separate condition it made the estimate smaller, the cost larger, and
    // PostgreSQL spent 0.2-0.9 s compiling the query (JIT) for a 2 ms walk.
    const auto possible = PossibleUnclassifiedCategories(category);
    list.where += " AND CASE WHEN a.unclassified_category IN (";
    for (std::size_t i = 0; i < possible.size(); ++i) {
      const std::string name = "unclassified" + std::to_string(i);
      list.where += (i == 0 ? ":" : ", :") + name;
      list.filters.Bind(name, possible[i]);
    }
    list.where += std::string(") THEN ") + kCategoryOn + " END = :category";
  }
  list.filters.Bind("category", std::string(rates::CategoryName(category)));
}

constexpr const char* kClosedOn =
    "EXISTS (SELECT 1 FROM jsonb_array_elements(a.closures) k "
    "WHERE (k->>'from')::date <= :on::date AND (k->>'to')::date >= :on::date)";

Accommodation FromRow(const soci::row& row) {
  Accommodation accommodation;
  accommodation.id = AccommodationId(GetString(row, "id"));
  accommodation.collectivity_id = CollectivityId(GetString(row, "collectivity_id"));
  accommodation.host_id = HostId(GetString(row, "host_id"));
  accommodation.name = GetString(row, "name");
  accommodation.commune_insee_code = GetString(row, "commune_insee_code");
  accommodation.address_line = GetString(row, "address_line");
  accommodation.postal_code = GetString(row, "postal_code");
  accommodation.nature = ParseNature(GetString(row, "nature")).value_or(Nature::kOther);
  accommodation.capacity_persons = row.get<int>("capacity_persons");
  if (row.get_indicator("capacity_units") != soci::i_null) {
    accommodation.capacity_units = row.get<int>("capacity_units");
  }
  accommodation.registration_number = GetOptionalString(row, "registration_number");
  accommodation.marketing = ParseMarketing(GetString(row, "marketing")).value_or(Marketing::kDirect);
  accommodation.opened_on = GetOptionalDay(row, "opened_on");
  accommodation.closures = ClosuresFromJson(GetString(row, "closures"));
  accommodation.ceased_on = GetOptionalDay(row, "ceased_on");
  accommodation.version = GetLong(row, "version");
  return accommodation;
}

// The columns every write binds, in one place so Insert and Update cannot drift apart.
struct AccommodationColumns {
  explicit AccommodationColumns(const Accommodation& accommodation)
      : nature(NatureName(accommodation.nature)),
        marketing(MarketingName(accommodation.marketing)),
        opened_on(DateText(accommodation.opened_on)),
        closures(ClosuresToJson(accommodation.closures)),
        ceased_on(DateText(accommodation.ceased_on)),
        unclassified_category(rates::CategoryName(UnclassifiedCategory(accommodation.nature))) {}
  std::string nature;
  std::string marketing;
  std::optional<std::string> opened_on;
  std::string closures;
  std::optional<std::string> ceased_on;
  std::string unclassified_category;
};

}  // namespace

Result<Accommodation> AccommodationRepository::Insert(Transaction& tx, Accommodation accommodation,
                                                      const std::string& host_name) {
  AccommodationColumns columns(accommodation);
  std::optional<std::string> wanted_id;
  if (!accommodation.id.empty()) wanted_id = accommodation.id.value();
  std::string id;
  tx.session() << "INSERT INTO accommodations (id, collectivity_id, host_id, host_name, name, "
                  "commune_insee_code, address_line, postal_code, nature, capacity_persons, "
                  "capacity_units, registration_number, marketing, opened_on, closures, ceased_on, "
                  "unclassified_category) VALUES (coalesce(:id::uuid, gen_random_uuid()), "
                  ":c::uuid, :host::uuid, :host_name, :name, :commune, :line, :postal, :nature, "
                  ":persons, :units, :registration, :marketing, :opened::date, :closures::jsonb, "
                  ":ceased::date, :unclassified) RETURNING id::text",
      soci::use(wanted_id), soci::use(accommodation.collectivity_id.value()),
      soci::use(accommodation.host_id.value()), soci::use(host_name),
      soci::use(accommodation.name), soci::use(accommodation.commune_insee_code),
      soci::use(accommodation.address_line), soci::use(accommodation.postal_code),
      soci::use(columns.nature), soci::use(accommodation.capacity_persons),
      soci::use(accommodation.capacity_units), soci::use(accommodation.registration_number),
      soci::use(columns.marketing), soci::use(columns.opened_on), soci::use(columns.closures),
      soci::use(columns.ceased_on), soci::use(columns.unclassified_category), soci::into(id);
  accommodation.id = AccommodationId(id);
  accommodation.version = 1;
  return accommodation;
}

Result<Accommodation> AccommodationRepository::Find(Transaction& tx,
                                                    const CollectivityId& collectivity,
                                                    const AccommodationId& id, Lock lock) {
  // Prepared once per connection (prepared_statements.hpp): every declaration reads it.
  static const std::string select = std::string("SELECT ") + kColumns +
                                    " FROM accommodations a WHERE a.id = :id::uuid "
                                    "AND a.collectivity_id = :c::uuid";
  static const std::string select_for_update = select + " FOR UPDATE";
  std::optional<Accommodation> found;
  Query(tx, lock == Lock::kForUpdate ? select_for_update : select,
        {id.value(), collectivity.value()}, [&](const soci::row& row) { found = FromRow(row); });
  if (!found) return Fail(Error::NotFound("Cet hébergement n'existe pas."));
  return std::move(*found);
}

Result<Accommodation> AccommodationRepository::Update(Transaction& tx,
                                                      const Accommodation& accommodation,
                                                      long long expected_version) {
  AccommodationColumns columns(accommodation);
  long long version = 0;
  tx.session() << "UPDATE accommodations SET host_id = :host::uuid, name = :name, "
                  "commune_insee_code = :commune, address_line = :line, postal_code = :postal, "
                  "nature = :nature, capacity_persons = :persons, capacity_units = :units, "
                  "registration_number = :registration, marketing = :marketing, "
                  "opened_on = :opened::date, closures = :closures::jsonb, "
                  "ceased_on = :ceased::date, unclassified_category = :unclassified, "
                  "host_name = (SELECT h.legal_name FROM hosts h WHERE h.id = :host_again::uuid), "
                  "version = version + 1, updated_at = now() "
                  "WHERE id = :id::uuid AND collectivity_id = :c::uuid AND version = :expected "
                  "RETURNING version",
      soci::use(accommodation.host_id.value()), soci::use(accommodation.name),
      soci::use(accommodation.commune_insee_code), soci::use(accommodation.address_line),
      soci::use(accommodation.postal_code), soci::use(columns.nature),
      soci::use(accommodation.capacity_persons), soci::use(accommodation.capacity_units),
      soci::use(accommodation.registration_number), soci::use(columns.marketing),
      soci::use(columns.opened_on), soci::use(columns.closures), soci::use(columns.ceased_on),
      soci::use(columns.unclassified_category), soci::use(accommodation.host_id.value()),
      soci::use(accommodation.id.value()),
      soci::use(accommodation.collectivity_id.value()), soci::use(expected_version),
      soci::into(version);
  if (!tx.session().got_data()) {
    auto exists = Find(tx, accommodation.collectivity_id, accommodation.id);
    if (!exists) return Fail(exists.error());
    return Fail(Error::StaleVersion());
  }
  Accommodation updated = accommodation;
  updated.version = version;
  return updated;
}

std::optional<AccommodationId> AccommodationRepository::FindDuplicate(
    Transaction& tx, const Accommodation& accommodation) {
  std::string id;
  soci::indicator found = soci::i_null;
  const std::string self = accommodation.id.empty() ? std::string("00000000-0000-0000-0000-000000000000")
                                                    : accommodation.id.value();
  tx.session() << "SELECT id::text FROM accommodations WHERE collectivity_id = :c::uuid "
                  "AND ceased_on IS NULL AND id <> :self::uuid AND ("
                  "(registration_number IS NOT NULL AND registration_number = :registration) OR "
                  "(host_id = :host::uuid AND address_key = lower(regexp_replace(:line, "
                  "'[^[:alnum:]]+', ' ', 'g')) || '|' || :commune)) ORDER BY seq LIMIT 1",
      soci::use(accommodation.collectivity_id.value()), soci::use(self),
      soci::use(accommodation.registration_number), soci::use(accommodation.host_id.value()),
      soci::use(accommodation.address_line), soci::use(accommodation.commune_insee_code),
      soci::into(id, found);
  if (!tx.session().got_data() || found == soci::i_null) return std::nullopt;
  return AccommodationId(id);
}

std::optional<RecordOwner> AccommodationRepository::OwnerOf(Transaction& tx,
                                                           const AccommodationId& id) {
  std::optional<RecordOwner> owner;
  Query(tx,
        "SELECT collectivity_id::text AS collectivity_id, host_id::text AS host_id "
        "FROM accommodations WHERE id = :id::uuid",
        {id.value()}, [&](const soci::row& row) {
          owner = RecordOwner{CollectivityId(GetString(row, "collectivity_id")),
                              HostId(GetString(row, "host_id"))};
        });
  return owner;
}

Page<AccommodationListing> AccommodationRepository::List(Transaction& tx,
                                                         const CollectivityId& collectivity,
                                                         const AccommodationFilter& filter,
                                                         const PageRequest& page,
                                                         const SearchWindows& windows) {
  RegisterQuery list;
  list.select = std::string(kColumns) + ", " + kCategoryOn + " AS category";
  list.from = "accommodations a";
  std::string& sql = list.where;
  DynamicQuery& query = list.filters;
  sql = "a.collectivity_id = :c::uuid";
  query.Bind("on", FormatIsoDate(filter.on));
  query.Bind("c", collectivity.value());
  if (filter.host) {
    sql += " AND a.host_id = :host::uuid";
    query.Bind("host", filter.host->value());
  }
  if (filter.commune) {
    sql += " AND a.commune_insee_code = :commune";
    query.Bind("commune", *filter.commune);
  }
  if (filter.nature) {
    sql += " AND a.nature = :nature";
    query.Bind("nature", std::string(NatureName(*filter.nature)));
  }
  list.text = filter.text;  // read in bounded steps (persistence/register_search.hpp)
  if (filter.category) FilterByCategory(*filter.category, list);
  if (filter.status) {
    const std::string ceased = "(a.ceased_on IS NOT NULL AND a.ceased_on <= :on::date)";
    switch (*filter.status) {
      case AccommodationStatus::kCeased: sql += " AND " + ceased; break;
      case AccommodationStatus::kClosed:
        sql += " AND NOT " + ceased + " AND " + kClosedOn;
        break;
      case AccommodationStatus::kActive:
        sql += " AND NOT " + ceased + " AND NOT " + kClosedOn;
        break;
    }
  }
  // With the text as the only filter, a digit term is read from the words with a digit alone.
  if (!filter.host && !filter.commune && !filter.nature && !filter.category && !filter.status) {
    list.digit_tokens = "accommodation_digit_tokens";
  }
  return ReadRegisterPage<AccommodationListing>(tx, list, page, windows, [](const soci::row& row) {
    return AccommodationListing{
        FromRow(row),
        rates::ParseCategory(GetString(row, "category")).value_or(rates::Category::kUnclassified)};
  });
}

long long AccommodationRepository::BumpVersion(Transaction& tx, const AccommodationId& id) {
  long long version = 0;
  tx.session() << "UPDATE accommodations SET version = version + 1, updated_at = now() "
                  "WHERE id = :id::uuid RETURNING version",
      soci::use(id.value()), soci::into(version);
  return version;
}

std::vector<Accommodation> AccommodationRepository::ListOfHost(Transaction& tx,
                                                               const CollectivityId& collectivity,
                                                               const HostId& host) {
  std::vector<Accommodation> found;
  soci::rowset<soci::row> rows =
      (tx.session().prepare << std::string("SELECT ") + kColumns +
                                   " FROM accommodations a WHERE a.host_id = :h::uuid "
                                   "AND a.collectivity_id = :c::uuid ORDER BY a.seq",
       soci::use(host.value()), soci::use(collectivity.value()));
  for (const auto& row : rows) found.push_back(FromRow(row));
  return found;
}

}  // namespace nuitee::persistence
