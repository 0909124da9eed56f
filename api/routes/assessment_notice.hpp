// The avis de taxation d'office of an issued revision, as a PDF (letters::RenderAssessmentNotice),
// from what the register and the revision say.
#pragma once

#include <string>

#include "domain/accommodation.hpp"
#include "domain/collectivity.hpp"
#include "domain/enforcement_calendar.hpp"
#include "domain/host.hpp"
#include "persistence/office_assessment_repository.hpp"

namespace nuitee::api {

struct AvisFacts {
  const Collectivity& collectivity;
  const EnforcementPolicy& policy;  // the letterhead
  const Host& host;
  const Accommodation& accommodation;
  const persistence::OfficeAssessmentRevision& revision;  // notified_on and recoverable_from set
  Day notice_delivered_on{};
};

Result<std::string> RenderAvis(const AvisFacts& facts);

}  // namespace nuitee::api
