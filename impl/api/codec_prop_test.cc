// Property: every kind survives encode -> decode, in JSON and in YAML, and its encoding is
// stable. RapidCheck prints the seed of each run ("Using configuration: seed=...") and, on
// failure, the RC_PARAMS that reproduce it, e.g.
//   RC_PARAMS="reproduce=..." build/default/impl/api/api_tests --gtest_filter='CodecProp.PodJson'
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "impl/api/apps/types.h"
#include "impl/api/autoscaling/types.h"
#include "impl/api/batch/types.h"
#include "impl/api/coordination/types.h"
#include "impl/api/core/types.h"
#include "impl/api/discovery/types.h"
#include "impl/api/json.h"
#include "impl/api/manifest.h"
#include "impl/api/policy/types.h"
#include "impl/api/rbac/types.h"
#include "impl/api/scheduling/types.h"
#include "impl/testing/api_arbitrary.h"

namespace kref::api {
namespace {

template <class T>
void JsonRoundTrip(const T& value) {
  std::string json = ToJson(value);
  DecodeReport report;
  Result<T> back = FromJson<T>(json, &report);
  if (!back) RC_FAIL("cannot decode " + json + ": " + back.error().ToString());
  RC_ASSERT(report.unknown_fields.empty());
  if (!(*back == value)) RC_FAIL("decoded " + ToJson(*back) + "\n  from " + json);
  RC_ASSERT(ToJson(*back) == json);
}

template <class T>
void YamlRoundTrip(const T& value) {
  boost::json::value tree = boost::json::parse(ToJson(value));
  std::string yaml = JsonToYaml(tree);
  Result<std::vector<ManifestDocument>> documents = ParseManifests(yaml);
  if (!documents) RC_FAIL("cannot parse\n" + yaml + documents.error().ToString());
  RC_ASSERT(documents->size() == 1u);
  if (!((*documents)[0].value == tree)) {
    RC_FAIL("YAML\n" + yaml + "reads back as " + boost::json::serialize((*documents)[0].value) +
            "\n  not " + boost::json::serialize(tree));
  }
  Result<T> back = FromJsonValue<T>((*documents)[0].value);
  RC_ASSERT(back.has_value());
  RC_ASSERT(*back == value);
}

#define KREF_CODEC_PROPERTIES(Name, Type)                                    \
  RC_GTEST_PROP(CodecProp, Name##Json, (const Type& value)) { JsonRoundTrip(value); } \
  RC_GTEST_PROP(CodecProp, Name##Yaml, (const Type& value)) { YamlRoundTrip(value); }

KREF_CODEC_PROPERTIES(ObjectMeta, meta::ObjectMeta)
KREF_CODEC_PROPERTIES(Status, meta::Status)
KREF_CODEC_PROPERTIES(DeleteOptions, meta::DeleteOptions)
KREF_CODEC_PROPERTIES(WatchEvent, meta::WatchEvent)
KREF_CODEC_PROPERTIES(Table, meta::Table)
KREF_CODEC_PROPERTIES(Pod, core::Pod)
KREF_CODEC_PROPERTIES(PodList, core::PodList)
KREF_CODEC_PROPERTIES(PodTemplate, core::PodTemplate)
KREF_CODEC_PROPERTIES(Binding, core::Binding)
KREF_CODEC_PROPERTIES(Namespace, core::Namespace)
KREF_CODEC_PROPERTIES(Node, core::Node)
KREF_CODEC_PROPERTIES(Service, core::Service)
KREF_CODEC_PROPERTIES(Endpoints, core::Endpoints)
KREF_CODEC_PROPERTIES(ConfigMap, core::ConfigMap)
KREF_CODEC_PROPERTIES(Secret, core::Secret)
KREF_CODEC_PROPERTIES(ServiceAccount, core::ServiceAccount)
KREF_CODEC_PROPERTIES(Event, core::Event)
KREF_CODEC_PROPERTIES(ReplicationController, core::ReplicationController)
KREF_CODEC_PROPERTIES(PersistentVolume, core::PersistentVolume)
KREF_CODEC_PROPERTIES(PersistentVolumeClaim, core::PersistentVolumeClaim)
KREF_CODEC_PROPERTIES(LimitRange, core::LimitRange)
KREF_CODEC_PROPERTIES(ResourceQuota, core::ResourceQuota)
KREF_CODEC_PROPERTIES(ReplicaSet, apps::ReplicaSet)
KREF_CODEC_PROPERTIES(Deployment, apps::Deployment)
KREF_CODEC_PROPERTIES(DaemonSet, apps::DaemonSet)
KREF_CODEC_PROPERTIES(StatefulSet, apps::StatefulSet)
KREF_CODEC_PROPERTIES(ControllerRevision, apps::ControllerRevision)
KREF_CODEC_PROPERTIES(Job, batch::Job)
KREF_CODEC_PROPERTIES(CronJob, batch::CronJob)
KREF_CODEC_PROPERTIES(Scale, autoscaling::Scale)
KREF_CODEC_PROPERTIES(HorizontalPodAutoscaler, autoscaling::HorizontalPodAutoscaler)
KREF_CODEC_PROPERTIES(PodDisruptionBudget, policy::PodDisruptionBudget)
KREF_CODEC_PROPERTIES(Eviction, policy::Eviction)
KREF_CODEC_PROPERTIES(Lease, coordination::Lease)
KREF_CODEC_PROPERTIES(EndpointSlice, discovery::EndpointSlice)
KREF_CODEC_PROPERTIES(PriorityClass, scheduling::PriorityClass)
KREF_CODEC_PROPERTIES(Role, rbac::Role)
KREF_CODEC_PROPERTIES(ClusterRole, rbac::ClusterRole)
KREF_CODEC_PROPERTIES(RoleBinding, rbac::RoleBinding)
KREF_CODEC_PROPERTIES(ClusterRoleBinding, rbac::ClusterRoleBinding)

}  // namespace
}  // namespace kref::api
