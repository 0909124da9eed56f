// The web portal's files (web/), served by `nuitee serve` at "/" beside the API: a request that
// no API route answers, for GET or HEAD outside /v1/, is looked up here. Paths without an
// extension are the portal's own pages (its router runs in the browser), so they get index.html.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace nuitee::api {

struct StaticAsset {
  std::string body;
  std::string media_type;
  // index.html answers for every page of the portal; its status stays 200.
  bool page = false;
};

class StaticSite {
 public:
  // `root` empty: no portal (every unknown path is a 404).
  explicit StaticSite(std::filesystem::path root);

  bool enabled() const { return !root_.empty(); }
  // The asset for a request path (already percent-decoded), or nothing: outside the root, a
  // hidden file, an unknown extension, a missing file.
  std::optional<StaticAsset> Find(const std::string& path) const;

 private:
  std::filesystem::path root_;
};

// The media type served for a file name's extension; empty for an extension the portal does not
// serve (so that nothing else in web/ leaks out).
std::string AssetMediaType(const std::string& file_name);

}  // namespace nuitee::api
