// meta/v1 (k8s.io/apimachinery/pkg/apis/meta/v1): the object metadata every kind carries,
// lists, selectors, conditions, Status, DeleteOptions, WatchEvent and Table.
// Field names, order and omitempty as upstream; see impl/api/reflect.h for the conventions.
#pragma once

#include "impl/api/int_or_string.h"
#include "impl/api/quantity.h"
#include "impl/api/raw.h"
#include "impl/api/reflect.h"
#include "impl/api/time.h"

// clang-format off
namespace kref::api::meta {

struct OwnerReference {
  KREF_API_STRUCT(OwnerReference,
      (std::string, apiVersion),
      (std::string, kind),
      (std::string, name),
      (std::string, uid),
      (std::optional<bool>, controller),
      (std::optional<bool>, blockOwnerDeletion));
  static constexpr std::string_view kAlwaysEmit[] = {"apiVersion", "kind", "name", "uid"};
};

struct ManagedFieldsEntry {
  KREF_API_STRUCT(ManagedFieldsEntry,
      (std::string, manager),
      (std::string, operation),
      (std::string, apiVersion),
      (std::optional<Time>, time),
      (std::string, fieldsType),
      (RawJson, fieldsV1),
      (std::string, subresource));
};

struct ObjectMeta {
  KREF_API_STRUCT(ObjectMeta,
      (std::string, name),
      (std::string, generateName),
      (std::string, namespace_),
      (std::string, selfLink),
      (std::string, uid),
      (std::string, resourceVersion),
      (int64_t, generation),
      (Time, creationTimestamp),
      (std::optional<Time>, deletionTimestamp),
      (std::optional<int64_t>, deletionGracePeriodSeconds),
      (Map<std::string>, labels),
      (Map<std::string>, annotations),
      (std::vector<OwnerReference>, ownerReferences),
      (std::vector<std::string>, finalizers),
      (std::vector<ManagedFieldsEntry>, managedFields));
};

struct ListMeta {
  KREF_API_STRUCT(ListMeta,
      (std::string, selfLink),
      (std::string, resourceVersion),
      (std::string, continue_),
      (std::optional<int64_t>, remainingItemCount));
};

// A list of one kind ("PodList"): kind, apiVersion, metadata, items.
template <class T>
struct List {
  KREF_API_STRUCT(List,
      (std::string, kind),
      (std::string, apiVersion),
      (ListMeta, metadata),
      (std::vector<T>, items));
  static constexpr std::string_view kAlwaysEmit[] = {"items"};
};

struct LabelSelectorRequirement {
  KREF_API_STRUCT(LabelSelectorRequirement,
      (std::string, key),
      (std::string, operator_),
      (std::vector<std::string>, values));
  static constexpr std::string_view kAlwaysEmit[] = {"key", "operator"};
};

struct LabelSelector {
  KREF_API_STRUCT(LabelSelector,
      (Map<std::string>, matchLabels),
      (std::vector<LabelSelectorRequirement>, matchExpressions));
};

struct Condition {
  KREF_API_STRUCT(Condition,
      (std::string, type),
      (std::string, status),
      (int64_t, observedGeneration),
      (Time, lastTransitionTime),
      (std::string, reason),
      (std::string, message));
  static constexpr std::string_view kAlwaysEmit[] = {"type", "status", "reason", "message"};
};

struct StatusCause {
  KREF_API_STRUCT(StatusCause,
      (std::string, reason),
      (std::string, message),
      (std::string, field));
};

struct StatusDetails {
  KREF_API_STRUCT(StatusDetails,
      (std::string, name),
      (std::string, group),
      (std::string, kind),
      (std::string, uid),
      (std::vector<StatusCause>, causes),
      (int32_t, retryAfterSeconds));
};

// metav1.Status, the API's answer to a failed (or some successful) requests.
// Not to be confused with kref::Status, the internal error type it is made from.
struct Status {
  KREF_API_STRUCT(Status,
      (std::string, kind),
      (std::string, apiVersion),
      (ListMeta, metadata),
      (std::string, status),
      (std::string, message),
      (std::string, reason),
      (std::optional<StatusDetails>, details),
      (int32_t, code));
};

struct Preconditions {
  KREF_API_STRUCT(Preconditions,
      (std::optional<std::string>, uid),
      (std::optional<std::string>, resourceVersion));
};

struct DeleteOptions {
  KREF_API_STRUCT(DeleteOptions,
      (std::string, kind),
      (std::string, apiVersion),
      (std::optional<int64_t>, gracePeriodSeconds),
      (std::optional<Preconditions>, preconditions),
      (std::optional<bool>, orphanDependents),
      (std::optional<std::string>, propagationPolicy),
      (std::vector<std::string>, dryRun),
      (std::optional<bool>, ignoreStoreReadErrorWithClusterBreakingPotential));
};

struct WatchEvent {
  KREF_API_STRUCT(WatchEvent,
      (std::string, type),
      (RawJson, object));
  static constexpr std::string_view kAlwaysEmit[] = {"type", "object"};
};

struct TableColumnDefinition {
  KREF_API_STRUCT(TableColumnDefinition,
      (std::string, name),
      (std::string, type),
      (std::string, format),
      (std::string, description),
      (int32_t, priority));
  static constexpr std::string_view kAlwaysEmit[] = {"name", "type", "format", "description",
                                                     "priority"};
};

struct TableRowCondition {
  KREF_API_STRUCT(TableRowCondition,
      (std::string, type),
      (std::string, status),
      (std::string, reason),
      (std::string, message));
  static constexpr std::string_view kAlwaysEmit[] = {"type", "status"};
};

struct TableRow {
  KREF_API_STRUCT(TableRow,
      (std::vector<RawJson>, cells),
      (std::vector<TableRowCondition>, conditions),
      (RawJson, object));
  static constexpr std::string_view kAlwaysEmit[] = {"cells"};
};

struct Table {
  KREF_API_STRUCT(Table,
      (std::string, kind),
      (std::string, apiVersion),
      (ListMeta, metadata),
      (std::vector<TableColumnDefinition>, columnDefinitions),
      (std::vector<TableRow>, rows));
  static constexpr std::string_view kAlwaysEmit[] = {"columnDefinitions", "rows"};
};

}  // namespace kref::api::meta
// clang-format on

KREF_API_SEPARATE_CODEC(kref::api::meta::ObjectMeta);
