// The SMTP client: one libcurl easy handle kept from mail to mail, so its connection is reused.
#include "mailer/smtp_transport.hpp"

#include <curl/curl.h>

#include <cstring>
#include <memory>
#include <mutex>

#include "mailer/mime_message.hpp"

namespace nuitee::mailer {
namespace {

struct Upload {
  const std::string& data;
  std::size_t offset = 0;
};

std::size_t ReadMessage(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const std::size_t room = size * count;
  const std::size_t left = upload->data.size() - upload->offset;
  const std::size_t n = std::min(room, left);
  std::memcpy(buffer, upload->data.data() + upload->offset, n);
  upload->offset += n;
  return n;
}

int CheckAbort(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  return static_cast<std::atomic<bool>*>(user)->load() ? 1 : 0;
}

void InitialiseCurlOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::string Summary(CURLcode code) {
  switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
      return "Le nom du serveur SMTP est introuvable";
    case CURLE_COULDNT_CONNECT:
      return "Le serveur SMTP est injoignable";
    case CURLE_OPERATION_TIMEDOUT:
      return "Le serveur SMTP n'a pas répondu à temps";
    case CURLE_LOGIN_DENIED:
      return "Le serveur SMTP a refusé l'identifiant ou le mot de passe";
    case CURLE_USE_SSL_FAILED:
      return "Le serveur SMTP ne propose pas STARTTLS, que la configuration exige";
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
      return "La connexion chiffrée avec le serveur SMTP a échoué";
    case CURLE_ABORTED_BY_CALLBACK:
      return "Envoi interrompu par l'arrêt du serveur";
    default:
      return "L'envoi SMTP a échoué";
  }
}

}  // namespace

std::string_view StartTlsName(StartTls mode) {
  return mode == StartTls::kRequired ? "required" : "optional";
}

std::optional<StartTls> ParseStartTls(std::string_view name) {
  if (name == "required") return StartTls::kRequired;
  if (name == "optional") return StartTls::kOptional;
  return std::nullopt;
}

Status ValidateSmtpUrl(std::string_view url) {
  std::string_view rest;
  if (url.rfind("smtp://", 0) == 0) {
    rest = url.substr(7);
  } else if (url.rfind("smtps://", 0) == 0) {
    rest = url.substr(8);
  } else {
    return Fail(Error::InvalidArgument("",
                                       "L'adresse du serveur SMTP commence par smtp:// ou "
                                       "smtps://."));
  }
  const std::string_view authority = rest.substr(0, rest.find('/'));
  if (authority.empty() || authority.front() == ':') {
    return Fail(Error::InvalidArgument("", "L'adresse du serveur SMTP ne nomme aucun serveur."));
  }
  if (authority.find('@') != std::string_view::npos) {
    return Fail(Error::InvalidArgument(
        "",
        "Ne mettez pas l'identifiant ni le mot de passe dans l'adresse du serveur SMTP : "
        "utilisez --smtp-user et --smtp-password."));
  }
  if (url.find_first_of("?# \t\r\n") != std::string_view::npos) {
    return Fail(Error::InvalidArgument(
        "", "L'adresse du serveur SMTP ne contient ni espace, ni « ? », ni « # »."));
  }
  return {};
}

DeliveryReport ClassifySmtpResult(int curl_code, long reply_code, std::string_view curl_detail) {
  using Outcome = DeliveryReport::Outcome;
  const auto code = static_cast<CURLcode>(curl_code);
  if (code == CURLE_OK) {
    return {Outcome::kSent, "Accepté par le serveur SMTP (" + std::to_string(reply_code) + ")"};
  }
  std::string detail =
      Summary(code) + " (" +
      (curl_detail.empty() ? std::string(curl_easy_strerror(code)) : std::string(curl_detail));
  if (reply_code > 0) detail += ", réponse " + std::to_string(reply_code);
  detail += ")";
  const bool recipient_refused = code == CURLE_SEND_ERROR && reply_code >= 500 &&
                                 reply_code <= 599 && curl_detail.rfind("RCPT", 0) == 0;
  if (recipient_refused) {
    return {Outcome::kPermanent,
            "Le serveur SMTP refuse ce destinataire (" + std::string(curl_detail) + ")"};
  }
  return {Outcome::kTransient, detail};
}

SmtpTransport::SmtpTransport(SmtpSettings settings) : settings_(std::move(settings)) {
  InitialiseCurlOnce();
}

DeliveryReport SmtpTransport::Send(const OutgoingMail& mail) {
  const std::string message =
      ComposeMessage(settings_.from, mail, std::chrono::system_clock::now());
  std::lock_guard lock(sending_);
  if (handle_) {
    curl_easy_reset(handle_.get());  // the options go; the open connection stays
  } else {
    handle_ = {curl_easy_init(), [](void* handle) { curl_easy_cleanup(handle); }};
    if (!handle_.get()) {
      handle_.reset();
      return {DeliveryReport::Outcome::kTransient, "libcurl n'a pas pu démarrer"};
    }
  }
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> recipients(
      curl_slist_append(nullptr, ("<" + mail.recipient + ">").c_str()), curl_slist_free_all);
  const std::string sender = "<" + settings_.from.address + ">";
  Upload upload{message};
  char error[CURL_ERROR_SIZE] = {};
  CURL* handle = handle_.get();
  curl_easy_setopt(handle, CURLOPT_URL, settings_.url.c_str());
  curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(handle, CURLOPT_MAIL_FROM, sender.c_str());
  curl_easy_setopt(handle, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(handle, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(handle, CURLOPT_READFUNCTION, ReadMessage);
  curl_easy_setopt(handle, CURLOPT_READDATA, &upload);
  curl_easy_setopt(handle, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
  curl_easy_setopt(handle, CURLOPT_USE_SSL,
                   settings_.starttls == StartTls::kRequired ? static_cast<long>(CURLUSESSL_ALL)
                                                             : static_cast<long>(CURLUSESSL_TRY));
  if (!settings_.user.empty()) {
    curl_easy_setopt(handle, CURLOPT_USERNAME, settings_.user.c_str());
    curl_easy_setopt(handle, CURLOPT_PASSWORD, settings_.password.c_str());
  }
  if (!settings_.ca_file.empty())
    curl_easy_setopt(handle, CURLOPT_CAINFO, settings_.ca_file.c_str());
  curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT,
                   static_cast<long>(settings_.connect_timeout.count()));
  curl_easy_setopt(handle, CURLOPT_TIMEOUT, static_cast<long>(settings_.timeout.count()));
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);  // several threads: no SIGALRM for timeouts
  curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(handle, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(handle, CURLOPT_XFERINFOFUNCTION, CheckAbort);
  curl_easy_setopt(handle, CURLOPT_XFERINFODATA, &aborted_);
  const CURLcode result = aborted_ ? CURLE_ABORTED_BY_CALLBACK : curl_easy_perform(handle);
  long reply = 0;
  curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &reply);
  DeliveryReport report = ClassifySmtpResult(result, reply, error);
  if (result != CURLE_OK) handle_.reset();  // never reuse a connection left in doubt
  return report;
}

}  // namespace nuitee::mailer
