// Host (hébergeur, logeur): the person or company that lets accommodation and collects the tax.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/address.hpp"
#include "domain/core/dates.hpp"
#include "domain/core/error.hpp"
#include "domain/core/strong_id.hpp"

namespace nuitee {

enum class HostKind { kPerson, kCompany };
std::string_view HostKindName(HostKind kind);
std::optional<HostKind> ParseHostKind(std::string_view name);

// A conciergerie or agency acting for the host. Accounts for managers come with authentication;
// until then the register records who they are.
struct Manager {
  std::string name;
  std::string email;
  friend bool operator==(const Manager&, const Manager&) = default;
};

struct Host {
  HostId id;
  CollectivityId collectivity_id;
  HostKind kind = HostKind::kPerson;
  std::string legal_name;
  std::optional<std::string> siret;  // required for companies
  std::optional<std::string> email;
  std::optional<std::string> phone;
  PostalAddress address;
  std::optional<Manager> manager;
  std::optional<Day> archived_on;    // hosts are archived, never deleted
  long long version = 0;
};

Status ValidateHost(const Host& host);

}  // namespace nuitee
