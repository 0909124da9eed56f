#include "payments/payfip_soap.hpp"

#include <pugixml.hpp>

#include <sstream>

namespace nuitee::payments {
namespace {

constexpr const char* kSoapNamespace = "http://schemas.xmlsoap.org/soap/envelope/";

// <soapenv:Envelope><soapenv:Header/><soapenv:Body><pai:{operation}><arg0>…</arg0>…
pugi::xml_node Argument(pugi::xml_document& document, const char* operation) {
  auto declaration = document.append_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "UTF-8";
  auto envelope = document.append_child("soapenv:Envelope");
  envelope.append_attribute("xmlns:soapenv") = kSoapNamespace;
  envelope.append_attribute("xmlns:pai") = std::string(kPayfipNamespace).c_str();
  envelope.append_child("soapenv:Header");
  auto body = envelope.append_child("soapenv:Body");
  return body.append_child((std::string("pai:") + operation).c_str()).append_child("arg0");
}

void Field(pugi::xml_node parent, const char* name, std::string_view value) {
  parent.append_child(name).text().set(std::string(value).c_str());
}

std::string Serialise(const pugi::xml_document& document) {
  std::ostringstream out;
  document.save(out, "", pugi::format_raw);
  return out.str();
}

// The local name of an element ("ns2:creerPaiementSecuriseResponse" → "creer…Response").
std::string_view LocalName(const pugi::xml_node& node) {
  std::string_view name = node.name();
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node FindLocal(const pugi::xml_node& root, std::string_view local) {
  return root.find_node([&](const pugi::xml_node& node) {
    return node.type() == pugi::node_element && LocalName(node) == local;
  });
}

Result<pugi::xml_document*> Load(pugi::xml_document& document, std::string_view xml) {
  const auto parsed = document.load_buffer(xml.data(), xml.size(), pugi::parse_default);
  if (!parsed) {
    return Fail(Error::Unavailable("PayFiP a renvoyé une réponse illisible."));
  }
  if (auto fault = FindLocal(document, "Fault")) {
    std::string code = "inconnu";
    std::string label;
    if (auto node = FindLocal(fault, "code")) code = node.text().as_string();
    if (auto node = FindLocal(fault, "libelle")) label = node.text().as_string();
    if (label.empty()) {
      if (auto node = FindLocal(fault, "faultstring")) label = node.text().as_string();
    }
    return Fail(Error::Unavailable("PayFiP a refusé la demande (code " + code +
                                   (label.empty() ? "" : " : " + label) + ")."));
  }
  return &document;
}

std::optional<Day> ParseDattrans(std::string_view text) {
  if (text.size() != 8) return std::nullopt;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  const Day day = date::year{std::stoi(std::string(text.substr(4, 4)))} /
                  date::month{unsigned(std::stoi(std::string(text.substr(2, 2))))} /
                  date::day{unsigned(std::stoi(std::string(text.substr(0, 2))))};
  if (!day.ok()) return std::nullopt;
  return day;
}

}  // namespace

std::string CreerPaiementSecuriseEnvelope(const PaymentRequest& request, std::string_view numcli,
                                          std::string_view saisie) {
  pugi::xml_document document;
  auto arg = Argument(document, "creerPaiementSecurise");
  // The order of PayFiP's schema (alphabetical).
  Field(arg, "exer", std::to_string(request.year));
  Field(arg, "mel", request.payer_email);
  Field(arg, "montant", std::to_string(request.amount.cents()));
  Field(arg, "numcli", numcli);
  Field(arg, "objet", request.object);
  Field(arg, "refdet", request.debt_reference);
  Field(arg, "saisie", saisie);
  Field(arg, "urlnotif", request.notification_url);
  Field(arg, "urlredirect", request.redirect_url);
  return Serialise(document);
}

std::string RecupererDetailPaiementSecuriseEnvelope(std::string_view idop) {
  pugi::xml_document document;
  Field(Argument(document, "recupererDetailPaiementSecurise"), "idOp", idop);
  return Serialise(document);
}

Result<std::string> ReadCreerPaiementSecuriseReply(std::string_view xml) {
  pugi::xml_document document;
  if (auto loaded = Load(document, xml); !loaded) return Fail(loaded.error());
  const std::string idop = FindLocal(document, "idOp").text().as_string();
  if (idop.empty()) return Fail(Error::Unavailable("PayFiP n'a pas renvoyé d'identifiant d'opération."));
  return idop;
}

Result<PaymentResult> ReadRecupererDetailPaiementSecuriseReply(std::string_view xml) {
  pugi::xml_document document;
  if (auto loaded = Load(document, xml); !loaded) return Fail(loaded.error());
  PaymentResult result;
  result.code = FindLocal(document, "resultrans").text().as_string();
  if (result.code == "P") {
    result.outcome = PaymentOutcome::kPaid;
  } else if (result.code == "R") {
    result.outcome = PaymentOutcome::kRefused;
  } else if (result.code == "A") {
    result.outcome = PaymentOutcome::kAbandoned;
  }
  if (auto montant = FindLocal(document, "montant")) {
    const std::string text = montant.text().as_string();
    if (!text.empty() && text.find_first_not_of("0123456789") == std::string::npos &&
        text.size() < 15) {
      result.amount = Money::Cents(std::stoll(text));
    }
  }
  if (auto refdet = FindLocal(document, "refdet")) result.debt_reference = refdet.text().as_string();
  if (auto dattrans = FindLocal(document, "dattrans")) {
    result.paid_on = ParseDattrans(dattrans.text().as_string());
  }
  return result;
}

}  // namespace nuitee::payments
