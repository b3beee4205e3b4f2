#include "skillscore/doc/markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>

#include <memory>

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

// Plain text of a node's inline content.
void collect_text(cmark_node* node, std::string& out) {
  for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
    switch (cmark_node_get_type(c)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        if (const char* lit = cmark_node_get_literal(c)) out += lit;
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK: out += ' '; break;
      default: collect_text(c, out); break;
    }
  }
}

std::string first_word(std::string_view info) {
  const auto start = info.find_first_not_of(" \t");
  if (start == std::string_view::npos) return {};
  const auto end = info.find_first_of(" \t", start);
  return std::string(info.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
}

void attach_extension(cmark_parser* parser, const char* name) {
  if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
    cmark_parser_attach_syntax_extension(parser, ext);
  }
}

}  // namespace

void register_markdown_extensions() { cmark_gfm_core_extensions_ensure_registered(); }

Markdown parse_markdown(std::string_view body, std::size_t first_line) {
  Markdown md;
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(CMARK_OPT_DEFAULT));
  // Tables and autolinks are the GFM syntax skills use; the others add nothing we read.
  attach_extension(parser.get(), "table");
  attach_extension(parser.get(), "autolink");
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

}  // namespace skillscore::doc
