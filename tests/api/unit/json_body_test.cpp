// Request bodies as JSON objects: what ParseJsonObject accepts, and the problem it gives otherwise.
#include "api/http/json_body.hpp"

#include <gtest/gtest.h>

#include <string>

namespace nuitee::api {
namespace {

// The problem of a body that must be refused; a failure when it is accepted.
Problem ProblemOf(std::string_view body) {
  auto parsed = ParseJsonObject(body);
  EXPECT_FALSE(parsed.has_value()) << body.substr(0, 200);
  if (parsed) return {};
  return parsed.error();
}

// `depth` arrays, one inside the other, as the value of "name".
std::string NestedArrays(std::size_t depth) {
  return R"({"name": )" + std::string(depth, '[') + std::string(depth, ']') + "}";
}

TEST(ParseJsonObject, ReadsAnObject) {
  auto parsed = ParseJsonObject(R"({"name": "Gîte du Lac", "capacity_persons": 4})");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->at("name"), "Gîte du Lac");
}

TEST(ParseJsonObject, RefusesAnythingButAnObject) {
  const Problem problem = ProblemOf("[1, 2]");
  EXPECT_EQ(static_cast<int>(problem.status), 400);
  EXPECT_EQ(problem.slug, "validation");
  ASSERT_EQ(problem.errors.size(), 1u);
  EXPECT_EQ(problem.errors[0].message, "Un objet JSON est attendu, pas un tableau.");
}

TEST(ParseJsonObject, RefusesMalformedJsonNamingTheByte) {
  const Problem problem = ProblemOf(R"({"name": })");
  EXPECT_EQ(problem.slug, "malformed-json");
  EXPECT_NE(problem.detail.find("octet 10"), std::string::npos) << problem.detail;
}

TEST(ParseJsonObject, RefusesANumberBeyondADouble) {
  EXPECT_EQ(ProblemOf(R"({"capacity_persons": 1e400})").slug, "validation");
}

TEST(ParseJsonObject, RefusesMoreThanOneMebibyte) {
  const std::string body = R"({"name": ")" + std::string(kMaxBodyBytes, 'a') + R"("})";
  EXPECT_EQ(static_cast<int>(ProblemOf(body).status), 413);
}

TEST(ParseJsonObject, AcceptsTheDeepestNestingAllowed) {
  // The object itself is the first level.
  EXPECT_TRUE(ParseJsonObject(NestedArrays(kMaxJsonDepth - 1)).has_value());
}

TEST(ParseJsonObject, RefusesDeeperNesting) {
  const Problem problem = ProblemOf(NestedArrays(kMaxJsonDepth));
  EXPECT_EQ(static_cast<int>(problem.status), 400);
  EXPECT_EQ(problem.slug, "validation");
  ASSERT_EQ(problem.errors.size(), 1u);
  EXPECT_EQ(problem.errors[0].message, "Au plus 32 niveaux de tableaux et d'objets imbriqués.");
}

TEST(ParseJsonObject, CountsNoBracketInsideAString) {
  const std::string brackets(100, '[');
  auto parsed = ParseJsonObject(R"({"name": ")" + brackets + R"(\"[{", "a": ["\\"]})");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->at("name"), brackets + "\"[{");
}

// Half a million levels fit in 1 MiB; copying what the parser made of them (as every JsonReader
// does) recursed once per level and overflowed the stack: the server died.
TEST(ParseJsonObject, RefusesAMebibyteOfNestedArraysWithoutOverflowingTheStack) {
  const std::string body = NestedArrays((kMaxBodyBytes - 16) / 2);
  ASSERT_LE(body.size(), kMaxBodyBytes);
  EXPECT_EQ(ProblemOf(body).slug, "validation");
}

}  // namespace
}  // namespace nuitee::api
