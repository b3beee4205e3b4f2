#include "skillscore/lsp/server.hpp"

#include <spdlog/spdlog.h>

#include <csignal>
#include <map>
#include <optional>
#include <span>
#include <nlohmann/json.hpp>

#include "analysis.hpp"
#include "skillscore/rules/kinds.hpp"
#include "transport.hpp"

namespace skillscore::lsp {
using nlohmann::json;

namespace {

// JSON-RPC and LSP error codes.
enum ErrorCode : int {
  k_parse_error = -32700,
  k_invalid_request = -32600,
  k_method_not_found = -32601,
  k_invalid_params = -32602,
  k_internal_error = -32603,
  k_server_not_initialized = -32002,
};

// The methods the server answers: requests (an id, a reply) and
// notifications; any other is "method not found" as a request, ignored as a
// notification ($/cancelRequest, initialized, $/setTrace...).
enum class Method { Initialize, Shutdown, Exit, CodeAction, Hover, DidOpen, DidChange, DidSave, DidClose };

constexpr rules::KindInfo<Method> k_methods[] = {
    {Method::Initialize, "initialize", "request: the capabilities"},
    {Method::Shutdown, "shutdown", "request: no more requests; exit then ends with 0"},
    {Method::Exit, "exit", "notification: the process ends (1 without shutdown first)"},
    {Method::CodeAction, "textDocument/codeAction", "request: the safe fixes for the diagnostics given"},
    {Method::Hover, "textDocument/hover", "request: the findings on a line, as Markdown"},
    {Method::DidOpen, "textDocument/didOpen", "notification: score the text, publish its diagnostics"},
    {Method::DidChange, "textDocument/didChange", "notification: apply the changes, score again"},
    {Method::DidSave, "textDocument/didSave", "notification: score the saved text again"},
    {Method::DidClose, "textDocument/didClose", "notification: forget the text, clear its diagnostics"},
};

std::optional<Method> method_of(const json& name) {
  if (!name.is_string()) return std::nullopt;
  return rules::kind_from_name(std::span<const rules::KindInfo<Method>>(k_methods), name.get_ref<const std::string&>());
}

struct OpenDocument {
  std::string text;
  json version;
  std::string path;  // "" when not a file: URI
  Analysis analysis;
};

struct RequestError {
  int code;
  std::string message;
};

const json& need(const json& j, const char* key) {
  if (!j.is_object() || !j.contains(key)) throw RequestError{k_invalid_params, std::string("missing '") + key + "'"};
  return j[key];
}

std::string need_string(const json& j, const char* key) {
  const json& v = need(j, key);
  if (!v.is_string()) throw RequestError{k_invalid_params, std::string("'") + key + "' is not a string"};
  return v.get<std::string>();
}

Position need_position(const json& j) {
  const json& line = need(j, "line");
  const json& ch = need(j, "character");
  if (!line.is_number_unsigned() || !ch.is_number_unsigned()) throw RequestError{k_invalid_params, "bad position"};
  return {line.get<std::size_t>(), ch.get<std::size_t>()};
}

// Nesting deeper than this is refused before parsing: nlohmann's dump()
// recurses, and a client's diagnostics are echoed back in code actions.
constexpr std::size_t k_max_depth = 256;

bool too_deep(std::string_view body) {
  std::size_t depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > k_max_depth) return true;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return false;
}

class Server {
 public:
  Server(int in_fd, int out_fd, const ServerOptions& o) : transport_(in_fd, out_fd), options_(o) {}

  int run() {
    while (true) {
      auto frame = transport_.read();
      if (frame.status == Transport::Status::End) return shut_down_ ? 0 : 1;
      if (frame.status == Transport::Status::BadFrame) {
        send_error(nullptr, k_parse_error, frame.error);
        continue;
      }
      if (too_deep(frame.body)) {
        send_error(nullptr, k_parse_error, "the message nests deeper than " + std::to_string(k_max_depth) + " levels");
        continue;
      }
      json msg = json::parse(frame.body, nullptr, false);
      if (msg.is_discarded()) {
        send_error(nullptr, k_parse_error, "the message is not JSON");
        continue;
      }
      if (msg.is_object() && msg.contains("method") && method_of(msg["method"]) == Method::Exit) return shut_down_ ? 0 : 1;
      handle(msg);
    }
  }

