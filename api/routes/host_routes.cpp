#include "api/routes/routes.hpp"
namespace nuitee::api {
void RegisterHostRoutes(RouteTable&, Services&) {}
}  // namespace nuitee::api
