// The letters of the enforcement procedure (issue 6; CGCT L. 2333-38), rendered as PDF in memory:
// the mise en demeure a referent sends by registered letter, and the avis de taxation d'office.
// What a letter says is given whole by the caller (nothing is read here); the wording in French
// and the layout are this library's.
#pragma once

#include <string>
#include <vector>

#include "domain/core/dates.hpp"
#include "domain/core/error.hpp"
#include "domain/core/money.hpp"

namespace nuitee::letters {

// The collectivity's letterhead (its enforcement settings).
struct Letterhead {
  std::string sender;                      // "Communauté de communes …, service taxe de séjour"
  std::vector<std::string> address_lines;
  std::string signatory;                   // "Le Président, Jean Dupont"
  std::string contact;                     // phone, mail address to write to
};

struct Recipient {
  std::string name;                        // the host's legal name
  std::vector<std::string> address_lines;  // street, "15300 Murat"
};

// One accommodation-month not declared.
struct MissingMonth {
  std::string accommodation_name;
  std::string accommodation_address;       // one line
  Month month{};
  Money estimated_tax = Money::Zero();     // what a taxation d'office would assess (0: unknown)
};

struct FormalNoticeLetter {
  Letterhead letterhead;
  Recipient recipient;
  std::string collectivity_name;
  std::string place;                       // "Murat", written before the date
  Day dated_on{};
  std::string reference;                   // printed, to quote in any answer
  std::vector<MissingMonth> missing;       // at least one
  int days_to_regularise = 30;             // L. 2333-38
};

struct AssessmentTax {
  std::string label;                       // "Taxe additionnelle départementale (10 %)"
  Money amount = Money::Zero();
};

struct AssessmentNoticeLetter {
  Letterhead letterhead;
  Recipient recipient;
  std::string collectivity_name;
  std::string place;
  Day dated_on{};                          // the notification day
  std::string reference;
  std::string accommodation_name;
  std::string accommodation_address;
  Month month{};
  int capacity_persons = 0;
  int nights = 0;
  Money tax = Money::Zero();
  std::vector<AssessmentTax> additional_taxes;
  Money total = Money::Zero();
  std::vector<std::string> explanation;    // rates::ExplainInFrench, one sentence per line
  std::string adjustment_reason;           // empty unless the referent changed the amount
  Day formal_notice_delivered_on{};
  Day recoverable_from{};                  // notified + 30 days at the earliest
};

// The PDF bytes. kInvalidArgument (every bad field, as a JSON pointer) when a required field is
// empty (no month, no recipient name or address, no sender, signatory, place or reference), a text
// is not UTF-8, a date is not a real day, days_to_regularise < 30, an amount is negative, the
// total is not the sum of the taxes, the avis is dated before the 31st day after the mise en
// demeure was delivered or recoverable_from is less than 30 days after it (L. 2333-38).
// kFailedPrecondition when the fonts (fonts-dejavu-core) are missing. Thread-safe; no file written.
Result<std::string> RenderFormalNotice(const FormalNoticeLetter& letter);
Result<std::string> RenderAssessmentNotice(const AssessmentNoticeLetter& letter);

}  // namespace nuitee::letters
