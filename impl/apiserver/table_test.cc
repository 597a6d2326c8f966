#include "impl/apiserver/table.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace kref::apiserver {
namespace {

namespace json = boost::json;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

TEST(HumanDurationTest, PrintsAgesAsUpstream) {
  EXPECT_EQ(HumanDuration(seconds(-2)), "<invalid>");
  EXPECT_EQ(HumanDuration(seconds(-1)), "0s");
  EXPECT_EQ(HumanDuration(seconds(0)), "0s");
  EXPECT_EQ(HumanDuration(seconds(119)), "119s");
  EXPECT_EQ(HumanDuration(minutes(2)), "2m");
  EXPECT_EQ(HumanDuration(minutes(9) + seconds(59)), "9m59s");
  EXPECT_EQ(HumanDuration(minutes(10) + seconds(59)), "10m");
  EXPECT_EQ(HumanDuration(hours(3) - seconds(1)), "179m");
  EXPECT_EQ(HumanDuration(hours(3)), "3h");
  EXPECT_EQ(HumanDuration(hours(7) + minutes(59)), "7h59m");
  EXPECT_EQ(HumanDuration(hours(8) + minutes(59)), "8h");
  EXPECT_EQ(HumanDuration(hours(47) + minutes(59)), "47h");
  EXPECT_EQ(HumanDuration(hours(48)), "2d");
  EXPECT_EQ(HumanDuration(hours(24 * 7 + 23)), "7d23h");
  EXPECT_EQ(HumanDuration(hours(24 * 8)), "8d");
  EXPECT_EQ(HumanDuration(hours(24 * 365 * 2 - 1)), "729d");
  EXPECT_EQ(HumanDuration(hours(24 * 365 * 2)), "2y");
  EXPECT_EQ(HumanDuration(hours(24 * (365 * 2 + 1))), "2y1d");
  EXPECT_EQ(HumanDuration(hours(24 * 365 * 8)), "8y");
}

TEST(TableTest, AcceptHeaderAsksForATable) {
  EXPECT_EQ(TableVersionAccepted("application/json;as=Table;v=v1;g=meta.k8s.io,application/json;"
                                 "as=Table;v=v1beta1;g=meta.k8s.io,application/json"),
            "meta.k8s.io/v1");
  EXPECT_EQ(TableVersionAccepted("application/json; g=meta.k8s.io; as=Table; v=v1beta1"),
            "meta.k8s.io/v1beta1");
  EXPECT_FALSE(TableVersionAccepted("application/json"));
  EXPECT_FALSE(TableVersionAccepted("application/json;as=Table;v=v2;g=meta.k8s.io"));
  EXPECT_FALSE(TableVersionAccepted(""));
}

TEST(TableTest, DeploymentRowsHaveUpstreamColumns) {
  const api::KindInfo* kind = api::Registry::Default().FindResource("apps", "v1", "deployments");
  ASSERT_NE(kind, nullptr);
  json::value deployment = json::parse(R"({"metadata":{"name":"web","creationTimestamp":"2026-01-01T00:00:00Z"},
      "spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},
              "template":{"spec":{"containers":[{"name":"a","image":"nginx"},{"name":"b","image":"busybox"}]}}},
      "status":{"readyReplicas":2,"updatedReplicas":3,"availableReplicas":2}})");
  TableOptions options;
  options.now = api::Time::Parse("2026-01-01T00:05:00Z")->ToTimePoint();
  json::object table = json::parse(TableJson(*kind, {deployment}, "7", "", options)).as_object();
  EXPECT_EQ(table["kind"], "Table");
  EXPECT_EQ(table["apiVersion"], "meta.k8s.io/v1");
  EXPECT_EQ(table["metadata"].at("resourceVersion"), "7");
  std::vector<std::string> names;
  for (const auto& c : table["columnDefinitions"].as_array()) {
    names.push_back(std::string(c.at("name").as_string()) + (c.at("priority").as_int64() ? "*" : ""));
  }
  EXPECT_EQ(names, (std::vector<std::string>{"Name", "Ready", "Up-to-date", "Available", "Age",
                                             "Containers*", "Images*", "Selector*"}));
  EXPECT_EQ(json::serialize(table["rows"].at(0).at("cells")),
            R"(["web","2/3",3,2,"5m","a,b","nginx,busybox","app=web"])");
  EXPECT_EQ(table["rows"].at(0).at("object").at("kind"), "PartialObjectMetadata");
}

