// The API server answers any request without crashing: the input is a request (method, target,
// content type and body, one per line, the body being the rest) handled by an ApiServer over a
// fresh-per-process embedded store. Every answer is 2xx with a JSON body, or an error whose body
// is a metav1.Status with the same code; never a 500. A watch answers with whole lines of
// JSON events.
#include <boost/json.hpp>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "fuzz/fuzz_check.h"
#include "impl/apiserver/apiserver.h"
#include "impl/store/store.h"

namespace {

struct Fixture {
  Fixture() {
    dir = std::filesystem::temp_directory_path() / ("kref-api-fuzz-" + std::to_string(getpid()));
    std::filesystem::remove_all(dir);
    kref::store::StoreOptions options;
    options.data_dir = dir.string();
    options.sync = false;
    store = std::move(kref::store::Store::Open(options).value());
    server = std::make_unique<kref::apiserver::ApiServer>(*store, kref::api::Registry::Default(),
                                                          kref::apiserver::ApiServerOptions{});
    FUZZ_CHECK(server->Bootstrap().ok());
  }
  ~Fixture() {
    server.reset();
    store.reset();
    std::filesystem::remove_all(dir);
  }
  std::filesystem::path dir;
  std::unique_ptr<kref::store::Store> store;
  std::unique_ptr<kref::apiserver::ApiServer> server;
};

// The next line of `rest` (without its '\n'); rest keeps what follows.
std::string_view Line(std::string_view& rest) {
  size_t nl = rest.find('\n');
  std::string_view line = rest.substr(0, nl);
  rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
  return line;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Fixture fixture;
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  kref::apiserver::HttpRequest request;
  request.method = std::string(Line(rest));
  std::string_view target = Line(rest);
  size_t question = target.find('?');
  request.path = std::string(target.substr(0, question));
  if (question != std::string_view::npos) request.query = std::string(target.substr(question + 1));
  request.headers.emplace_back("content-type", std::string(Line(rest)));
  request.body = std::string(rest);

  kref::apiserver::HttpResponse response = fixture.server->Handle(request);
  FUZZ_CHECK(response.status != 500);
  if (response.stream) {  // a watch: what it has now is whole lines of JSON events
    FUZZ_CHECK(response.status == 200);
    response.stream->Start([] {});
    std::optional<std::string> now = response.stream->Next();
    response.stream->Cancel();
    if (!now) return 0;
    std::string_view lines = *now;
    while (!lines.empty()) {
      size_t nl = lines.find('\n');
      FUZZ_CHECK(nl != std::string_view::npos);
      boost::json::error_code ec;
      boost::json::value event = boost::json::parse(lines.substr(0, nl), ec);
      FUZZ_CHECK(!ec && event.is_object() && event.as_object().contains("type"));
      lines.remove_prefix(nl + 1);
    }
    return 0;
  }
  FUZZ_CHECK(response.status >= 200 && response.status < 600);
  bool is_json = false;
  for (const auto& [name, value] : response.headers) {
    if (name == "Content-Type" && value == "application/json") is_json = true;
  }
  if (!is_json) {
    FUZZ_CHECK(response.status == 200);  // the health checks' "ok"
    return 0;
  }
  boost::json::error_code ec;
  boost::json::value body = boost::json::parse(response.body, ec);
  FUZZ_CHECK(!ec);
  FUZZ_CHECK(body.is_object());
  if (response.status >= 400) {
    const boost::json::object& status = body.as_object();
    FUZZ_CHECK(status.contains("kind") && status.at("kind") == "Status");
    FUZZ_CHECK(status.contains("code") && status.at("code").to_number<int>() == response.status);
  }
  return 0;
}
