#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include "skillscore/doc/markdown.hpp"

int main(int argc, char** argv) {
  skillscore::doc::register_markdown_extensions();
  doctest::Context context;
  context.applyCommandLine(argc, argv);
  return context.run();
}