 private:
  void send(const json& msg) {
    transport_.write(msg.dump(-1, ' ', false, json::error_handler_t::replace));
  }
  void send_error(const json& id, int code, const std::string& message) {
    send({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
  }

  void handle(const json& msg) {
    if (!msg.is_object()) {
      send_error(nullptr, k_invalid_request, "a message is a JSON object");
      return;
    }
    const bool has_id = msg.contains("id");
    const json id = has_id ? msg["id"] : json(nullptr);
    if (has_id && !(id.is_number_integer() || id.is_string())) {
      send_error(nullptr, k_invalid_request, "'id' must be an integer or a string");
      return;
    }
    if (!msg.contains("method")) return;  // a response to a request we never make
    if (!msg["method"].is_string() || msg.value("jsonrpc", json()) != "2.0") {
      if (has_id) send_error(id, k_invalid_request, "expected jsonrpc '2.0' and a string 'method'");
      return;
    }
    const std::string method = msg["method"].get<std::string>();
    const json params = msg.contains("params") ? msg["params"] : json::object();
    try {
      if (has_id) {
        request(id, method, params);
      } else {
        notification(method, params);
      }
    } catch (const RequestError& e) {
      if (has_id) send_error(id, e.code, e.message);
      else spdlog::warn("lsp: {}: {}", method, e.message);
    } catch (const std::exception& e) {
      if (has_id) send_error(id, k_internal_error, e.what());
      else spdlog::error("lsp: {}: {}", method, e.what());
    }
  }

  void request(const json& id, const std::string& method, const json& params) {
    const auto m = method_of(method);
    if (m == Method::Initialize) {
      if (initialized_) throw RequestError{k_invalid_request, "initialize was already received"};
      initialized_ = true;
      send({{"jsonrpc", "2.0"}, {"id", id}, {"result", capabilities()}});
      return;
    }
    if (!initialized_) throw RequestError{k_server_not_initialized, "initialize first"};
    if (shut_down_) throw RequestError{k_invalid_request, "the server is shut down"};
    json result;
    switch (m.value_or(Method::Exit)) {
      case Method::Shutdown:
        shut_down_ = true;
        result = nullptr;
        break;
      case Method::CodeAction:
        result = code_action(params);
        break;
      case Method::Hover:
        result = hover(params);
        break;
      default:  // not a request of ours (or a notification sent with an id)
        throw RequestError{k_method_not_found, "unknown method '" + method + "'"};
    }
    send({{"jsonrpc", "2.0"}, {"id", id}, {"result", result}});
  }

  void notification(const std::string& method, const json& params) {
    if (!initialized_ || shut_down_) return;
    const auto m = method_of(method);
    if (!m) return;  // initialized, $/cancelRequest, $/setTrace and the rest: nothing to do.
    switch (*m) {
      case Method::DidOpen: {
        const json& td = need(params, "textDocument");
        const std::string uri = need_string(td, "uri");
        OpenDocument& d = docs_[uri];
        d.text = need_string(td, "text");
        d.version = td.value("version", json());
        d.path = path_of_uri(uri);
        publish(uri, d);
        break;
      }
      case Method::DidChange: {
        const json& td = need(params, "textDocument");
        const auto it = docs_.find(need_string(td, "uri"));
        if (it == docs_.end()) throw RequestError{k_invalid_params, "didChange of a document that is not open"};
        const json& changes = need(params, "contentChanges");
        if (!changes.is_array()) throw RequestError{k_invalid_params, "'contentChanges' is not an array"};
        for (const auto& c : changes) apply_change(it->second.text, c);
        it->second.version = td.value("version", json());
        publish(it->first, it->second);
        break;
      }
      case Method::DidSave: {
        const json& td = need(params, "textDocument");
        const auto it = docs_.find(need_string(td, "uri"));
        if (it == docs_.end()) return;
        if (params.contains("text") && params["text"].is_string()) it->second.text = params["text"].get<std::string>();
        publish(it->first, it->second);
        break;
      }
      case Method::DidClose: {
        const std::string uri = need_string(need(params, "textDocument"), "uri");
        if (docs_.erase(uri)) {
          send({{"jsonrpc", "2.0"}, {"method", "textDocument/publishDiagnostics"},
                {"params", {{"uri", uri}, {"diagnostics", json::array()}}}});
        }
        break;
      }
      default:  // requests sent without an id
        break;
    }
  }

  static void apply_change(std::string& text, const json& change) {
    const std::string replacement = need_string(change, "text");
    if (!change.contains("range")) {
      text = replacement;
      return;
    }
    const json& range = change["range"];
    const LineTable lines(text);
    const std::size_t a = lines.offset_of(need_position(need(range, "start")));
    const std::size_t b = lines.offset_of(need_position(need(range, "end")));
    if (b < a) throw RequestError{k_invalid_params, "a change's range ends before it starts"};
    text.replace(a, b - a, replacement);
  }

  void publish(const std::string& uri, OpenDocument& d) {
    if (d.path.empty() || !is_skill_document(d.path)) return;
    d.analysis = analyze(d.path, d.text, options_.profile);
    json params = {{"uri", uri}, {"diagnostics", d.analysis.diagnostics}};
    if (!d.version.is_null()) params["version"] = d.version;
    send({{"jsonrpc", "2.0"}, {"method", "textDocument/publishDiagnostics"}, {"params", params}});
  }

  json code_action(const json& params) {
    const std::string uri = need_string(need(params, "textDocument"), "uri");
    const auto it = docs_.find(uri);
    if (it == docs_.end() || it->second.path.empty() || !is_skill_document(it->second.path)) return json::array();
    const json context = params.value("context", json::object());
    return code_actions(uri, it->second.path, it->second.text, options_.profile,
                        context.value("diagnostics", json::array()), context.value("only", json()));
  }

  json hover(const json& params) {
    const std::string uri = need_string(need(params, "textDocument"), "uri");
    const Position p = need_position(need(params, "position"));
    const auto it = docs_.find(uri);
    if (it == docs_.end()) return nullptr;
    std::string text;
    std::optional<Range> range;
    for (const auto& f : it->second.analysis.findings) {
      if (f.range.start.line > p.line || f.range.end.line < p.line) continue;
      text += (text.empty() ? "" : "\n\n---\n\n") + f.hover;
      if (!range) range = f.range;
    }
    if (text.empty()) return nullptr;
    return {{"contents", {{"kind", "markdown"}, {"value", text}}},
            {"range", {{"start", {{"line", range->start.line}, {"character", range->start.character}}},
                       {"end", {{"line", range->end.line}, {"character", range->end.character}}}}}};
  }

  static json capabilities() {
    return {{"capabilities",
             {{"positionEncoding", "utf-16"},
              {"textDocumentSync", {{"openClose", true}, {"change", 1}, {"save", {{"includeText", true}}}}},
              {"codeActionProvider", {{"codeActionKinds", json::array({"quickfix", "source.fixAll.skillscore"})}}},
              {"hoverProvider", true}}},
            {"serverInfo", {{"name", "skillscore"}, {"version", SKILLSCORE_VERSION}}}};
  }

  Transport transport_;
  ServerOptions options_;
  std::map<std::string, OpenDocument> docs_;
  bool initialized_ = false;
  bool shut_down_ = false;
};

}  // namespace

int run_server(int in_fd, int out_fd, const ServerOptions& options) {
  // A client that goes away ends the session through the end of its input.
  std::signal(SIGPIPE, SIG_IGN);
  Server server(in_fd, out_fd, options);
  return server.run();
}

}  // namespace skillscore::lsp
