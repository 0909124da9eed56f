// `nuitee serve` serves the web portal (web/) at "/" beside the API: the shell for every page of
// the portal, its files with their media types and the portal's own security headers, and
// nothing outside web/.
#include <gtest/gtest.h>

#include "tests/support/test_server.hpp"

namespace nuitee {
namespace {

using testing::TestServer;

class WebPortal : public ::testing::Test {
 protected:
  TestServer server_;
};

TEST_F(WebPortal, ServesTheShellAtTheRootWithThePortalsSecurityHeaders) {
  auto response = server_.client().Get("/");
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response.Header("content-type"), "text/html; charset=utf-8");
  EXPECT_NE(response.body.find("<html lang=\"fr\">"), std::string::npos);
  EXPECT_NE(response.body.find("/js/app.js"), std::string::npos);
  // Its own scripts and styles only; never framed; revalidated at each load.
  EXPECT_NE(response.Header("content-security-policy").find("default-src 'self'"), std::string::npos);
  EXPECT_NE(response.Header("content-security-policy").find("frame-ancestors 'none'"),
            std::string::npos);
  EXPECT_EQ(response.Header("cache-control"), "no-cache");
  EXPECT_EQ(response.Header("x-content-type-options"), "nosniff");
}

TEST_F(WebPortal, AnswersEveryPageOfThePortalWithTheShell) {
  for (const std::string path : {"/connexion", "/hebergeur", "/compte/activer", "/referent/registre/"}) {
    auto response = server_.client().Get(path);
    EXPECT_EQ(response.status, 200) << path;
    EXPECT_NE(response.body.find("/js/app.js"), std::string::npos) << path;
  }
}

TEST_F(WebPortal, ServesScriptsAndStylesWithTheirMediaTypes) {
  auto script = server_.client().Get("/js/app.js");
  ASSERT_EQ(script.status, 200);
  EXPECT_EQ(script.Header("content-type"), "text/javascript; charset=utf-8");
  auto style = server_.client().Get("/css/app.css");
  ASSERT_EQ(style.status, 200);
  EXPECT_EQ(style.Header("content-type"), "text/css; charset=utf-8");
  auto head = server_.client().Request("HEAD", "/js/app.js");
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
}

TEST_F(WebPortal, ServesNothingOutsideItsFolderNorHiddenFiles) {
  for (const std::string path :
       {"/../CMakeLists.txt", "/js/../../CMakeLists.txt", "/%2e%2e/CMakeLists.txt",
        "/.git/config", "/js/.hidden.js", "/js/absent.js", "/index.php", "/js//app.js"}) {
    auto response = server_.client().Get(path);
    EXPECT_EQ(response.status, 404) << path;
    EXPECT_EQ(response.Header("content-type"), "application/problem+json; charset=utf-8") << path;
  }
}

TEST_F(WebPortal, LeavesTheApiItsOwnAnswers) {
  auto unknown = server_.client().Get("/v1/nothing-here");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.Header("content-type"), "application/problem+json; charset=utf-8");
  EXPECT_EQ(unknown.Header("content-security-policy"), "default-src 'none'; frame-ancestors 'none'");
  auto write = server_.client().Request("POST", "/connexion", "{}");
  EXPECT_EQ(write.status, 404);
}

}  // namespace
}  // namespace nuitee
