// SQL for the deliberations table and the rate book's one-query load.
#include "persistence/deliberation_repository.hpp"

#include "persistence/deliberation_document.hpp"
#include "persistence/legal_grid_document.hpp"
#include "persistence/prepared_statements.hpp"
#include "persistence/register_lock.hpp"
#include "persistence/soci_support.hpp"

namespace nuitee::persistence {
namespace {

constexpr const char* kColumns =
    "collectivity_id::text AS collectivity_id, year, version, document::text AS document, "
    "recorded_by, source, reason, "
    "to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') AS recorded_at";

// A stored document that cannot be read back is a bug, not a client's error: it throws, and the
// route guard answers 500.
StoredDeliberation FromRow(const soci::row& row) {
  StoredDeliberation stored;
  stored.collectivity_id = CollectivityId(GetString(row, "collectivity_id"));
  stored.deliberation =
      DeliberationFromJsonValue(nlohmann::json::parse(GetString(row, "document")));
  stored.deliberation.year = row.get<int>("year");
  stored.version = row.get<int>("version");
  stored.recorded_by = GetString(row, "recorded_by");
  stored.recorded_at = GetString(row, "recorded_at");
  stored.source = GetString(row, "source");
  stored.reason = GetOptionalString(row, "reason");
  return stored;
}

std::vector<StoredDeliberation> SelectMany(Transaction& tx, const std::string& sql,
                                           const CollectivityId& collectivity,
                                           std::optional<int> year) {
  std::vector<StoredDeliberation> found;
  const int year_value = year.value_or(0);
  if (year) {
    soci::rowset<soci::row> rows =
        (tx.session().prepare << sql, soci::use(collectivity.value()), soci::use(year_value));
    for (const auto& row : rows) found.push_back(FromRow(row));
  } else {
    soci::rowset<soci::row> rows = (tx.session().prepare << sql, soci::use(collectivity.value()));
    for (const auto& row : rows) found.push_back(FromRow(row));
  }
  return found;
}

}  // namespace

void DeliberationRepository::LockYear(Transaction& tx, const CollectivityId& collectivity,
                                      int year) {
  LockRegisterAppends(tx, "deliberations:" + collectivity.value() + ":" + std::to_string(year));
}

Result<StoredDeliberation> DeliberationRepository::Append(
    Transaction& tx, const CollectivityId& collectivity, const rates::Deliberation& deliberation,
    const std::string& actor, std::string_view source, std::optional<std::string> reason) {
  LockYear(tx, collectivity, deliberation.year);
  const std::string document = DeliberationToDocument(deliberation);
  const std::string source_text(source);
  int version = 0;
  std::string recorded_at;
  tx.session() << "INSERT INTO deliberations "
                  "(collectivity_id, year, version, document, recorded_by, source, reason) "
                  "SELECT :c::uuid, :year, coalesce(max(version), 0) + 1, :document::jsonb, :by, "
                  ":source, :reason FROM deliberations "
                  "WHERE collectivity_id = :same_c::uuid AND year = :same_year "
                  "RETURNING version, "
                  "to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')",
      soci::use(collectivity.value()), soci::use(deliberation.year), soci::use(document),
      soci::use(actor), soci::use(source_text), soci::use(reason), soci::use(collectivity.value()),
      soci::use(deliberation.year), soci::into(version), soci::into(recorded_at);
  return StoredDeliberation{collectivity, deliberation, version,          actor,
                            recorded_at,  source_text,  std::move(reason)};
}

std::optional<StoredDeliberation> DeliberationRepository::Latest(Transaction& tx,
                                                                 const CollectivityId& collectivity,
                                                                 int year) {
  soci::row row;
  tx.session() << std::string("SELECT ") + kColumns +
                      " FROM deliberations WHERE collectivity_id = :c::uuid AND year = :year "
                      "ORDER BY version DESC LIMIT 1",
      soci::use(collectivity.value()), soci::use(year), soci::into(row);
  if (!tx.session().got_data()) return std::nullopt;
  return FromRow(row);
}

std::optional<StoredDeliberation> DeliberationRepository::Version(
    Transaction& tx, const CollectivityId& collectivity, int year, std::int64_t version) {
  const long long wanted = version;
  soci::row row;
  tx.session() << std::string("SELECT ") + kColumns +
                      " FROM deliberations WHERE collectivity_id = :c::uuid AND year = :year "
                      "AND version = :version",
      soci::use(collectivity.value()), soci::use(year), soci::use(wanted), soci::into(row);
  if (!tx.session().got_data()) return std::nullopt;
  return FromRow(row);
}

std::vector<StoredDeliberation> DeliberationRepository::Versions(Transaction& tx,
                                                                 const CollectivityId& collectivity,
                                                                 int year) {
  return SelectMany(tx,
                    std::string("SELECT ") + kColumns +
                        " FROM deliberations WHERE collectivity_id = :c::uuid AND year = :year "
                        "ORDER BY version",
                    collectivity, year);
}

std::vector<StoredDeliberation> DeliberationRepository::LatestOfEachYear(
    Transaction& tx, const CollectivityId& collectivity) {
  return SelectMany(tx,
                    std::string("SELECT DISTINCT ON (year) ") + kColumns +
                        " FROM deliberations WHERE collectivity_id = :c::uuid "
                        "ORDER BY year, version DESC",
                    collectivity, std::nullopt);
}

Result<rates::RateBook> DeliberationRepository::LoadRateBook(Transaction& tx,
                                                             const CollectivityId& collectivity,
                                                             int first_year, int last_year) {
  // Both halves in one statement, prepared once per connection (prepared_statements.hpp): the
  // public simulator calls this on every quote, and every declaration.
  std::string text;
  Query(tx,
        "SELECT json_build_object("
        "'deliberations', coalesce((SELECT json_agg(json_build_object('year', d.year, "
        "'version', d.version, 'document', d.document)) FROM (SELECT DISTINCT ON (year) year, "
        "version, document FROM deliberations WHERE collectivity_id = :c::uuid AND year BETWEEN "
        ":first AND :last ORDER BY year, version DESC) d), '[]'::json), "
        "'grids', coalesce((SELECT json_agg(json_build_object('year', g.year, 'source', "
        "g.source, 'rows', g.rows)) FROM (SELECT DISTINCT ON (year) year, source, rows FROM "
        "legal_grids WHERE year BETWEEN :grid_first AND :grid_last ORDER BY year, version DESC) "
        "g), '[]'::json))::text AS book",
        {collectivity.value(), std::to_string(first_year), std::to_string(last_year),
         std::to_string(first_year), std::to_string(last_year)},
        [&](const soci::row& row) { text = GetString(row, "book"); });
  try {
    const nlohmann::json loaded = nlohmann::json::parse(text);
    rates::RateBook book;
    for (const auto& each : loaded.at("deliberations")) {
      rates::VersionedDeliberation versioned;
      versioned.deliberation = DeliberationFromJsonValue(each.at("document"));
      versioned.deliberation.year = each.at("year").get<int>();
      versioned.version = each.at("version").get<std::int64_t>();
      book.AddDeliberation(std::move(versioned));
    }
    for (const auto& each : loaded.at("grids")) {
      book.AddLoadedGrid(LegalGridFromRows(each.at("year").get<int>(), each.at("rows"),
                                           each.at("source").get<std::string>()));
    }
    return book;
  } catch (const std::exception& error) {
    LogInternal("rate_book_unreadable", error.what());
    return Fail(Error::Internal());
  }
}

}  // namespace nuitee::persistence
