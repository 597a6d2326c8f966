#include "impl/api/registry.h"

#include <boost/json/serialize.hpp>

#include "impl/api/apps/ops.h"
#include "impl/api/autoscaling/ops.h"
#include "impl/api/batch/ops.h"
#include "impl/api/coordination/ops.h"
#include "impl/api/core/ops.h"
#include "impl/api/discovery/ops.h"
#include "impl/api/internal/typed_object.h"
#include "impl/api/schema.h"
#include "impl/api/policy/ops.h"
#include "impl/api/rbac/ops.h"
#include "impl/api/scheduling/ops.h"

namespace kref::api {
namespace {

using internal::DecodeTyped;

const std::vector<std::string_view> kAllVerbs = {"create", "delete", "deletecollection", "get",
                                                 "list",   "patch",  "update",           "watch"};
const std::vector<std::string_view> kNamespaceVerbs = {"create", "delete", "get",  "list",
                                                       "patch",  "update", "watch"};

// The table discovery and routing are generated from. Short names, categories and
// subresources as kube-apiserver v1.32 serves them.
std::vector<KindInfo> AllKinds() {
  return {
      // core/v1
      {"",
       "v1",
       "Binding",
       "bindings",
       "binding",
       true,
       {},
       {"create"},
       {},
       {},
       &DecodeTyped<core::Binding>, &SchemaOf<core::Binding>},
      {"",
       "v1",
       "ConfigMap",
       "configmaps",
       "configmap",
       true,
       {"cm"},
       kAllVerbs,
       {},
       {},
       &DecodeTyped<core::ConfigMap>, &SchemaOf<core::ConfigMap>},
      {"",
       "v1",
       "Endpoints",
       "endpoints",
       "endpoints",
       true,
       {"ep"},
       kAllVerbs,
       {},
       {},
       &DecodeTyped<core::Endpoints>, &SchemaOf<core::Endpoints>},
      {"",
       "v1",
       "Event",
       "events",
       "event",
       true,
       {"ev"},
       kAllVerbs,
       {},
       {},
       &DecodeTyped<core::Event>, &SchemaOf<core::Event>},
      {"",
       "v1",
       "LimitRange",
       "limitranges",
       "limitrange",
       true,
       {"limits"},
       kAllVerbs,
       {},
       {},
       &DecodeTyped<core::LimitRange>, &SchemaOf<core::LimitRange>},
      {"",
       "v1",
       "Namespace",
       "namespaces",
       "namespace",
       false,
       {"ns"},
       kNamespaceVerbs,
       {"finalize", "status"},
       {},
       &DecodeTyped<core::Namespace>, &SchemaOf<core::Namespace>},
      {"",
       "v1",
       "Node",
       "nodes",
       "node",
       false,
       {"no"},
       kAllVerbs,
       {"proxy", "status"},
       {},
       &DecodeTyped<core::Node>, &SchemaOf<core::Node>},
      {"",
       "v1",
       "PersistentVolumeClaim",
       "persistentvolumeclaims",
       "persistentvolumeclaim",
       true,
       {"pvc"},
       kAllVerbs,
       {"status"},
       {},
       &DecodeTyped<core::PersistentVolumeClaim>, &SchemaOf<core::PersistentVolumeClaim>},
      {"",
       "v1",
       "PersistentVolume",
       "persistentvolumes",
       "persistentvolume",
       false,
       {"pv"},
       kAllVerbs,
       {"status"},
       {},
       &DecodeTyped<core::PersistentVolume>, &SchemaOf<core::PersistentVolume>},
      {"",
       "v1",
       "Pod",
       "pods",
       "pod",
       true,
       {"po"},
       kAllVerbs,
       {"attach", "binding", "ephemeralcontainers", "eviction", "exec", "log", "portforward",
        "proxy", "status"},
       {"all"},
       &DecodeTyped<core::Pod>, &SchemaOf<core::Pod>},
      {"",
       "v1",
       "PodTemplate",
       "podtemplates",
       "podtemplate",
       true,
       {},
       kAllVerbs,
       {},
       {},
       &DecodeTyped<core::PodTemplate>, &SchemaOf<core::PodTemplate>},
      {"",
       "v1",
       "ReplicationController",
       "replicationcontrollers",
       "replicationcontroller",
       true,
       {"rc"},
       kAllVerbs,
       {"scale", "status"},
       {"all"},
       &DecodeTyped<core::ReplicationController>, &SchemaOf<core::ReplicationController>},
      {"",
       "v1",
       "ResourceQuota",
       "resourcequotas",
       "resourcequota",
       true,
       {"quota"},
       kAllVerbs,
       {"status"},
       {},
       &DecodeTyped<core::ResourceQuota>, &SchemaOf<core::ResourceQuota>},
      {"",
       "v1",
       "Secret",
       "secrets",
       "secret",
       true,
       {},
       kAllVerbs,
       {},
       {},
       &DecodeTyped<core::Secret>, &SchemaOf<core::Secret>},
      {"",
       "v1",
       "ServiceAccount",
       "serviceaccounts",
       "serviceaccount",
       true,
       {"sa"},
       kAllVerbs,
       {"token"},
       {},
       &DecodeTyped<core::ServiceAccount>, &SchemaOf<core::ServiceAccount>},
      {"",
       "v1",
       "Service",
       "services",
       "service",
       true,
       {"svc"},
       kAllVerbs,
       {"proxy", "status"},
       {"all"},
       &DecodeTyped<core::Service>, &SchemaOf<core::Service>},
      // apps/v1
      {"apps",
       "v1",
       "ControllerRevision",
       "controllerrevisions",
       "controllerrevision",
       true,
       {},
       kAllVerbs,
       {},
       {},
       &DecodeTyped<apps::ControllerRevision>, &SchemaOf<apps::ControllerRevision>},
      {"apps",
       "v1",
       "DaemonSet",
       "daemonsets",
       "daemonset",
       true,
       {"ds"},
       kAllVerbs,
       {"status"},
       {"all"},
       &DecodeTyped<apps::DaemonSet>, &SchemaOf<apps::DaemonSet>},
      {"apps",
       "v1",
       "Deployment",
       "deployments",
       "deployment",
       true,
       {"deploy"},
       kAllVerbs,
       {"scale", "status"},
       {"all"},
       &DecodeTyped<apps::Deployment>, &SchemaOf<apps::Deployment>},
      {"apps",
       "v1",
       "ReplicaSet",
       "replicasets",
       "replicaset",
       true,
       {"rs"},
       kAllVerbs,
       {"scale", "status"},
       {"all"},
       &DecodeTyped<apps::ReplicaSet>, &SchemaOf<apps::ReplicaSet>},
      {"apps",
       "v1",
       "StatefulSet",
       "statefulsets",
       "statefulset",
       true,
       {"sts"},
       kAllVerbs,
       {"scale", "status"},
       {"all"},
       &DecodeTyped<apps::StatefulSet>, &SchemaOf<apps::StatefulSet>},
      // autoscaling
      {"autoscaling",
       "v1",
       "Scale",
       "",
       "scale",
       true,
       {},
       {},
       {},
       {},
       &DecodeTyped<autoscaling::Scale>, &SchemaOf<autoscaling::Scale>},
      {"autoscaling",
       "v2",
       "HorizontalPodAutoscaler",
       "horizontalpodautoscalers",
       "horizontalpodautoscaler",
       true,
       {"hpa"},
       kAllVerbs,
       {"status"},
       {"all"},
       &DecodeTyped<autoscaling::HorizontalPodAutoscaler>, &SchemaOf<autoscaling::HorizontalPodAutoscaler>},
      // batch/v1
      {"batch",
       "v1",
       "CronJob",
       "cronjobs",
       "cronjob",
       true,
       {"cj"},
       kAllVerbs,
       {"status"},
       {"all"},
       &DecodeTyped<batch::CronJob>, &SchemaOf<batch::CronJob>},
      {"batch",
       "v1",
       "Job",
       "jobs",
       "job",
       true,
       {},
       kAllVerbs,
       {"status"},
       {"all"},
       &DecodeTyped<batch::Job>, &SchemaOf<batch::Job>},
      // coordination.k8s.io/v1
      {"coordination.k8s.io",
       "v1",
       "Lease",
       "leases",
       "lease",
       true,
       {},
       kAllVerbs,
       {},
       {},
       &DecodeTyped<coordination::Lease>, &SchemaOf<coordination::Lease>},
      // discovery.k8s.io/v1
      {"discovery.k8s.io",
       "v1",
       "EndpointSlice",
       "endpointslices",
       "endpointslice",
       true,
       {},
       kAllVerbs,
       {},
       {},
       &DecodeTyped<discovery::EndpointSlice>, &SchemaOf<discovery::EndpointSlice>},
      // policy/v1
      {"policy",
       "v1",
       "Eviction",
       "",
       "eviction",
       true,
       {},
       {},
       {},
       {},
       &DecodeTyped<policy::Eviction>, &SchemaOf<policy::Eviction>},
      {"policy",
       "v1",
       "PodDisruptionBudget",
       "poddisruptionbudgets",
       "poddisruptionbudget",
       true,
       {"pdb"},
       kAllVerbs,
       {"status"},
       {},
       &DecodeTyped<policy::PodDisruptionBudget>, &SchemaOf<policy::PodDisruptionBudget>},
      // rbac.authorization.k8s.io/v1
      {"rbac.authorization.k8s.io",
       "v1",
       "ClusterRoleBinding",
       "clusterrolebindings",
       "clusterrolebinding",
       false,
       {},
       kAllVerbs,
       {},
       {},
       &DecodeTyped<rbac::ClusterRoleBinding>, &SchemaOf<rbac::ClusterRoleBinding>},
      {"rbac.authorization.k8s.io",
       "v1",
       "ClusterRole",
       "clusterroles",
       "clusterrole",
       false,
       {},
       kAllVerbs,
       {},
       {},
       &DecodeTyped<rbac::ClusterRole>, &SchemaOf<rbac::ClusterRole>},
      {"rbac.authorization.k8s.io",
       "v1",
       "RoleBinding",
       "rolebindings",
       "rolebinding",
       true,
       {},
       kAllVerbs,
       {},
       {},
       &DecodeTyped<rbac::RoleBinding>, &SchemaOf<rbac::RoleBinding>},
      {"rbac.authorization.k8s.io",
       "v1",
       "Role",
       "roles",
       "role",
       true,
       {},
       kAllVerbs,
       {},
       {},
       &DecodeTyped<rbac::Role>, &SchemaOf<rbac::Role>},
      // scheduling.k8s.io/v1
      {"scheduling.k8s.io",
       "v1",
       "PriorityClass",
       "priorityclasses",
       "priorityclass",
       false,
       {"pc"},
       kAllVerbs,
       {},
       {},
       &DecodeTyped<scheduling::PriorityClass>, &SchemaOf<scheduling::PriorityClass>},
  };
}

std::string_view MemberString(const boost::json::object& object, std::string_view key) {
  const boost::json::value* v = object.if_contains(key);
  if (v == nullptr || !v->is_string()) return {};
  return v->get_string();
}

}  // namespace

std::string KindInfo::ApiVersion() const {
  if (group.empty()) return std::string(version);
  return std::string(group) + "/" + std::string(version);
}

std::string KindInfo::QualifiedKind() const {
  if (group.empty()) return std::string(kind);
  return std::string(kind) + "." + std::string(group);
}

const Registry& Registry::Default() {
  static const Registry* registry = new Registry(AllKinds());
  return *registry;
}

const KindInfo* Registry::FindKind(std::string_view api_version, std::string_view kind) const {
  for (const KindInfo& info : kinds_) {
    if (info.kind == kind && info.ApiVersion() == api_version) return &info;
  }
  return nullptr;
}

const KindInfo* Registry::FindResource(std::string_view group, std::string_view version,
                                       std::string_view resource) const {
  for (const KindInfo& info : kinds_) {
    if (!info.resource.empty() && info.resource == resource && info.group == group &&
        info.version == version) {
      return &info;
    }
  }
  return nullptr;
}

Result<std::unique_ptr<Object>> Registry::Decode(const boost::json::value& value,
                                                 DecodeReport* report) const {
  const boost::json::object* object = value.if_object();
  if (object == nullptr) {
    return InvalidArgumentError("json: cannot unmarshal " +
                                std::string(value.is_array() ? "array" : "scalar") +
                                " into Go value of type struct { APIVersion string; Kind string }");
  }
  std::string_view api_version = MemberString(*object, "apiVersion");
  std::string_view kind = MemberString(*object, "kind");
  std::string compact = boost::json::serialize(value);
  if (compact.size() > 120) compact = compact.substr(0, 117) + "...";
  if (kind.empty()) return InvalidArgumentError("Object 'Kind' is missing in '" + compact + "'");
  if (api_version.empty()) {
    return InvalidArgumentError("Object 'apiVersion' is missing in '" + compact + "'");
  }
  const KindInfo* info = FindKind(api_version, kind);
  if (info == nullptr) {
    return NotFoundError("no matches for kind \"" + std::string(kind) + "\" in version \"" +
                         std::string(api_version) + "\"");
  }
  return info->decode(*info, value, report);
}

}  // namespace kref::api
