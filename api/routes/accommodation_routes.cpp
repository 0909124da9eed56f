#include "api/routes/routes.hpp"
namespace nuitee::api {
void RegisterAccommodationRoutes(RouteTable&, Services&) {}
}  // namespace nuitee::api
