// rates/ computes money with integers and 128-bit rationals only: no binary fractions anywhere.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace nuitee::rates {
namespace {

TEST(RatesSources, UseNoFloatingPointType) {
  const std::filesystem::path directory = std::filesystem::path(NUITEE_SOURCE_DIR) / "rates";
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    const auto extension = entry.path().extension();
    if (extension != ".cpp" && extension != ".hpp") continue;
    std::ifstream file(entry.path());
    std::stringstream text;
    text << file.rdbuf();
    ++files;
    for (const char* word : {"double", "float"}) {
      EXPECT_EQ(text.str().find(word), std::string::npos) << entry.path() << " mentions " << word;
    }
  }
  EXPECT_GT(files, 10);
}

}  // namespace
}  // namespace nuitee::rates
