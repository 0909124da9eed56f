// The yardstick of the quote route's benchmark (bench/quote_route.sh): a bare Pistache 0.0.5
// handler that answers every POST with a constant JSON body of the quote's size, with the same
// endpoint options and thread count as `nuitee serve` and the same keep-alive header. The ratio
// quote req/s ÷ bare req/s, measured in one run, is the figure the rates engine's issue sets
// (at least 0.5). Not a test and not named bench_*: scripts/bench.sh does not run it alone.
//
// Usage: bare_json_server PORT THREADS
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <string>

#include "api/http/pistache.hpp"

namespace {

// About the size of a one-run quote answer with its explanation.
const std::string kBody =
    R"({"tax_cents":1750,"additional_taxes":[{"beneficiary":"departement","label":"Taxe additionnelle )"
    R"(départementale","rate_bp":1000,"amount_cents":175}],"total_cents":1925,"unit_cents_per_person_night":125,)"
    R"("capped":false,"taxable_persons":2,"taxable_person_nights":14,"rounding_mode":"per_line",)"
    R"("deliberation_version":1,"deliberation_versions":{"2026":1},"runs":[{"first_night":"2026-07-01",)"
    R"("nights":7,"category":"unclassified","levied":true,"unit_cents":125,"capped":false}],"explanation":[)"
    R"("Du 01/07/2026 au 07/07/2026 (7 nuits) : hébergement non classé.",)"
    R"("Coût par personne et par nuit : 100,00 € ÷ 4 occupants (exonérés compris) = 25,00 €.",)"
    R"("Taxe par personne et par nuit : 25,00 € × 5 % = 1,25 € (plafond de 4,00 € non atteint).",)"
    R"("Personnes assujetties : 2 (4 occupants dont 2 mineurs exonérés).",)"
    R"("Taxe de séjour : 1,25 € × 2 personnes × 7 nuits = 17,50 €.",)"
    R"("Taxe additionnelle départementale (10 %) : 1,75 €.","Total à percevoir : 19,25 €."]})";

void Quote(const Pistache::Rest::Request&, Pistache::Http::ResponseWriter response) {
  // The keep-alive fix of api/http/exchange.cpp, so both servers keep their connections. Pistache
  // has already set "Connection: Close" here and add() never replaces a header: remove it first,
  // or every request of the yardstick pays a new connection and the ratio flatters the quote.
  response.headers().remove<Pistache::Http::Header::Connection>();
  response.headers().add<Pistache::Http::Header::Connection>(
      Pistache::Http::ConnectionControl::KeepAlive);
  response.send(Pistache::Http::Code::Ok, kBody, MIME(Application, Json));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: bare_json_server PORT THREADS\n";
    return 2;
  }
  const int port = std::atoi(argv[1]);
  const int threads = std::atoi(argv[2]);
  Pistache::Rest::Router router;
  Pistache::Rest::Routes::Post(router, "/v1/collectivities/:id/quotes",
                               Pistache::Rest::Routes::bind(&Quote));
  Pistache::Http::Endpoint endpoint(Pistache::Address("127.0.0.1", Pistache::Port(port)));
  endpoint.init(Pistache::Http::Endpoint::options()
                    .threads(threads)
                    .flags(Pistache::Tcp::Options::ReuseAddr)
                    .maxRequestSize(8 << 20));
  endpoint.setHandler(router.handler());
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  endpoint.serveThreaded();
  int received = 0;
  sigwait(&signals, &received);
  endpoint.shutdown();
  return 0;
}
