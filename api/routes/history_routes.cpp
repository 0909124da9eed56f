#include "api/routes/routes.hpp"
namespace nuitee::api {
void RegisterHistoryRoutes(RouteTable&, Services&) {}
}  // namespace nuitee::api
