// JSON line logger; one mutex keeps lines whole when several reactor threads write.
#include "api/logger.hpp"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>

namespace nuitee::api {
namespace {

std::atomic<LogLevel> current_level{LogLevel::kInfo};
std::mutex write_mutex;
thread_local std::string current_request_id;

std::string_view LevelName(LogLevel level) {
  switch (level) {
    case LogLevel::kDebug: return "debug";
    case LogLevel::kInfo: return "info";
    case LogLevel::kWarn: return "warn";
    case LogLevel::kError: return "error";
  }
  return "info";
}

std::string NowUtc() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, int(millis));
  return buffer;
}

}  // namespace

std::optional<LogLevel> ParseLogLevel(std::string_view name) {
  for (auto level : {LogLevel::kDebug, LogLevel::kInfo, LogLevel::kWarn, LogLevel::kError}) {
    if (LevelName(level) == name) return level;
  }
  return std::nullopt;
}

RequestLogScope::RequestLogScope(const std::string& request_id) {
  current_request_id = request_id;
}
RequestLogScope::~RequestLogScope() { current_request_id.clear(); }

void Logger::SetLevel(LogLevel level) { current_level = level; }
LogLevel Logger::Level() { return current_level; }

void Logger::Write(LogLevel level, std::string_view event, nlohmann::json fields) {
  if (level < current_level.load()) return;
  nlohmann::json line = {{"ts", NowUtc()}, {"level", LevelName(level)}, {"event", event}};
  if (fields.is_object()) line.update(fields);
  if (!current_request_id.empty() && !line.contains("request_id")) {
    line["request_id"] = current_request_id;
  }
  const std::string text =
      line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  std::lock_guard lock(write_mutex);
  std::fwrite(text.data(), 1, text.size(), stderr);
  std::fflush(stderr);
}

}  // namespace nuitee::api
