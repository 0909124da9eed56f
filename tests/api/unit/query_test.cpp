// Query strings: percent-decoding and the opaque pagination cursor.
#include "api/http/query.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <optional>
#include <set>
#include <string>

namespace nuitee::api {
namespace {

struct DecodeCase {
  const char* raw;
  const char* decoded;
};

class PercentDecodeTable : public testing::TestWithParam<DecodeCase> {};

TEST_P(PercentDecodeTable, DecodesEscapesAndPlus) {
  auto decoded = PercentDecode(GetParam().raw);
  ASSERT_TRUE(decoded.has_value()) << GetParam().raw;
  EXPECT_EQ(*decoded, GetParam().decoded);
}

INSTANTIATE_TEST_SUITE_P(
    PercentDecode, PercentDecodeTable,
    testing::Values(DecodeCase{"", ""}, DecodeCase{"aurillac", "aurillac"},
                    DecodeCase{"a%20b+c", "a b c"}, DecodeCase{"+", " "}, DecodeCase{"%2B", "+"},
                    DecodeCase{"%2b", "+"},  // either case of hex
                    DecodeCase{"%25", "%"}, DecodeCase{"%41%42", "AB"},
                    DecodeCase{"Saint-Flour%20%28Cantal%29", "Saint-Flour (Cantal)"},
                    DecodeCase{"G%C3%AEte", "G\xc3\xaete"},  // "Gîte" in UTF-8
                    DecodeCase{"2025-07-14", "2025-07-14"}, DecodeCase{"a%3Db%26c", "a=b&c"},
                    DecodeCase{"%2525", "%25"}));  // decoded once only

class MalformedPercentEscape : public testing::TestWithParam<const char*> {};

TEST_P(MalformedPercentEscape, IsRejected) {
  EXPECT_FALSE(PercentDecode(GetParam()).has_value()) << GetParam();
}

INSTANTIATE_TEST_SUITE_P(PercentDecode, MalformedPercentEscape,
                         testing::Values("%", "%4", "a%4", "%%41", "%G1", "%1G", "%zz", "abc%",
                                         "%-1", "% 1"));

TEST(PercentDecode, DecodesANulByte) {
  auto decoded = PercentDecode("a%00b");
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(*decoded, std::string("a\0b", 3));
}

// --- Cursors ---

class CursorRoundTrip : public testing::TestWithParam<long long> {};

TEST_P(CursorRoundTrip, DecodesToWhatWasEncoded) {
  const std::string cursor = EncodeCursor(GetParam());
  EXPECT_EQ(DecodeCursor(cursor), GetParam()) << cursor;
}

TEST_P(CursorRoundTrip, IsUrlSafe) {
  for (char c : EncodeCursor(GetParam())) {
    const bool safe = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_';
    EXPECT_TRUE(safe) << c;
  }
}

INSTANTIATE_TEST_SUITE_P(Cursor, CursorRoundTrip,
                         testing::Values(0LL, 1LL, 9LL, 10LL, 42LL, 255LL, 1000LL, 123456789LL,
                                         4294967296LL, std::numeric_limits<long long>::max()));

TEST(Cursor, DoesNotShowThePositionInClear) {
  EXPECT_EQ(EncodeCursor(42).find("42"), std::string::npos);
}

TEST(Cursor, GivesDistinctCursorsForDistinctPositions) {
  std::set<std::string> cursors;
  for (long long position = 0; position < 1000; ++position) cursors.insert(EncodeCursor(position));
  EXPECT_EQ(cursors.size(), 1000u);
}

class GarbageCursor : public testing::TestWithParam<std::string> {};

TEST_P(GarbageCursor, IsRejected) { EXPECT_FALSE(DecodeCursor(GetParam()).has_value()); }

INSTANTIATE_TEST_SUITE_P(
    Cursor, GarbageCursor,
    testing::Values("", "!", "42", "abc", "czQy=",   // padding is not used
                    "czQy+", "czQy/",                // standard base64 characters
                    "cw",                            // "s" with no digits
                    "eDQy",                          // "x42": wrong prefix
                    "cy0x",                          // "s-1": negative
                    "czR4",                          // "s4x"
                    "czQyAA",                        // "s42\0"
                    "cyA0Mg",                        // "s 42"
                    "czk5OTk5OTk5OTk5OTk5OTk5OTk5",  // "s99999999999999999999": too large
                    std::string(33, 'A'), std::string("cz\0y", 4)));

TEST(Cursor, RejectsACursorWithAppendedCharacters) {
  EXPECT_FALSE(DecodeCursor(EncodeCursor(42) + "AA").has_value());
}

TEST(WithPagination, AddsLimitAndCursor) {
  EXPECT_EQ(WithPagination({"commune"}), (std::set<std::string>{"commune", "cursor", "limit"}));
  EXPECT_EQ(WithPagination({}), (std::set<std::string>{"cursor", "limit"}));
}

}  // namespace
}  // namespace nuitee::api
