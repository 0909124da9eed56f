// SQL for the classifications table.
#include "persistence/classification_repository.hpp"

#include "persistence/prepared_statements.hpp"
#include "persistence/soci_support.hpp"

namespace nuitee::persistence {

Result<Classification> ClassificationRepository::Insert(Transaction& tx,
                                                        const CollectivityId& collectivity,
                                                        Classification classification,
                                                        rates::Category category,
                                                        const std::string& recorded_by) {
  const std::string rank = RankName(classification.rank);
  const std::string decided = FormatIsoDate(classification.decided_on);
  const std::string expires = FormatIsoDate(classification.expires_on);
  const std::string category_name(rates::CategoryName(category));
  std::string id;
  tx.session() << "INSERT INTO classifications (collectivity_id, accommodation_id, rank, "
                  "decided_on, expires_on, body, category, recorded_by) VALUES (:c::uuid, "
                  ":a::uuid, :rank, :decided::date, :expires::date, :body, :category, :by) "
                  "RETURNING id::text",
      soci::use(collectivity.value()), soci::use(classification.accommodation_id.value()),
      soci::use(rank), soci::use(decided), soci::use(expires), soci::use(classification.body),
      soci::use(category_name), soci::use(recorded_by), soci::into(id);
  classification.id = ClassificationId(id);
  return classification;
}

std::vector<Classification> ClassificationRepository::ListFor(
    Transaction& tx, const CollectivityId& collectivity, const AccommodationId& accommodation) {
  std::vector<Classification> history;
  // Prepared once per connection (prepared_statements.hpp): every declaration reads it.
  Query(tx,
        "SELECT id::text AS id, rank, decided_on::text AS decided_on, "
        "expires_on::text AS expires_on, body FROM classifications "
        "WHERE accommodation_id = :a::uuid AND collectivity_id = :c::uuid "
        "ORDER BY decided_on, seq",
        {accommodation.value(), collectivity.value()}, [&](const soci::row& row) {
          Classification classification;
          classification.id = ClassificationId(GetString(row, "id"));
          classification.accommodation_id = accommodation;
          classification.rank = ParseRank(GetString(row, "rank")).value_or(Rank{1, false});
          classification.decided_on = GetDay(row, "decided_on");
          classification.expires_on = GetDay(row, "expires_on");
          classification.body = GetString(row, "body");
          history.push_back(std::move(classification));
        });
  return history;
}

}  // namespace nuitee::persistence
