// Informers against a real API server: the first list, then adds, updates and deletes as they
// happen, indexes, selectors, paging, resync, and a relist that reports what changed while the
// server was away and the version expired.
#include "impl/client/informer.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <condition_variable>

#include "impl/api/core/types.h"
#include "impl/client/api_server_fixture.h"
#include "impl/client/typed_client.h"

namespace kref::client {
namespace {

using namespace std::chrono_literals;
namespace json = boost::json;
using api::core::ConfigMap;

// What the handlers saw, as "add a", "update a", "delete a" lines.
class EventLog {
 public:
  EventHandlers Handlers() {
    return {.on_add = [this](const ObjectPtr& o) { Record("add " + o->metadata().name); },
            .on_update = [this](const ObjectPtr& old_object, const ObjectPtr& o) {
              Record((old_object == o ? "resync " : "update ") + o->metadata().name);
            },
            .on_delete = [this](const ObjectPtr& o) { Record("delete " + o->metadata().name); }};
  }
  // Waits until `line` has been seen (10 s at most).
  bool WaitFor(const std::string& line) {
    std::unique_lock lock(mu_);
    return cv_.wait_for(lock, 10s, [&] { return std::find(lines_.begin(), lines_.end(), line) != lines_.end(); });
  }
  std::vector<std::string> Lines() {
    std::lock_guard lock(mu_);
    return lines_;
  }

 private:
  void Record(std::string line) {
    std::lock_guard lock(mu_);
    lines_.push_back(std::move(line));
    cv_.notify_all();
  }
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::string> lines_;
};

class InformerTest : public ApiServerFixture {
 protected:
  ConfigMap Make(const std::string& name, const std::string& color) {
    ConfigMap cm;
    cm.metadata.name = name;
    cm.metadata.namespace_ = "default";
    cm.metadata.labels["color"] = color;
    cm.data["color"] = color;
    return cm;
  }
  void Create(const std::string& name, const std::string& color) {
    auto created = configmaps().Create(Make(name, color));
    ASSERT_TRUE(created.has_value()) << created.error();
  }
  static std::vector<std::string> Names(const std::vector<ObjectPtr>& objects) {
    std::vector<std::string> names;
    for (const ObjectPtr& o : objects) names.push_back(o->metadata().name);
    std::sort(names.begin(), names.end());
    return names;
  }
  static IndexFunc ByColor() {
    return [](const api::Object& o) {
      const auto* cm = o.As<ConfigMap>();
      return cm != nullptr && cm->data.contains("color") ? std::vector<std::string>{cm->data.at("color")}
                                                         : std::vector<std::string>{};
    };
  }

