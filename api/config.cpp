// Flag and environment parsing, validated once at start.
#include "api/config.hpp"

#include <charconv>
#include <filesystem>
#include <fstream>

#include "domain/mail_address.hpp"

namespace nuitee::api {
namespace {

struct Setting {
  std::string flag;      // --port
  std::string variable;  // NUITEE_PORT
};

const std::vector<Setting> kSettings = {
    {"--bind", "NUITEE_BIND"},
    {"--port", "NUITEE_PORT"},
    {"--threads", "NUITEE_THREADS"},
    {"--pool-size", "NUITEE_POOL_SIZE"},
    {"--log-level", "NUITEE_LOG_LEVEL"},
    {"--database-url", "NUITEE_DATABASE_URL"},
    {"--tls-cert", "NUITEE_TLS_CERT"},
    {"--tls-key", "NUITEE_TLS_KEY"},
    {"--smtp-url", "NUITEE_SMTP_URL"},
    {"--smtp-user", "NUITEE_SMTP_USER"},
    {"--smtp-password", "NUITEE_SMTP_PASSWORD"},
    {"--smtp-from", "NUITEE_SMTP_FROM"},
    {"--smtp-starttls", "NUITEE_SMTP_STARTTLS"},
    {"--smtp-ca-file", "NUITEE_SMTP_CA_FILE"},
    {"--poll-seconds", "NUITEE_POLL_SECONDS"},
    {"--today", "NUITEE_TODAY"},
    {"--portal-url", "NUITEE_PORTAL_URL"},
    {"--web-root", "NUITEE_WEB_ROOT"},
    {"--once", "NUITEE_ONCE"},
};

std::optional<long long> ParseInteger(const std::string& text) {
  long long value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

void ReadInteger(const std::map<std::string, std::string>& values, const Setting& setting,
                 long long min, long long max, long long& out, FieldErrors& errors) {
  auto it = values.find(setting.flag);
  if (it == values.end()) return;
  auto parsed = ParseInteger(it->second);
  if (!parsed || *parsed < min || *parsed > max) {
    errors.Add(setting.flag, setting.flag + " (" + setting.variable +
                                 ") doit être un entier entre " + std::to_string(min) + " et " +
                                 std::to_string(max) + ", reçu « " + it->second + " ».");
    return;
  }
  out = *parsed;
}

}  // namespace

std::string UsageText() {
  return "Usage : nuitee <commande> [options]\n"
         "\n"
         "Commandes :\n"
         "  serve       démarre le serveur HTTP\n"
         "  migrate     applique les migrations de la base de données\n"
         "  seed-demo   charge le territoire de démonstration et deux ans de déclarations\n"
         "              (sans effet s'il est déjà chargé)\n"
         "  import-delta FICHIER\n"
         "              importe les délibérations d'un fichier XML DELTA (DGFiP) pour les\n"
         "              collectivités enregistrées ; tout ou rien\n"
         "  create-operator ADRESSE\n"
         "              crée le compte de l'opérateur de l'instance (il crée les collectivités) ;\n"
         "              mot de passe lu dans NUITEE_OPERATOR_PASSWORD\n"
         "  hash-password\n"
         "              écrit l'empreinte scrypt du mot de passe lu dans NUITEE_PASSWORD (pour\n"
         "              créer des comptes en SQL : scripts, bancs d'essai)\n"
         "  send-mail   envoie les courriels en attente dont l'heure est venue, puis s'arrête\n"
         "              (demande --smtp-url ; serve les envoie aussi en continu)\n"
         "  worker      relance les hébergeurs qui n'ont pas déclaré : invitations, relances,\n"
         "              mises en demeure et taxations d'office proposées, selon le calendrier\n"
         "              de chaque collectivité ; avec --smtp-url, envoie aussi les courriels\n"
         "  --help      affiche cette aide\n"
         "\n"
         "Options (ou variables d'environnement) :\n"
         "  --bind ADRESSE        NUITEE_BIND          adresse d'écoute (127.0.0.1)\n"
         "  --port N              NUITEE_PORT          port HTTP (8080)\n"
         "  --threads N           NUITEE_THREADS       fils de traitement HTTP (4)\n"
         "  --pool-size N         NUITEE_POOL_SIZE     connexions à la base (threads + 1)\n"
         "  --log-level NIVEAU    NUITEE_LOG_LEVEL     debug, info, warn, error (info)\n"
         "  --database-url URL    NUITEE_DATABASE_URL  base PostgreSQL (obligatoire)\n"
         "  --tls-cert FICHIER    NUITEE_TLS_CERT      certificat PEM : sert en HTTPS (avec "
         "--tls-key)\n"
         "  --tls-key FICHIER     NUITEE_TLS_KEY       clé privée PEM du certificat\n"
         "\n"
         "Envoi des courriels (SMTP) :\n"
         "  --smtp-url URL        NUITEE_SMTP_URL      smtp://hôte:port ou smtps://hôte:port ;\n"
         "                                             sans elle, les courriels attendent\n"
         "  --smtp-from ADRESSE   NUITEE_SMTP_FROM     expéditeur, « Nom <adresse> » "
         "(obligatoire)\n"
         "  --smtp-starttls MODE  NUITEE_SMTP_STARTTLS required (défaut) ou optional\n"
         "  --smtp-user NOM       NUITEE_SMTP_USER     identifiant (avec --smtp-password)\n"
         "  --smtp-password MDP   NUITEE_SMTP_PASSWORD mot de passe ; préférez la variable, que\n"
         "                                             les autres utilisateurs ne voient pas\n"
         "  --smtp-ca-file FICHIER NUITEE_SMTP_CA_FILE certificats PEM de confiance du serveur\n"
         "\n"
         "Options de worker :\n"
         "  --once                NUITEE_ONCE          un seul passage, puis s'arrête\n"
         "  --poll-seconds N      NUITEE_POLL_SECONDS  secondes entre deux passages (défaut 60)\n"
         "  --today AAAA-MM-JJ    NUITEE_TODAY         fixe la date du jour (essais) ; sinon la\n"
         "                                             date du jour à Paris\n"
         "  --portal-url URL      NUITEE_PORTAL_URL    adresse du portail écrite dans les courriels\n"
         "  --web-root DOSSIER    NUITEE_WEB_ROOT      fichiers du portail servis à « / » (web/ des\n"
         "                                             sources) ; « aucun » : l'API seule\n";
}

namespace {

// The raw settings by flag (environment first, flags override) and the command word.
struct RawSettings {
  std::string command;
  std::vector<std::string> operands;  // words after the command (import-delta's file)
  bool help = false;
  std::map<std::string, std::string> values;
};

RawSettings ReadRawSettings(const std::vector<std::string>& arguments,
                            const std::map<std::string, std::string>& environment,
                            FieldErrors& errors) {
  RawSettings raw;
  for (const auto& setting : kSettings) {
    if (auto it = environment.find(setting.variable); it != environment.end()) {
      raw.values[setting.flag] = it->second;
    }
  }
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    const std::string& argument = arguments[i];
    if (argument == "--help" || argument == "-h" || argument == "help") {
      raw.help = true;
      return raw;
    }
    if (argument.rfind("--", 0) != 0) {
      if (raw.command.empty()) {
        raw.command = argument;
      } else {
        raw.operands.push_back(argument);
      }
      continue;
    }
    // The one flag without a value.
    if (argument == "--once") {
      raw.values[argument] = "1";
      continue;
    }
    std::string flag = argument;
    std::string value;
    if (auto equals = argument.find('='); equals != std::string::npos) {
      flag = argument.substr(0, equals);
      value = argument.substr(equals + 1);
    } else if (i + 1 < arguments.size()) {
      value = arguments[++i];
    } else {
      errors.Add(flag, "L'option " + flag + " attend une valeur.");
      continue;
    }
    bool known = false;
    for (const auto& setting : kSettings) known = known || setting.flag == flag;
    if (!known) {
      errors.Add(flag, "Option inconnue : " + flag + " (voir nuitee --help).");
      continue;
    }
    raw.values[flag] = value;
  }
  return raw;
}

// HTTPS needs both files, readable now: a typo is reported at start, not at the first handshake.
void ApplyTls(const std::map<std::string, std::string>& values, Config& config,
              FieldErrors& errors) {
  auto certificate = values.find("--tls-cert");
  auto key = values.find("--tls-key");
  if (certificate == values.end() && key == values.end()) return;
  if (certificate == values.end() || key == values.end()) {
    errors.Add("--tls-cert",
               "HTTPS demande à la fois --tls-cert (NUITEE_TLS_CERT) et --tls-key "
               "(NUITEE_TLS_KEY).");
    return;
  }
  for (const auto& [flag, path] : {*certificate, *key}) {
    if (!std::ifstream(path).good()) {
      errors.Add(flag, flag + " : le fichier « " + path + " » est introuvable ou illisible.");
    }
  }
  config.tls_certificate = certificate->second;
  config.tls_private_key = key->second;
}

std::optional<std::string> Value(const std::map<std::string, std::string>& values,
                                 const std::string& flag) {
  auto it = values.find(flag);
  if (it == values.end()) return std::nullopt;
  return it->second;
}

// The login, and the guarantee that the password never travels in clear.
void ApplySmtpLogin(const std::map<std::string, std::string>& values, const std::string& url,
                    mailer::SmtpSettings& smtp, FieldErrors& errors) {
  smtp.user = Value(values, "--smtp-user").value_or("");
  smtp.password = Value(values, "--smtp-password").value_or("");
  if (smtp.user.empty() != smtp.password.empty()) {
    errors.Add(smtp.user.empty() ? "--smtp-user" : "--smtp-password",
               "--smtp-user (NUITEE_SMTP_USER) et --smtp-password (NUITEE_SMTP_PASSWORD) vont "
               "ensemble.");
  }
  // With "optional", a relay that does not offer STARTTLS would receive the password in clear.
  if (!smtp.user.empty() && url.rfind("smtp://", 0) == 0 &&
      smtp.starttls == mailer::StartTls::kOptional) {
    errors.Add("--smtp-starttls",
               "Avec un identifiant, --smtp-starttls doit valoir required (ou l'adresse commencer "
               "par smtps://) : le mot de passe ne doit jamais circuler en clair.");
  }
}

// The relay's settings, checked now so that a typo shows at start and not as dead mails. Never
// echoes the password.
void ApplySmtp(const std::map<std::string, std::string>& values, Config& config,
               FieldErrors& errors) {
  const auto url = Value(values, "--smtp-url");
  if (!url) {
    for (const char* flag :
         {"--smtp-user", "--smtp-password", "--smtp-from", "--smtp-starttls", "--smtp-ca-file"}) {
      if (values.count(flag)) {
        errors.Add(flag, std::string(flag) + " n'a de sens qu'avec --smtp-url (NUITEE_SMTP_URL).");
      }
    }
    return;
  }
  mailer::SmtpSettings smtp;
  smtp.url = *url;
  if (auto valid = mailer::ValidateSmtpUrl(*url); !valid) {
    errors.Add("--smtp-url", "--smtp-url (NUITEE_SMTP_URL) : " + valid.error().message);
  }
  if (auto from = Value(values, "--smtp-from")) {
    auto mailbox = ParseMailbox(*from);
    if (!mailbox) {
      errors.Add("--smtp-from", "--smtp-from (NUITEE_SMTP_FROM) : " + mailbox.error().message);
    } else {
      smtp.from = *mailbox;
    }
  } else {
    errors.Add("--smtp-from",
               "--smtp-from (NUITEE_SMTP_FROM) est obligatoire avec --smtp-url : c'est "
               "l'expéditeur des courriels, par exemple « Taxe de séjour <taxe@example.fr> ».");
  }
  if (auto mode = Value(values, "--smtp-starttls")) {
    auto parsed = mailer::ParseStartTls(*mode);
    if (!parsed) {
      errors.Add("--smtp-starttls", std::string("--smtp-starttls (NUITEE_SMTP_STARTTLS) vaut ") +
                                        "required ou optional, reçu « " + *mode + " ».");
    } else {
      smtp.starttls = *parsed;
    }
  }
  ApplySmtpLogin(values, *url, smtp, errors);
  if (auto ca_file = Value(values, "--smtp-ca-file")) {
    if (!std::ifstream(*ca_file).good()) {
      errors.Add("--smtp-ca-file",
                 "--smtp-ca-file : le fichier « " + *ca_file + " » est introuvable ou illisible.");
    }
    smtp.ca_file = *ca_file;
  }
  config.smtp = std::move(smtp);
}

// The worker's clock and rhythm.
void ApplyWorker(const std::map<std::string, std::string>& values, Config& config,
                 FieldErrors& errors) {
  long long poll = config.poll_seconds;
  ReadInteger(values, kSettings[14], 1, 86400, poll, errors);
  config.poll_seconds = int(poll);
  if (auto once = Value(values, "--once")) config.once = *once == "1" || *once == "true";
  if (auto today = Value(values, "--today")) {
    config.today = ParseIsoDate(*today);
    if (!config.today) {
      errors.Add("--today", "--today (NUITEE_TODAY) doit être une date AAAA-MM-JJ, reçu « " +
                                *today + " ».");
    }
  }
  config.portal_url = Value(values, "--portal-url")
                          .value_or("http://" + config.bind_address + ":" +
                                    std::to_string(config.port));
  // By default the portal of the sources the binary was built from (NUITEE_DEFAULT_WEB_ROOT),
  // when it is there.
  if (auto web_root = Value(values, "--web-root")) {
    if (*web_root != "aucun" && !std::filesystem::is_directory(*web_root)) {
      errors.Add("--web-root", "--web-root (NUITEE_WEB_ROOT) : le dossier « " + *web_root +
                                   " » est introuvable.");
    }
    config.web_root = *web_root == "aucun" ? std::string() : *web_root;
  } else if (std::filesystem::is_directory(NUITEE_DEFAULT_WEB_ROOT)) {
    config.web_root = NUITEE_DEFAULT_WEB_ROOT;
  }
}

void ApplySettings(const std::map<std::string, std::string>& values, Config& config,
                   FieldErrors& errors) {
  long long port = config.port, threads = config.threads, pool = 0;
  ReadInteger(values, kSettings[1], 0, 65535, port, errors);
  ReadInteger(values, kSettings[2], 1, 256, threads, errors);
  ReadInteger(values, kSettings[3], 1, 1024, pool, errors);
  config.port = int(port);
  config.threads = int(threads);
  config.pool_size = pool > 0 ? std::size_t(pool) : std::size_t(threads) + 1;
  if (auto it = values.find("--bind"); it != values.end()) config.bind_address = it->second;
  if (auto it = values.find("--log-level"); it != values.end()) {
    auto level = ParseLogLevel(it->second);
    if (!level) {
      errors.Add("--log-level",
                 "--log-level (NUITEE_LOG_LEVEL) doit valoir debug, info, warn ou "
                 "error, reçu « " +
                     it->second + " ».");
    } else {
      config.log_level = *level;
    }
  }
  if (auto it = values.find("--database-url"); it != values.end()) config.database_url = it->second;
  ApplyTls(values, config, errors);
  ApplySmtp(values, config, errors);
  ApplyWorker(values, config, errors);
}

}  // namespace

Result<Config> ParseConfig(const std::vector<std::string>& arguments,
                           const std::map<std::string, std::string>& environment) {
  Config config;
  FieldErrors errors;
  RawSettings raw = ReadRawSettings(arguments, environment, errors);
  if (raw.help) {
    config.command = "help";
    return config;
  }
  config.command = raw.command.empty() ? "help" : raw.command;
  if (config.command != "serve" && config.command != "migrate" && config.command != "seed-demo" &&
      config.command != "import-delta" && config.command != "create-operator" &&
      config.command != "send-mail" && config.command != "hash-password" &&
      config.command != "worker" &&
      config.command != "help") {
    errors.Add("", "Commande inconnue : « " + config.command + " » (voir nuitee --help).");
  }
  // import-delta takes the file to import; create-operator the operator's address.
  const bool takes_operand =
      config.command == "import-delta" || config.command == "create-operator";
  const std::size_t operands = takes_operand ? 1 : 0;
  if (config.command == "import-delta" && raw.operands.empty()) {
    errors.Add("", "import-delta attend le chemin du fichier XML DELTA à importer.");
  }
  if (config.command == "create-operator" && raw.operands.empty()) {
    errors.Add("", "create-operator attend l'adresse électronique de l'opérateur.");
  }
  for (std::size_t i = operands; i < raw.operands.size(); ++i) {
    errors.Add("", "Argument inattendu : « " + raw.operands[i] + " ».");
  }
  if (operands == 1 && !raw.operands.empty()) config.input_file = raw.operands.front();
  ApplySettings(raw.values, config, errors);
  if (config.command != "help" && config.command != "hash-password" &&
      config.database_url.empty()) {
    errors.Add("--database-url",
               "Aucune base de données : indiquez --database-url ou "
               "NUITEE_DATABASE_URL (make demo le fait pour vous).");
  }
  if (config.command == "send-mail" && !config.smtp) {
    errors.Add("--smtp-url",
               "send-mail a besoin d'un serveur SMTP : indiquez --smtp-url (NUITEE_SMTP_URL).");
  }
  if (!errors.empty()) return Fail(errors.ToError());
  return config;
}

}  // namespace nuitee::api
