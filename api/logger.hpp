// One JSON object per line on stderr: requests, jobs and internal errors, with the request id.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace nuitee::api {

enum class LogLevel { kDebug, kInfo, kWarn, kError };
std::optional<LogLevel> ParseLogLevel(std::string_view name);

// While alive, every line written by this thread carries this request id (the database layer's
// error lines included, which know nothing of requests).
class RequestLogScope {
 public:
  explicit RequestLogScope(const std::string& request_id);
  ~RequestLogScope();
  RequestLogScope(const RequestLogScope&) = delete;
  RequestLogScope& operator=(const RequestLogScope&) = delete;
};

class Logger {
 public:
  static void SetLevel(LogLevel level);
  static LogLevel Level();
  // `fields` is merged into the line after "ts", "level" and "event".
  static void Write(LogLevel level, std::string_view event, nlohmann::json fields = {});
  static void Info(std::string_view event, nlohmann::json fields = {}) {
    Write(LogLevel::kInfo, event, std::move(fields));
  }
  static void Error(std::string_view event, nlohmann::json fields = {}) {
    Write(LogLevel::kError, event, std::move(fields));
  }
};

}  // namespace nuitee::api
