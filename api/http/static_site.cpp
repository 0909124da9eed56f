#include "api/http/static_site.hpp"

#include <fstream>
#include <iterator>
#include <map>
#include <sstream>

namespace nuitee::api {

namespace {

std::optional<std::string> ReadFile(const std::filesystem::path& file) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(file, error)) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream body;
  body << in.rdbuf();
  return body.str();
}

// Refuses what could step outside the root or reach a file no page needs: "..", ".", empty
// segments after the first, hidden names (".git", ".env"), backslashes and NUL.
bool SafeRelativePath(const std::string& path) {
  if (path.empty() || path.front() != '/') return false;
  if (path.find('\\') != std::string::npos || path.find('\0') != std::string::npos) return false;
  std::size_t start = 1;
  while (start <= path.size()) {
    const std::size_t end = std::min(path.find('/', start), path.size());
    const std::string segment = path.substr(start, end - start);
    if (!segment.empty() && segment.front() == '.') return false;
    if (segment.empty() && end != path.size()) return false;
    start = end + 1;
  }
  return true;
}

}  // namespace

std::string AssetMediaType(const std::string& file_name) {
  static const std::map<std::string, std::string> types = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".json", "application/json; charset=utf-8"},
      {".webmanifest", "application/manifest+json"},
      {".txt", "text/plain; charset=utf-8"},
      {".woff2", "font/woff2"},
  };
  const auto dot = file_name.rfind('.');
  if (dot == std::string::npos) return {};
  const auto found = types.find(file_name.substr(dot));
  return found == types.end() ? std::string() : found->second;
}

StaticSite::StaticSite(std::filesystem::path root) : root_(std::move(root)) {}

std::optional<StaticAsset> StaticSite::Find(const std::string& path) const {
  if (!enabled() || !SafeRelativePath(path)) return std::nullopt;
  if (path == "/v1" || path.rfind("/v1/", 0) == 0) return std::nullopt;
  const std::string last = path.substr(path.rfind('/') + 1);
  // A portal page ("/", "/hebergeur/declarations/2026-03"): the shell, whose script draws it.
  if (last.find('.') == std::string::npos) {
    auto body = ReadFile(root_ / "index.html");
    if (!body) return std::nullopt;
    return StaticAsset{std::move(*body), AssetMediaType("index.html"), true};
  }
  const std::string media_type = AssetMediaType(last);
  if (media_type.empty()) return std::nullopt;
  auto body = ReadFile(root_ / path.substr(1));
  if (!body) return std::nullopt;
  return StaticAsset{std::move(*body), media_type, false};
}

}  // namespace nuitee::api