  TypedClient<ConfigMap> configmaps() { return {*client_, "", "v1", "configmaps"}; }
};

TEST_F(InformerTest, ListsThenFollowsChanges) {
  Create("a", "red");
  Create("b", "blue");
  Informer informer(*client_, {.path = "/api/v1/configmaps"});
  EventLog log;
  informer.AddEventHandlers(log.Handlers());
  informer.AddIndex("color", ByColor());
  informer.Start();
  ASSERT_TRUE(informer.WaitForSync(10s));
  EXPECT_TRUE(informer.HasSynced());
  EXPECT_EQ(Names(informer.List()), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(log.Lines(), (std::vector<std::string>{"add a", "add b"}));  // handled before synced
  EXPECT_EQ(Names(informer.ByIndex("color", "red")), (std::vector<std::string>{"a"}));

  Create("c", "red");
  ASSERT_TRUE(log.WaitFor("add c"));
  EXPECT_EQ(Names(informer.ByIndex("color", "red")), (std::vector<std::string>{"a", "c"}));
  ConfigMap a = configmaps().Get("default", "a").value();
  a.data["color"] = "blue";
  ASSERT_TRUE(configmaps().Update(a).has_value());
  ASSERT_TRUE(log.WaitFor("update a"));
  EXPECT_EQ(Names(informer.ByIndex("color", "red")), (std::vector<std::string>{"c"}));
  EXPECT_EQ(Names(informer.ByIndex("color", "blue")), (std::vector<std::string>{"a", "b"}));
  ASSERT_TRUE(configmaps().Delete("default", "b").ok());
  ASSERT_TRUE(log.WaitFor("delete b"));
  EXPECT_EQ(informer.Get("default/b"), nullptr);
  ASSERT_NE(informer.Get("default/a"), nullptr);
  EXPECT_EQ(informer.Get("default/a")->As<ConfigMap>()->data.at("color"), "blue");
  EXPECT_FALSE(informer.LastSyncResourceVersion().empty());
  informer.Stop();
  informer.Stop();  // idempotent
}

TEST_F(InformerTest, SelectorsAndPagesNarrowAndSplitTheList) {
  for (int i = 0; i < 5; ++i) Create("cm" + std::to_string(i), i % 2 == 0 ? "red" : "blue");
  Informer red(*client_, {.path = "/api/v1/namespaces/default/configmaps", .label_selector = "color=red", .page_size = 2});
  EventLog red_log;
  red.AddEventHandlers(red_log.Handlers());
  red.Start();
  ASSERT_TRUE(red.WaitForSync(10s));
  EXPECT_EQ(Names(red.List()), (std::vector<std::string>{"cm0", "cm2", "cm4"}));
  EventLog log;
  Informer one(*client_, {.path = "/api/v1/namespaces/default/configmaps", .field_selector = "metadata.name=cm1"});
  one.AddEventHandlers(log.Handlers());
  one.Start();
  ASSERT_TRUE(one.WaitForSync(10s));
  EXPECT_EQ(Names(one.List()), (std::vector<std::string>{"cm1"}));
  Create("cm5", "red");
  ASSERT_TRUE(configmaps().Delete("default", "cm1").ok());
  ASSERT_TRUE(log.WaitFor("delete cm1"));
  EXPECT_EQ(log.Lines(), (std::vector<std::string>{"add cm1", "delete cm1"}));
  ASSERT_TRUE(red_log.WaitFor("add cm5"));
  EXPECT_NE(red.Get("default/cm5"), nullptr);
  auto red_lines = red_log.Lines();
  EXPECT_EQ(std::count(red_lines.begin(), red_lines.end(), "add cm1"), 0);
}

TEST_F(InformerTest, RelistsWhenTheVersionExpiredAndReportsTheDifference) {
  Create("keep", "red");
  Create("change", "red");
  Create("gone", "red");
  Informer informer(*client_, {.path = "/api/v1/configmaps"});
  EventLog log;
  informer.AddEventHandlers(log.Handlers());
  informer.Start();
  ASSERT_TRUE(informer.WaitForSync(10s));
  std::string synced_version = informer.LastSyncResourceVersion();

  // While the server is away, objects change and the store is compacted past the informer's
  // version: resuming the watch gets 410, and only a list can catch up.
  StopHttp();
  // More changes than the watch cache keeps (objects that come and go), so resuming reads the
  // store, which has compacted them away.
  for (size_t i = 0; i < kWatchCacheHistory; ++i) {
    std::string name = "brief" + std::to_string(i);
    ASSERT_EQ(Call("POST", "/api/v1/namespaces/default/configmaps",
                   R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":")" + name + R"("}})").status, 201);
    ASSERT_EQ(Call("DELETE", "/api/v1/namespaces/default/configmaps/" + name).status, 200);
  }
  ASSERT_EQ(Call("DELETE", "/api/v1/namespaces/default/configmaps/gone").status, 200);
  ASSERT_EQ(Call("POST", "/api/v1/namespaces/default/configmaps",
                 R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"new"}})").status, 201);
  ASSERT_EQ(Call("PATCH", "/api/v1/namespaces/default/configmaps/change", R"({"data":{"x":"y"}})",
                 "application/merge-patch+json").status, 200);
  CompactStore();
  StartHttp(port_);

  ASSERT_TRUE(log.WaitFor("delete gone"));
  ASSERT_TRUE(log.WaitFor("add new"));
  ASSERT_TRUE(log.WaitFor("update change"));
  EXPECT_EQ(Names(informer.List()), (std::vector<std::string>{"change", "keep", "new"}));
  auto lines = log.Lines();
  EXPECT_EQ(std::count(lines.begin(), lines.end(), "update keep"), 0);  // unchanged: not reported
  EXPECT_EQ(std::count(lines.begin(), lines.end(), "add brief0"), 0);   // a list, not a replay
  EXPECT_NE(informer.LastSyncResourceVersion(), synced_version);
}

TEST_F(InformerTest, ResyncReportsEveryObjectAgain) {
  Create("a", "red");
  Informer informer(*client_, {.path = "/api/v1/namespaces/default/configmaps", .resync_period = 50ms});
  EventLog log;
  informer.AddEventHandlers(log.Handlers());
  informer.Start();
  ASSERT_TRUE(log.WaitFor("resync a"));
}

TEST_F(InformerTest, TypedClientRoundTrips) {
  Create("typed", "red");
  auto got = configmaps().Get("default", "typed");
  ASSERT_TRUE(got.has_value()) << got.error();
  EXPECT_EQ(got->data.at("color"), "red");
  ConfigMap stale = *got;
  got->data["color"] = "green";
  ASSERT_TRUE(configmaps().Update(*got).has_value());
  EXPECT_TRUE(configmaps().Update(stale).error().IsAborted());  // 409 Conflict
  auto listed = configmaps().List("default", "labelSelector=color%3Dred");
  ASSERT_TRUE(listed.has_value()) << listed.error();
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].metadata.name, "typed");
  auto patched = configmaps().Patch("default", "typed", json::parse(R"({"data":{"p":"q"}})"));
  ASSERT_TRUE(patched.has_value()) << patched.error();
  EXPECT_EQ(patched->data.at("p"), "q");
  ASSERT_TRUE(configmaps().Delete("default", "typed").ok());
  EXPECT_TRUE(configmaps().Get("default", "typed").error().IsNotFound());
  EXPECT_EQ(ResourcePath("apps", "v1", "deployments", "ns", "web", "scale"), "/apis/apps/v1/namespaces/ns/deployments/web/scale");
  EXPECT_EQ(ResourcePath("", "v1", "nodes"), "/api/v1/nodes");
}

}  // namespace
}  // namespace kref::client
