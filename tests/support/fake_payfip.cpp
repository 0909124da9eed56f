#include "tests/support/fake_payfip.hpp"

#include <map>
#include <mutex>

#include "api/http/pistache.hpp"

namespace nuitee::testing {

struct FakePayfip::State {
  mutable std::mutex mutex;
  std::vector<std::string> requests;
  struct Operation {
    std::string fields;  // the creerPaiementSecurise arguments, echoed in the detail
    std::string montant;
    std::string refdet;
    std::string resultrans;
  };
  std::map<std::string, Operation> operations;
  std::string last_idop;
  int next = 0;
};

namespace {

constexpr const char* kNamespace =
    "http://securite.service.tpa.cp.finances.gouv.fr/services/mas_securite/"
    "contrat_paiement_securise/PaiementSecuriseService";

// The text of the first <name>…</name> in `xml` (a fake: the envelopes are our own).
std::string Element(const std::string& xml, const std::string& name) {
  const auto open = xml.find("<" + name + ">");
  if (open == std::string::npos) return {};
  const auto start = open + name.size() + 2;
  const auto close = xml.find("</" + name + ">", start);
  return close == std::string::npos ? std::string() : xml.substr(start, close - start);
}

std::string Envelope(const std::string& body) {
  return std::string("<?xml version='1.0' encoding='UTF-8'?>"
                     "<S:Envelope xmlns:S=\"http://schemas.xmlsoap.org/soap/envelope/\"><S:Body>") +
         body + "</S:Body></S:Envelope>";
}

std::string Fault(const std::string& code, const std::string& label) {
  return Envelope(
      "<S:Fault><faultcode>S:Server</faultcode><faultstring>" + label +
      "</faultstring><detail><ns1:FonctionnelleErreur xmlns:ns1=\"" + kNamespace + "\"><code>" +
      code + "</code><descriptif>" + label + "</descriptif><libelle>" + label +
      "</libelle><severite>2</severite></ns1:FonctionnelleErreur></detail></S:Fault>");
}

class Handler : public Pistache::Http::Handler {
 public:
  HTTP_PROTOTYPE(Handler)
  explicit Handler(std::shared_ptr<FakePayfip::State> state) : state_(std::move(state)) {}

  void onRequest(const Pistache::Http::Request& request,
                 Pistache::Http::ResponseWriter response) override {
    const std::string body = request.body();
    std::string answer;
    auto code = Pistache::Http::Code::Ok;
    {
      std::lock_guard lock(state_->mutex);
      state_->requests.push_back(body);
      if (body.find("creerPaiementSecurise>") != std::string::npos) {
        const std::string idop = "PAYFIP" + std::to_string(++state_->next) + "A1B2C3";
        const std::string arg = Element(body, "arg0");
        state_->operations[idop] = {arg, Element(body, "montant"), Element(body, "refdet"), ""};
        state_->last_idop = idop;
        answer = Envelope(std::string("<ns2:creerPaiementSecuriseResponse xmlns:ns2=\"") +
                          kNamespace + "\"><return><idOp>" + idop +
                          "</idOp></return></ns2:creerPaiementSecuriseResponse>");
      } else if (body.find("recupererDetailPaiementSecurise>") != std::string::npos) {
        const std::string idop = Element(body, "idOp");
        auto found = state_->operations.find(idop);
        if (found == state_->operations.end()) {
          code = Pistache::Http::Code::Internal_Server_Error;
          answer = Fault("P1", "idOp inconnu");
        } else {
          const auto& operation = found->second;
          answer = Envelope(
              std::string("<ns2:recupererDetailPaiementSecuriseResponse xmlns:ns2=\"") +
              kNamespace + "\"><return><dattrans>20112026</dattrans><exer>" +
              Element(operation.fields, "exer") + "</exer><heurtrans>1432</heurtrans><idOp>" +
              idop + "</idOp><mel>" + Element(operation.fields, "mel") + "</mel><montant>" +
              operation.montant + "</montant><numauto>123456</numauto><numcli>" +
              Element(operation.fields, "numcli") + "</numcli><objet>" +
              Element(operation.fields, "objet") + "</objet><refdet>" + operation.refdet +
              "</refdet><resultrans>" + operation.resultrans + "</resultrans><saisie>" +
              Element(operation.fields, "saisie") +
              "</saisie></return></ns2:recupererDetailPaiementSecuriseResponse>");
        }
      } else {
        code = Pistache::Http::Code::Internal_Server_Error;
        answer = Fault("T1", "opération inconnue");
      }
    }
    response.headers().add<Pistache::Http::Header::ContentType>(
        Pistache::Http::Mime::MediaType("text/xml;charset=utf-8"));
    response.send(code, answer);
  }

 private:
  std::shared_ptr<FakePayfip::State> state_;
};

}  // namespace

struct FakePayfip::Server {
  explicit Server(std::shared_ptr<State> state)
      : endpoint(Pistache::Address("127.0.0.1", Pistache::Port(0))) {
    endpoint.init(Pistache::Http::Endpoint::options().threads(1).flags(
        Pistache::Tcp::Options::ReuseAddr));
    endpoint.setHandler(Pistache::Http::make_handler<Handler>(std::move(state)));
    endpoint.serveThreaded();
  }
  ~Server() { endpoint.shutdown(); }
  Pistache::Http::Endpoint endpoint;
};

FakePayfip::FakePayfip()
    : state_(std::make_shared<State>()), server_(std::make_unique<Server>(state_)) {}

FakePayfip::~FakePayfip() = default;

std::string FakePayfip::url() const {
  return "http://127.0.0.1:" + std::to_string(static_cast<int>(server_->endpoint.getPort())) +
         "/tpa/services/securite";
}

void FakePayfip::SetResult(const std::string& idop, const std::string& resultrans) {
  std::lock_guard lock(state_->mutex);
  state_->operations[idop].resultrans = resultrans;
}

void FakePayfip::SetAmount(const std::string& idop, long long cents) {
  std::lock_guard lock(state_->mutex);
  state_->operations[idop].montant = std::to_string(cents);
}

std::vector<std::string> FakePayfip::requests() const {
  std::lock_guard lock(state_->mutex);
  return state_->requests;
}

std::string FakePayfip::last_idop() const {
  std::lock_guard lock(state_->mutex);
  return state_->last_idop;
}

}  // namespace nuitee::testing
