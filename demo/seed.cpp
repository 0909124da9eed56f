// Placeholder until the demo territory lands.
#include "demo/seed.hpp"

namespace nuitee::demo {

Result<SeedReport> SeedDemo(persistence::Database&) { return SeedReport{}; }

}  // namespace nuitee::demo
