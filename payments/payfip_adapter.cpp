#include "payments/payfip_adapter.hpp"

#include <curl/curl.h>

#include <cctype>
#include <cstdlib>
#include <mutex>

#include "payments/payfip_soap.hpp"

namespace nuitee::payments {
namespace {

std::size_t Collect(char* data, std::size_t size, std::size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

std::string Escaped(const std::string& text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += char(c);
    } else {
      static constexpr char kHex[] = "0123456789ABCDEF";
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

}  // namespace

Result<std::string> PayfipAdapter::Call(const std::string& envelope) const {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  CURL* curl = curl_easy_init();
  if (!curl) return Fail(Error::Unavailable("PayFiP est injoignable."));
  std::string reply;
  curl_slist* headers = nullptr;
  headers = curl_slist_append(headers, "Content-Type: text/xml; charset=utf-8");
  headers = curl_slist_append(headers, "SOAPAction: \"\"");
  curl_easy_setopt(curl, CURLOPT_URL, settings_.soap_url.c_str());
  curl_easy_setopt(curl, CURLOPT_POST, 1L);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, envelope.c_str());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, long(envelope.size()));
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, Collect);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &reply);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, settings_.timeout_seconds);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "https,http");
  const CURLcode code = curl_easy_perform(curl);
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  if (code != CURLE_OK) {
    return Fail(Error::Unavailable(std::string("PayFiP est injoignable : ") +
                                   curl_easy_strerror(code) + "."));
  }
  // A SOAP fault comes with 500: its body says why, read by the caller.
  if (status != 200 && status != 500) {
    return Fail(Error::Unavailable("PayFiP a répondu " + std::to_string(status) + "."));
  }
  return reply;
}

Result<StartedPayment> PayfipAdapter::Start(const PaymentRequest& request) {
  auto reply = Call(CreerPaiementSecuriseEnvelope(request, settings_.numcli, settings_.saisie));
  if (!reply) return Fail(reply.error());
  auto idop = ReadCreerPaiementSecuriseReply(*reply);
  if (!idop) return Fail(idop.error());
  return StartedPayment{*idop, settings_.payer_page + "?idop=" + Escaped(*idop)};
}

Result<PaymentResult> PayfipAdapter::Fetch(const std::string& idop) {
  auto reply = Call(RecupererDetailPaiementSecuriseEnvelope(idop));
  if (!reply) return Fail(reply.error());
  return ReadRecupererDetailPaiementSecuriseReply(*reply);
}

std::optional<PayfipSettings> PayfipSettingsFromEnvironment() {
  auto get = [](const char* name) -> std::string {
    const char* value = std::getenv(name);
    return value ? std::string(value) : std::string();
  };
  PayfipSettings settings;
  settings.soap_url = get("NUITEE_PAYFIP_URL");
  settings.numcli = get("NUITEE_PAYFIP_NUMCLI");
  if (settings.soap_url.empty() || settings.numcli.empty()) return std::nullopt;
  if (auto saisie = get("NUITEE_PAYFIP_SAISIE"); !saisie.empty()) settings.saisie = saisie;
  if (auto page = get("NUITEE_PAYFIP_PAYER_PAGE"); !page.empty()) settings.payer_page = page;
  return settings;
}

}  // namespace nuitee::payments
