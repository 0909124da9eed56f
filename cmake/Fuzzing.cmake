# NUITEE_FUZZ: every library is compiled with libFuzzer's coverage instrumentation and with
# AddressSanitizer and UndefinedBehaviorSanitizer; only the targets of fuzz/ link libFuzzer's main.
# Needs clang (g++ has no libFuzzer): scripts/fuzz.sh configures build/fuzz with clang++-16.
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "NUITEE_FUZZ needs clang (libFuzzer); run `make fuzz`, which configures "
                      "build/fuzz with clang++-16")
endif()
if(CMAKE_CXX_COMPILER_VERSION VERSION_LESS 16)
  # clang 14 (Debian 12's default) lacks P0848 (conditionally trivial special members), so
  # libstdc++ 12's std::expected cannot be instantiated with it.
  message(FATAL_ERROR "NUITEE_FUZZ needs clang 16 or later (std::expected); found "
                      "${CMAKE_CXX_COMPILER_VERSION}")
endif()
if(CMAKE_CXX_COMPILER_VERSION VERSION_LESS 19)
  # libstdc++ 12 declares std::expected only when __cpp_concepts >= 202002L. clang 16 implements
  # what it relies on (P0848) but announces 201907L until clang 19.
  add_compile_options(-U__cpp_concepts -D__cpp_concepts=202002L)
endif()
# vptr checks need the typeinfo of every polymorphic class, which Debian's SOCI does not export.
add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize=vptr
                    -fno-sanitize-recover=undefined -fno-omit-frame-pointer -g)
add_link_options(-fsanitize=address,undefined -fno-sanitize=vptr)