TEST(TableTest, PodRowsAndUnknownKinds) {
  const api::KindInfo* pods = api::Registry::Default().FindResource("", "v1", "pods");
  json::value pod = json::parse(R"({"metadata":{"name":"p"},"spec":{"containers":[{"name":"a"},{"name":"b"}],"nodeName":"n1"},
      "status":{"phase":"Running","podIP":"10.0.0.5","containerStatuses":[
        {"name":"a","ready":true,"restartCount":1,"state":{"running":{}}},
        {"name":"b","ready":false,"restartCount":2,"state":{"waiting":{"reason":"CrashLoopBackOff"}}}]}})");
  TableOptions options;
  options.include_object = "None";
  json::object table = json::parse(TableJson(*pods, {pod}, "", "", options)).as_object();
  EXPECT_EQ(json::serialize(table["rows"].at(0).at("cells")),
            R"(["p","1/2","CrashLoopBackOff","3","<unknown>","10.0.0.5","n1","<none>","<none>"])");
  EXPECT_FALSE(table["rows"].at(0).as_object().contains("object"));

  // Kinds upstream has no printer for get its default: Name and Created At.
  const api::KindInfo* roles = api::Registry::Default().FindResource("rbac.authorization.k8s.io", "v1", "roles");
  json::object other = json::parse(TableJson(*roles, {json::parse(R"({"metadata":{"name":"r","creationTimestamp":"2026-01-01T00:00:00Z"}})")},
                                             "", "", {})).as_object();
  EXPECT_EQ(other["columnDefinitions"].at(1).at("name"), "Created At");
  EXPECT_EQ(other["columnDefinitions"].at(1).at("type"), "date");
  EXPECT_EQ(json::serialize(other["rows"].at(0).at("cells")), R"(["r","2026-01-01T00:00:00Z"])");
}

// The cells of one object of `resource` in `group`/`version`, at 2026-01-01T00:10:00Z.
std::string Cells(std::string_view group, std::string_view version, std::string_view resource, std::string_view object) {
  const api::KindInfo* kind = api::Registry::Default().FindResource(group, version, resource);
  EXPECT_NE(kind, nullptr);
  if (kind == nullptr) return "";
  TableOptions options;
  options.now = api::Time::Parse("2026-01-01T00:10:00Z")->ToTimePoint();
  json::object table = json::parse(TableJson(*kind, {json::parse(object)}, "", "", options)).as_object();
  return json::serialize(table["rows"].at(0).at("cells"));
}

