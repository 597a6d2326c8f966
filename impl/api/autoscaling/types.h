// autoscaling: Scale, the scale subresource (autoscaling/v1), and HorizontalPodAutoscaler with
// its metric specs, scaling behavior and status (autoscaling/v2), with HorizontalPodAutoscalerList.
// Field names, order and omitempty as upstream; see impl/api/reflect.h for the conventions.
#pragma once

#include "impl/api/meta/types.h"
#include "impl/api/quantity.h"
#include "impl/api/reflect.h"
#include "impl/api/time.h"

// clang-format off
namespace kref::api::autoscaling {

// ---- Scale (autoscaling/v1) -----------------------------------------------------------------

struct ScaleSpec {
  KREF_API_STRUCT(ScaleSpec,
      (int32_t, replicas));
};

struct ScaleStatus {
  KREF_API_STRUCT(ScaleStatus,
      (int32_t, replicas),
      (std::string, selector));
  static constexpr std::string_view kAlwaysEmit[] = {"replicas"};
};

struct Scale {
  KREF_API_STRUCT(Scale,
      (std::string, kind),
      (std::string, apiVersion),
      (meta::ObjectMeta, metadata),
      (ScaleSpec, spec),
      (ScaleStatus, status));
};

// ---- HorizontalPodAutoscaler (autoscaling/v2) -----------------------------------------------

struct CrossVersionObjectReference {
  KREF_API_STRUCT(CrossVersionObjectReference,
      (std::string, kind),
      (std::string, name),
      (std::string, apiVersion));
  static constexpr std::string_view kAlwaysEmit[] = {"kind", "name"};
};

struct MetricIdentifier {
  KREF_API_STRUCT(MetricIdentifier,
      (std::string, name),
      (std::optional<meta::LabelSelector>, selector));
  static constexpr std::string_view kAlwaysEmit[] = {"name"};
};

struct MetricTarget {
  KREF_API_STRUCT(MetricTarget,
      (std::string, type),
      (std::optional<Quantity>, value),
      (std::optional<Quantity>, averageValue),
      (std::optional<int32_t>, averageUtilization));
  static constexpr std::string_view kAlwaysEmit[] = {"type"};
};

struct ObjectMetricSource {
  KREF_API_STRUCT(ObjectMetricSource,
      (CrossVersionObjectReference, describedObject),
      (MetricTarget, target),
      (MetricIdentifier, metric));
  static constexpr std::string_view kAlwaysEmit[] = {"describedObject", "target", "metric"};
};

struct PodsMetricSource {
  KREF_API_STRUCT(PodsMetricSource,
      (MetricIdentifier, metric),
      (MetricTarget, target));
  static constexpr std::string_view kAlwaysEmit[] = {"metric", "target"};
};

struct ResourceMetricSource {
  KREF_API_STRUCT(ResourceMetricSource,
      (std::string, name),
      (MetricTarget, target));
  static constexpr std::string_view kAlwaysEmit[] = {"name", "target"};
};

struct ContainerResourceMetricSource {
  KREF_API_STRUCT(ContainerResourceMetricSource,
      (std::string, name),
      (MetricTarget, target),
      (std::string, container));
  static constexpr std::string_view kAlwaysEmit[] = {"name", "target", "container"};
};

struct ExternalMetricSource {
  KREF_API_STRUCT(ExternalMetricSource,
      (MetricIdentifier, metric),
      (MetricTarget, target));
  static constexpr std::string_view kAlwaysEmit[] = {"metric", "target"};
};

struct MetricSpec {
  KREF_API_STRUCT(MetricSpec,
      (std::string, type),
      (std::optional<ObjectMetricSource>, object),
      (std::optional<PodsMetricSource>, pods),
      (std::optional<ResourceMetricSource>, resource),
      (std::optional<ContainerResourceMetricSource>, containerResource),
      (std::optional<ExternalMetricSource>, external));
  static constexpr std::string_view kAlwaysEmit[] = {"type"};
};

struct HPAScalingPolicy {
  KREF_API_STRUCT(HPAScalingPolicy,
      (std::string, type),
      (int32_t, value),
      (int32_t, periodSeconds));
  static constexpr std::string_view kAlwaysEmit[] = {"type", "value", "periodSeconds"};
};

struct HPAScalingRules {
  KREF_API_STRUCT(HPAScalingRules,
      (std::optional<int32_t>, stabilizationWindowSeconds),
      (std::optional<std::string>, selectPolicy),
      (std::vector<HPAScalingPolicy>, policies),
      (std::optional<Quantity>, tolerance));
};

struct HorizontalPodAutoscalerBehavior {
  KREF_API_STRUCT(HorizontalPodAutoscalerBehavior,
      (std::optional<HPAScalingRules>, scaleUp),
      (std::optional<HPAScalingRules>, scaleDown));
};

struct HorizontalPodAutoscalerSpec {
  KREF_API_STRUCT(HorizontalPodAutoscalerSpec,
      (CrossVersionObjectReference, scaleTargetRef),
      (std::optional<int32_t>, minReplicas),
      (int32_t, maxReplicas),
      (std::vector<MetricSpec>, metrics),
      (std::optional<HorizontalPodAutoscalerBehavior>, behavior));
  static constexpr std::string_view kAlwaysEmit[] = {"scaleTargetRef", "maxReplicas"};
};

struct MetricValueStatus {
  KREF_API_STRUCT(MetricValueStatus,
      (std::optional<Quantity>, value),
      (std::optional<Quantity>, averageValue),
      (std::optional<int32_t>, averageUtilization));
};

struct ObjectMetricStatus {
  KREF_API_STRUCT(ObjectMetricStatus,
      (MetricIdentifier, metric),
      (MetricValueStatus, current),
      (CrossVersionObjectReference, describedObject));
  static constexpr std::string_view kAlwaysEmit[] = {"metric", "current", "describedObject"};
};

struct PodsMetricStatus {
  KREF_API_STRUCT(PodsMetricStatus,
      (MetricIdentifier, metric),
      (MetricValueStatus, current));
  static constexpr std::string_view kAlwaysEmit[] = {"metric", "current"};
};

struct ResourceMetricStatus {
  KREF_API_STRUCT(ResourceMetricStatus,
      (std::string, name),
      (MetricValueStatus, current));
  static constexpr std::string_view kAlwaysEmit[] = {"name", "current"};
};

struct ContainerResourceMetricStatus {
  KREF_API_STRUCT(ContainerResourceMetricStatus,
      (std::string, name),
      (MetricValueStatus, current),
      (std::string, container));
  static constexpr std::string_view kAlwaysEmit[] = {"name", "current", "container"};
};

struct ExternalMetricStatus {
  KREF_API_STRUCT(ExternalMetricStatus,
      (MetricIdentifier, metric),
      (MetricValueStatus, current));
  static constexpr std::string_view kAlwaysEmit[] = {"metric", "current"};
};

struct MetricStatus {
  KREF_API_STRUCT(MetricStatus,
      (std::string, type),
      (std::optional<ObjectMetricStatus>, object),
      (std::optional<PodsMetricStatus>, pods),
      (std::optional<ResourceMetricStatus>, resource),
      (std::optional<ContainerResourceMetricStatus>, containerResource),
      (std::optional<ExternalMetricStatus>, external));
  static constexpr std::string_view kAlwaysEmit[] = {"type"};
};

struct HorizontalPodAutoscalerCondition {
  KREF_API_STRUCT(HorizontalPodAutoscalerCondition,
      (std::string, type),
      (std::string, status),
      (Time, lastTransitionTime),
      (std::string, reason),
      (std::string, message),
      (std::optional<int64_t>, observedGeneration));
  static constexpr std::string_view kAlwaysEmit[] = {"type", "status"};
};

struct HorizontalPodAutoscalerStatus {
  KREF_API_STRUCT(HorizontalPodAutoscalerStatus,
      (std::optional<int64_t>, observedGeneration),
      (std::optional<Time>, lastScaleTime),
      (int32_t, currentReplicas),
      (int32_t, desiredReplicas),
      (std::vector<MetricStatus>, currentMetrics),
      (std::vector<HorizontalPodAutoscalerCondition>, conditions));
  static constexpr std::string_view kAlwaysEmit[] = {"desiredReplicas", "currentMetrics"};
};

struct HorizontalPodAutoscaler {
  KREF_API_STRUCT(HorizontalPodAutoscaler,
      (std::string, kind),
      (std::string, apiVersion),
      (meta::ObjectMeta, metadata),
      (HorizontalPodAutoscalerSpec, spec),
      (HorizontalPodAutoscalerStatus, status));
};

using HorizontalPodAutoscalerList = meta::List<HorizontalPodAutoscaler>;

}  // namespace kref::api::autoscaling
// clang-format on
