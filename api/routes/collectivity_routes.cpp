#include "api/routes/routes.hpp"
namespace nuitee::api {
void RegisterCollectivityRoutes(RouteTable&, Services&) {}
}  // namespace nuitee::api
