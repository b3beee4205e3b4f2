// Tests for Reporter::render/add_rendered and stream_to: a batch renders each
// file's part on the worker that scored it and the in-order sink only
// appends; every format must come out byte for byte as add() writes it, and
// a report file that is never streamed gets it all from finish().
#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "report_fixture.hpp"

using namespace skillscore;
using namespace skillscore::test::report_fixture;

TEST_SUITE("report/render_ahead") {
  TEST_CASE("render + add_rendered + stream_to give what add + take_streamed give, for every format") {
    const Fixture f;
    for (const auto& info : report::formats()) {
      CAPTURE(info.name);
      const std::string expected = f.render(info.format, 0.9);
      // Rendered ahead (all of them first, as workers may), taken in order.
      auto r = report::make_reporter(info.format, f.context(0.9));
      std::vector<std::optional<std::string>> ahead;
      for (const auto& a : f.assessments) ahead.push_back(r->render(a));
      std::ostringstream out;
      for (std::size_t i = 0; i < f.assessments.size(); ++i) {
        if (ahead[i]) r->add_rendered(f.assessments[i], std::move(*ahead[i]));
        else r->add(f.assessments[i]);
        r->stream_to(out);
      }
      for (const auto& e : f.errors) r->add_error(e);
      r->stream_to(out);
      out << r->finish(f.summary(0.9));
      CHECK(out.str() == expected);
      // A report file: nothing streamed, finish() has it all.
      auto whole = report::make_reporter(info.format, f.context(0.9));
      for (const auto& a : f.assessments) whole->add(a);
      for (const auto& e : f.errors) whole->add_error(e);
      CHECK(whole->finish(f.summary(0.9)) == expected);
    }
  }
}