TEST(TableTest, JobsEndpointsAndTheOtherKinds) {
  EXPECT_EQ(Cells("batch", "v1", "jobs", R"({"metadata":{"name":"j","creationTimestamp":"2026-01-01T00:00:00Z"},
      "spec":{"completions":3,"selector":{"matchLabels":{"batch.kubernetes.io/controller-uid":"u"}},
              "template":{"spec":{"containers":[{"name":"c","image":"busybox"}]}}},
      "status":{"succeeded":3,"startTime":"2026-01-01T00:00:00Z","completionTime":"2026-01-01T00:01:30Z",
                "conditions":[{"type":"Complete","status":"True"}]}})"),
            R"(["j","Complete","3/3","90s","10m","c","busybox","batch.kubernetes.io/controller-uid=u"])");
  EXPECT_EQ(Cells("batch", "v1", "jobs", R"({"metadata":{"name":"j"},"spec":{"parallelism":4},
      "status":{"succeeded":1,"startTime":"2026-01-01T00:07:00Z"}})"),
            R"(["j","Running","1/1 of 4","3m","<unknown>","","","<none>"])");
  EXPECT_EQ(Cells("", "v1", "endpoints", R"({"metadata":{"name":"e"},"subsets":[
      {"addresses":[{"ip":"10.0.0.1"},{"ip":"10.0.0.2"},{"ip":"fd00::3"}],"ports":[{"port":80},{"port":443}]}]})"),
            R"(["e","10.0.0.1:80,10.0.0.2:80,[fd00::3]:80 + 3 more...","<unknown>"])");
  EXPECT_EQ(Cells("", "v1", "endpoints", R"({"metadata":{"name":"e"}})"), R"(["e","<none>","<unknown>"])");
  EXPECT_EQ(Cells("discovery.k8s.io", "v1", "endpointslices", R"({"metadata":{"name":"s"},"addressType":"IPv4",
      "ports":[{"port":80},{"name":"dns"},{}],"endpoints":[]})"),
            R"(["s","IPv4","80,dns,*","<unset>","<unknown>"])");
  EXPECT_EQ(Cells("policy", "v1", "poddisruptionbudgets", R"({"metadata":{"name":"b"},"spec":{"minAvailable":"50%"},
      "status":{"disruptionsAllowed":1}})"),
            R"(["b","50%","N/A",1,"<unknown>"])");
  EXPECT_EQ(Cells("autoscaling", "v2", "horizontalpodautoscalers", R"({"metadata":{"name":"h"},
      "spec":{"scaleTargetRef":{"kind":"Deployment","name":"web"},"maxReplicas":5,"metrics":[
        {"type":"Resource","resource":{"name":"cpu","target":{"type":"Utilization","averageUtilization":80}}},
        {"type":"Pods","pods":{"metric":{"name":"qps"},"target":{"type":"AverageValue","averageValue":"10"}}},
        {"type":"Resource","resource":{"name":"memory","target":{"type":"AverageValue","averageValue":"1Gi"}}}]},
      "status":{"currentReplicas":2,"currentMetrics":[{"type":"Resource","resource":{"name":"cpu","current":{"averageUtilization":50}}}]}})"),
            R"(["h","Deployment/web","cpu: 50%/80%, <unknown>/10 + 1 more...","<unset>",5,2,"<unknown>"])");
  EXPECT_EQ(Cells("", "v1", "persistentvolumeclaims", R"({"metadata":{"name":"c"},"spec":{"volumeName":"pv1",
      "storageClassName":"fast"},"status":{"phase":"Bound","capacity":{"storage":"1Gi"},"accessModes":["ReadWriteMany","ReadWriteOnce"]}})"),
            R"(["c","Bound","pv1","1Gi","RWO,RWX","fast","<unset>","<unknown>","<unset>"])");
  EXPECT_EQ(Cells("rbac.authorization.k8s.io", "v1", "rolebindings", R"({"metadata":{"name":"rb"},
      "roleRef":{"kind":"Role","name":"reader"},"subjects":[{"kind":"User","name":"alice"},{"kind":"User","name":"bob"},
      {"kind":"ServiceAccount","name":"robot","namespace":"default"}]})"),
            R"(["rb","Role/reader","<unknown>","alice, bob","","default/robot"])");
  EXPECT_EQ(Cells("", "v1", "resourcequotas", R"({"metadata":{"name":"q"},"status":{"hard":{"pods":"10","limits.cpu":"2",
      "requests.memory":"1Gi"},"used":{"pods":"3"}}})"),
            R"(["q","pods: 3/10, requests.memory: 0/1Gi","limits.cpu: 0/2","<unknown>"])");
  EXPECT_EQ(Cells("apps", "v1", "controllerrevisions", R"({"metadata":{"name":"r","ownerReferences":[{"apiVersion":"apps/v1",
      "kind":"DaemonSet","name":"ds","uid":"u","controller":true}]},"revision":4})"),
            R"(["r","daemonset.apps/ds",4,"<unknown>"])");
}

TEST(TableTest, EventAndDaemonSetRows) {
  const api::KindInfo* events = api::Registry::Default().FindResource("", "v1", "events");
  json::value event = json::parse(R"({"metadata":{"name":"p.1"},"involvedObject":{"kind":"Pod","name":"p","fieldPath":"spec.containers{c}"},
      "reason":"Pulled","message":"Container image pulled","type":"Normal","source":{"component":"kubelet","host":"n1"},
      "firstTimestamp":"2026-01-01T00:00:00Z","lastTimestamp":"2026-01-01T00:09:00Z","count":3})");
  TableOptions options;
  options.now = api::Time::Parse("2026-01-01T00:10:00Z")->ToTimePoint();
  json::object table = json::parse(TableJson(*events, {event}, "", "", options)).as_object();
  EXPECT_EQ(json::serialize(table["rows"].at(0).at("cells")),
            R"(["60s","Normal","Pulled","pod/p","Container image pulled","spec.containers{c}","kubelet, n1","10m","3","p.1"])");

  const api::KindInfo* daemonsets = api::Registry::Default().FindResource("apps", "v1", "daemonsets");
  json::value ds = json::parse(R"({"metadata":{"name":"d"},"spec":{"selector":{"matchLabels":{"a":"b"}},
      "template":{"spec":{"nodeSelector":{"disk":"ssd"},"containers":[{"name":"c","image":"i"}]}}},
      "status":{"desiredNumberScheduled":3,"currentNumberScheduled":3,"numberReady":2,"updatedNumberScheduled":3,"numberAvailable":2}})");
  json::object dst = json::parse(TableJson(*daemonsets, {ds}, "", "", options)).as_object();
  EXPECT_EQ(json::serialize(dst["rows"].at(0).at("cells")),
            R"(["d",3,3,2,3,2,"disk=ssd","<unknown>","c","i","a=b"])");
}

}  // namespace
}  // namespace kref::apiserver
