#include "skillscore/doc/markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>

#include "markdown_worker.hpp"

namespace skillscore::doc {
namespace {

struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct IterDeleter {
  void operator()(cmark_iter* i) const { cmark_iter_free(i); }
};

// Plain text of a node's inline content: text and code spans, breaks as
// spaces. Iterative: emphasis can nest as deep as the input is long.
void collect_text(cmark_node* node, std::string& out) {
  std::unique_ptr<cmark_iter, IterDeleter> it(cmark_iter_new(node));
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* c = cmark_iter_get_node(it.get());
    if (c == node) continue;
    switch (cmark_node_get_type(c)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        if (const char* lit = cmark_node_get_literal(c)) out += lit;
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK: out += ' '; break;
      default: break;
    }
  }
}

std::string first_word(std::string_view info) {
  const auto start = info.find_first_not_of(" \t");
  if (start == std::string_view::npos) return {};
  const auto end = info.find_first_of(" \t", start);
  return std::string(info.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
}

MarkdownLimits& limits_storage() {
  static MarkdownLimits limits;
  return limits;
}

}  // namespace

const MarkdownLimits& markdown_limits() { return limits_storage(); }
void set_markdown_limits(const MarkdownLimits& limits) { limits_storage() = limits; }

void register_markdown_extensions() { cmark_gfm_core_extensions_ensure_registered(); }

Markdown parse_markdown_in_process(std::string_view body, std::size_t first_line) {
  Markdown md;
  // No extension is attached. The model reads headings, code blocks and links:
  // the table extension adds nothing to them and has a cell blow-up
  // (CVE-2023-37463); the autolink extension only adds bare-URL links, which no
  // metric reads, and has an out-of-bounds read (CVE-2023-22485) and its own
  // quadratic inputs (CVE-2022-39209). `<https://...>` autolinks are CommonMark
  // core and still parsed.
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(CMARK_OPT_DEFAULT));
  cmark_parser_feed(parser.get(), body.data(), body.size());
  std::unique_ptr<cmark_node, NodeDeleter> root(cmark_parser_finish(parser.get()));
  std::unique_ptr<cmark_iter, IterDeleter> iter(cmark_iter_new(root.get()));
  const std::size_t offset = first_line - 1;
  cmark_event_type ev;
  while ((ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(iter.get());
    const std::size_t line = offset + static_cast<std::size_t>(cmark_node_get_start_line(node));
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_HEADING: {
        Heading h;
        h.level = cmark_node_get_heading_level(node);
        collect_text(node, h.text);
        h.line = line;
        md.headings.push_back(std::move(h));
        break;
      }
      case CMARK_NODE_CODE_BLOCK: {
        CodeBlock b;
        int fence_length = 0, fence_offset = 0;
        char fence_char = 0;  // cmark-gfm writes through all three pointers
        b.fenced = cmark_node_get_fenced(node, &fence_length, &fence_offset, &fence_char) != 0;
        if (const char* info = cmark_node_get_fence_info(node)) b.info = info;
        b.language = first_word(b.info);
        if (const char* lit = cmark_node_get_literal(node)) b.literal = lit;
        b.line = line;
        b.end_line = offset + static_cast<std::size_t>(cmark_node_get_end_line(node));
        md.code_blocks.push_back(std::move(b));
        break;
      }
      case CMARK_NODE_HTML_BLOCK: {
        const char* lit = cmark_node_get_literal(node);
        const std::string_view text = lit ? std::string_view(lit) : std::string_view();
        if (text.substr(0, 4) == "<!--") {
          // The block's lines from its literal (cmark-gfm 0.29 reports the
          // start line as the end line of an HTML block).
          auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
          if (lines > 0 && text.back() == '\n') --lines;
          md.html_comments.push_back({line, line + lines});
        }
        break;
      }
      case CMARK_NODE_LINK:
      case CMARK_NODE_IMAGE: {
        Link l;
        if (const char* url = cmark_node_get_url(node)) l.url = url;
        l.image = cmark_node_get_type(node) == CMARK_NODE_IMAGE;
        l.line = line;
        md.links.push_back(std::move(l));
        break;
      }
      default: break;
    }
  }
  return md;
}

Markdown parse_markdown(std::string_view body, std::size_t first_line, const MarkdownLimits& limits) {
  if (limits.isolate && limits.max_bytes > 0 && body.size() > limits.max_bytes) {
    throw MarkdownLimitError("Markdown body too large for the AST: " + std::to_string(body.size()) +
                             " bytes, above the " + std::to_string(limits.max_bytes >> 10) +
                             " KiB that cmark-gfm may parse from untrusted input (see docs/robustness.md)");
  }
  if (!limits.isolate || body.size() <= limits.in_process_max_bytes) return parse_markdown_in_process(body, first_line);
  return detail::parse_isolated(body, first_line, limits);
}

Markdown parse_markdown(std::string_view body, std::size_t first_line) {
  return parse_markdown(body, first_line, markdown_limits());
}

}  // namespace skillscore::doc
