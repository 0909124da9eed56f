// How far a register's free-text search walks in insertion order before it turns to the trigram
// index (persistence/register_search.hpp says why), in rows of the register.
#pragma once

namespace nuitee::persistence {

struct SearchWindows {
  int first_walk = 1000;     // about 0.4 ms on the bench machine
  int longest_walk = 20000;  // about 7 ms
};

}  // namespace nuitee::persistence
