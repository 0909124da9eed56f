# Every dependency is a Debian package (see scripts/install-deps.sh); SOCI ships no CMake or
# pkg-config file, so it is found by hand.
find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(Pistache REQUIRED IMPORTED_TARGET libpistache)
# The letters' PDF: cairo's PDF surface, Pango's layout on fontconfig (a private font set).
pkg_check_modules(PangoCairo REQUIRED IMPORTED_TARGET pangocairo pangoft2 cairo-pdf fontconfig)
find_package(OpenSSL REQUIRED)
find_package(CURL REQUIRED)
find_package(PostgreSQL REQUIRED)
find_package(date CONFIG REQUIRED)
find_package(nlohmann_json 3 CONFIG REQUIRED)
find_package(pugixml CONFIG REQUIRED)

find_path(SOCI_INCLUDE_DIR soci/soci.h REQUIRED)
find_library(SOCI_CORE_LIB soci_core REQUIRED)
find_library(SOCI_PG_LIB soci_postgresql REQUIRED)
add_library(soci_core INTERFACE)
target_include_directories(soci_core SYSTEM INTERFACE ${SOCI_INCLUDE_DIR})
target_link_libraries(soci_core INTERFACE ${SOCI_CORE_LIB} ${CMAKE_DL_LIBS} Threads::Threads)
add_library(soci_postgresql INTERFACE)
target_link_libraries(soci_postgresql INTERFACE ${SOCI_PG_LIB} soci_core PostgreSQL::PostgreSQL)
