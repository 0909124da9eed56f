// Response sending: headers every answer carries, the keep-alive fix, and the request log line.
#include "api/http/exchange.hpp"

#include <random>

#include "api/http/identifiers.hpp"
#include "api/logger.hpp"

namespace nuitee::api {
namespace {

using Pistache::Http::Code;
namespace Header = Pistache::Http::Header;

std::string NewRequestId() {
  thread_local std::mt19937_64 generator{std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id(16, '0');
  auto bits = generator();
  for (auto& c : id) {
    c = kHex[bits & 0xF];
    bits >>= 4;
  }
  return id;
}

// A caller's own id is kept when it is short and plain, so traces can span services.
bool IsUsableRequestId(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
  }
  return true;
}

// Pistache 0.0.5 writes only typed headers on the wire (addRaw ones are silently dropped), so
// every header we set by name goes through this runtime-named typed header.
class NamedHeader : public Header::Header {
 public:
  NamedHeader(std::string name, std::string value)
      : name_(std::move(name)), value_(std::move(value)) {}
  const char* name() const override { return name_.c_str(); }
  uint64_t hash() const override { return std::hash<std::string>{}(name_); }
  void write(std::ostream& stream) const override { stream << value_; }

 private:
  std::string name_;
  std::string value_;
};

// The headers every answer carries with the same value, built once and shared by every response
// (Pistache only reads a header when it writes the answer): the simulator is the busiest route,
// and six allocations and copies per answer were a measurable share of it (BENCHMARKS.md).
std::shared_ptr<NamedHeader> Shared(const char* name, const char* value) {
  return std::make_shared<NamedHeader>(name, value);
}

using HeaderList = std::vector<std::shared_ptr<NamedHeader>>;

// A constant set of headers, and the same under TLS: HTTPS only for a year (RFC 6797).
struct HeaderSet {
  explicit HeaderSet(HeaderList headers) : plain(std::move(headers)), under_tls(plain) {
    under_tls.push_back(Shared("Strict-Transport-Security", "max-age=31536000"));
  }
  const HeaderList& For(bool strict_transport) const {
    return strict_transport ? under_tls : plain;
  }
  HeaderList plain;
  HeaderList under_tls;
};

// No MIME sniffing, no framing by another site, nothing loaded from elsewhere (the API's answers
// are data, never stored by a cache either).
const HeaderList& ConstantHeaders(bool strict_transport) {
  static const HeaderSet headers({
      Shared("Cache-Control", "no-store"),
      Shared("X-Content-Type-Options", "nosniff"),
      Shared("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"),
      Shared("X-Frame-Options", "DENY"),
      Shared("Referrer-Policy", "no-referrer"),
  });
  return headers.For(strict_transport);
}

// The portal's files: its own scripts, styles and images only (no inline script, nothing from
// elsewhere: the portal works with no network beyond the service), revalidated on each load so
// that a new release is seen at once, and the addresses of pages (invitation links carry a
// token) never sent on as a referrer.
const HeaderList& PortalHeaders(bool strict_transport) {
  static const HeaderSet headers({
      Shared("Cache-Control", "no-cache"),
      Shared("X-Content-Type-Options", "nosniff"),
      Shared("Content-Security-Policy",
             "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
             "form-action 'self'; frame-ancestors 'none'"),
      Shared("X-Frame-Options", "DENY"),
      Shared("Referrer-Policy", "no-referrer"),
  });
  return headers.For(strict_transport);
}

// The media types the service answers with, parsed once.
Pistache::Http::Mime::MediaType ParsedMediaType(const std::string& text) {
  static const std::string json_text = "application/json; charset=utf-8";
  static const std::string problem_text = "application/problem+json; charset=utf-8";
  static const auto json = Pistache::Http::Mime::MediaType::fromString(json_text);
  static const auto problem = Pistache::Http::Mime::MediaType::fromString(problem_text);
  if (text == json_text) return json;
  if (text == problem_text) return problem;
  return Pistache::Http::Mime::MediaType::fromString(text);
}

}  // namespace

Exchange::Exchange(const Pistache::Rest::Request& request, Pistache::Http::ResponseWriter response)
    : request_(request),
      response_(std::move(response)),
      path_(request.resource()),
      started_(std::chrono::steady_clock::now()) {
  auto incoming = Header("X-Request-Id");
  request_id_ = incoming && IsUsableRequestId(*incoming) ? *incoming : NewRequestId();
}

Exchange::~Exchange() {
  // A handler that forgot to answer would leave the client hanging: answer for it.
  if (!sent_) {
    Logger::Error("response_missing", {{"request_id", request_id_}, {"path", path_}});
    SendError(Error::Internal());
  }
}

std::string Exchange::method() const { return Pistache::Http::methodString(request_.method()); }

std::string Exchange::Param(const std::string& name) const {
  return request_.param(":" + name).as<std::string>();
}

std::optional<std::string> Exchange::Header(const std::string& name) const {
  auto raw = request_.headers().tryGetRaw(name);
  if (!raw) return std::nullopt;
  return raw->value();
}

Result<CollectivityId> Exchange::Tenant() const {
  if (!principal_ || !principal_->collectivity) {
    return Fail(Error::NotFound("Aucune ressource ne porte cet identifiant."));
  }
  return *principal_->collectivity;
}

std::string Exchange::Actor() const {
  if (!principal_) return "anonyme";
  if (principal_->kind == UserKind::kPlatform) {
    return "plateforme " + principal_->display_name + " (clé " + principal_->email + "…)";
  }
  if (on_behalf_of_) {
    return principal_->email + " pour le compte de l'hébergeur " + on_behalf_of_->value();
  }
  return principal_->email;
}

void Exchange::SendJson(Code code, const nlohmann::json& body, std::optional<long long> version) {
  if (version) AddHeader("ETag", "\"" + std::to_string(*version) + "\"");
  Finish(code, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
         "application/json; charset=utf-8");
}

void Exchange::SendJsonText(Code code, const std::string& body) {
  Finish(code, body, "application/json; charset=utf-8");
}

void Exchange::SendText(Code code, const std::string& body, const std::string& media_type) {
  Finish(code, body, media_type);
}

void Exchange::SendCreated(const std::string& location, const nlohmann::json& body,
                           long long version) {
  response_.headers().add<Header::Location>(location);
  SendJson(Code::Created, body, version);
}

void Exchange::SendError(const Error& error) { SendProblem(ProblemFor(error)); }

void Exchange::SendProblem(const Problem& problem) {
  if (problem.status == Code::Unauthorized) AddHeader("WWW-Authenticate", "Bearer");
  if (problem.status == Code::Service_Unavailable) {
    AddHeader("Retry-After", "5");
  }
  Finish(problem.status, ProblemBody(problem, path_, request_id_).dump(),
         "application/problem+json; charset=utf-8");
}

void Exchange::AddHeader(const std::string& name, const std::string& value) {
  response_.headers().add(std::make_shared<NamedHeader>(name, value));
}

void Exchange::SendNoContent() { Finish(Code::No_Content, "", ""); }

// On every response: the security headers, "no-store" included, since answers carry personal data
// (ConstantHeaders).
void Exchange::AddSecurityHeaders() {
  const auto& headers = asset_ ? PortalHeaders(strict_transport_) : ConstantHeaders(strict_transport_);
  for (const auto& header : headers) response_.headers().add(header);
}

void Exchange::SendAsset(const std::string& body, const std::string& media_type) {
  asset_ = true;
  Finish(Code::Ok, body, media_type);
}

void Exchange::Finish(Code code, const std::string& body, const std::string& media_type) {
  if (sent_) return;
  sent_ = true;
  auto& headers = response_.headers();
  AddHeader("X-Request-Id", request_id_);
  AddSecurityHeaders();
  // Pistache 0.0.5 answers "Connection: close" to HTTP/1.1 requests without a Connection header,
  // which makes every client reconnect (docs: ../shared/STACK.md §3).
  if (request_.version() == Pistache::Http::Version::Http11 &&
      !request_.headers().has<Header::Connection>()) {
    headers.remove<Header::Connection>();
    headers.add<Header::Connection>(Pistache::Http::ConnectionControl::KeepAlive);
  }
  if (!media_type.empty()) {
    headers.add<Header::ContentType>(ParsedMediaType(media_type));
  }
  response_.send(code, omit_body_ ? std::string() : body);
  if (Logger::Level() > LogLevel::kInfo) return;  // the line would be built only to be dropped
  const auto elapsed = std::chrono::steady_clock::now() - started_;
  Logger::Info("request",
               {{"method", method()},
                {"path", path_},
                {"status", static_cast<int>(code)},
                {"duration_ms",
                 std::chrono::duration_cast<std::chrono::microseconds>(elapsed).count() / 1000.0},
                {"request_id", request_id_}});
}

}  // namespace nuitee::api
