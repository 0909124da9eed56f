// A fake of PayFiP's SOAP web service on loopback, answering the two operations Nuitée calls as
// the DGFiP's guide describes them: creerPaiementSecurise (gives an idOp) and
// recupererDetailPaiementSecurise (gives the operation's detail, with the resultrans the test
// chose; a SOAP fault for an idOp it never gave). It keeps every envelope received, for the test
// to check what was sent.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace nuitee::testing {

class FakePayfip {
 public:
  FakePayfip();
  ~FakePayfip();
  FakePayfip(const FakePayfip&) = delete;
  FakePayfip& operator=(const FakePayfip&) = delete;

  // The SOAP endpoint, http://127.0.0.1:{port}/tpa/services/securite.
  std::string url() const;
  // What recupererDetailPaiementSecurise answers for `idop` from now on ("P", "R", "A"…); before
  // any call, an operation has no result yet (an empty resultrans).
  void SetResult(const std::string& idop, const std::string& resultrans);
  // Answer another amount (in cents) than the one the operation was created with.
  void SetAmount(const std::string& idop, long long cents);
  // Every envelope received, in order.
  std::vector<std::string> requests() const;
  // The idOp given by the last creerPaiementSecurise.
  std::string last_idop() const;

  struct State;

 private:
  std::shared_ptr<State> state_;
  struct Server;
  std::unique_ptr<Server> server_;
};

}  // namespace nuitee::testing
