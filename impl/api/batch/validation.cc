// batch/v1 create validation, as pkg/apis/batch/validation/validation.go (v1.32): Jobs (the
// generated selector, counts and limits, completion modes, pod failure, success and
// replacement policies, the pod template) and CronJobs (name length, the schedule as
// github.com/robfig/cron/v3's standard parser reads it, the time zone, the job template).
#include <cctype>
#include <charconv>
#include <cstdint>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "impl/api/batch/ops.h"
#include "impl/api/core/ops.h"
#include "impl/api/labels.h"
#include "impl/api/validation/common.h"

namespace kref::api::batch {
namespace {

using validation::BadValue;
using validation::FieldErrors;
using validation::Path;

constexpr int32_t kMaxParallelismForIndexedJob = 100000;
constexpr int32_t kMaxFailedIndexesForIndexedJob = 100000;
constexpr int32_t kCompletionsSoftLimit = 100000;
constexpr int32_t kParallelismLimitForHighCompletions = 10000;
constexpr int32_t kMaxFailedIndexesLimitForHighCompletions = 10000;
constexpr size_t kMaxPodFailurePolicyRules = 20;
constexpr size_t kMaxPodFailurePolicyOnExitCodesValues = 255;
constexpr size_t kMaxPodFailurePolicyOnPodConditionsPatterns = 20;
constexpr size_t kMaxManagedByLength = 63;
constexpr size_t kMaxSuccessPolicySucceededIndexesLength = 64 * 1024;
constexpr size_t kMaxSuccessPolicyRules = 20;
// The cronjob controller appends "-<11 characters>" to job names, which are DNS-1035 labels.
constexpr size_t kMaxCronJobNameLength = 63 - 11;

// ---- Go value rendering ----

// Go's %#v of a map[string]string (keys sorted, as fmt prints maps).
std::string GoStringMap(const Map<std::string>& map) {
  if (map.empty()) return "map[string]string(nil)";
  std::string out = "map[string]string{";
  bool first = true;
  for (const auto& [key, value] : map) {
    if (!first) out += ", ";
    first = false;
    out += validation::GoQuote(key) + ":" + validation::GoQuote(value);
  }
  return out + "}";
}

// Go's %#v of a metav1.LabelSelector value.
std::string GoLabelSelector(const meta::LabelSelector& selector) {
  std::string out =
      "v1.LabelSelector{MatchLabels:" + GoStringMap(selector.matchLabels) + ", MatchExpressions:";
  if (selector.matchExpressions.empty()) {
    out += "[]v1.LabelSelectorRequirement(nil)";
  } else {
    out += "[]v1.LabelSelectorRequirement{";
    for (size_t i = 0; i < selector.matchExpressions.size(); ++i) {
      const meta::LabelSelectorRequirement& r = selector.matchExpressions[i];
      if (i > 0) out += ", ";
      out += "v1.LabelSelectorRequirement{Key:" + validation::GoQuote(r.key) +
             ", Operator:" + validation::GoQuote(r.operator_) +
             ", Values:" + (r.values.empty() ? "[]string(nil)" : BadValue(r.values).text()) + "}";
    }
    out += "}";
  }
  return out + "}";
}

// Go's %#v of a []int32.
std::string GoInt32Slice(const std::vector<int32_t>& values) {
  if (values.empty()) return "[]int32(nil)";
  std::string out = "[]int32{";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ", ";
    out += std::to_string(values[i]);
  }
  return out + "}";
}

// Go's %q of a []string: ["a" "b"].
std::string GoQuotedList(std::initializer_list<std::string_view> values) {
  std::string out = "[";
  for (std::string_view value : values) {
    if (out.size() > 1) out += " ";
    out += validation::GoQuote(value);
  }
  return out + "]";
}

// Go's %#v of the internal batch.SuccessPolicy (pointers print as placeholder addresses).
std::string GoSuccessPolicy(const SuccessPolicy& policy) {
  if (policy.rules.empty()) return "batch.SuccessPolicy{Rules:[]batch.SuccessPolicyRule(nil)}";
  std::string out = "batch.SuccessPolicy{Rules:[]batch.SuccessPolicyRule{";
  for (size_t i = 0; i < policy.rules.size(); ++i) {
    if (i > 0) out += ", ";
    out += "batch.SuccessPolicyRule{SucceededIndexes:(*string)(" +
           std::string(policy.rules[i].succeededIndexes ? "0xc000010000" : "nil") +
           "), SucceededCount:(*int32)(" +
           std::string(policy.rules[i].succeededCount ? "0xc000010008" : "nil") + ")}";
  }
  return out + "}}";
}

// An Invalid error whose value upstream omits (field.OmitValueType): "Invalid value: <detail>".
validation::FieldError InvalidOmitValue(const Path& path, std::string detail) {
  return {validation::ErrorType::kInvalid, path.str(), std::move(detail), ""};
}

// ---- Job ----

// ValidateHasLabel.
FieldErrors ValidateHasLabel(const meta::ObjectMeta& metadata, const Path& path,
                             std::string_view key, const std::string& expected) {
  Path at = path.Child("labels").Key(key);
  auto it = metadata.labels.find(std::string(key));
  if (it == metadata.labels.end()) return {validation::Required(at, "must be '" + expected + "'")};
  if (it->second == expected) return {};
  return {validation::Invalid(at, BadValue::Raw(GoStringMap(metadata.labels)),
                              "must be '" + expected + "'")};
}

// validateGeneratedSelector, with the batch.kubernetes.io/ labels required (always on create).
FieldErrors ValidateGeneratedSelector(const Job& job) {
  if (job.spec.manualSelector.value_or(false) || !job.spec.selector) return {};
  FieldErrors errors;
  if (job.metadata.uid.empty())
    errors.push_back(validation::Required(Path("metadata").Child("uid")));
  Path template_meta = Path("spec").Child("template").Child("metadata");
  const meta::ObjectMeta& pod_meta = job.spec.template_.metadata;
  validation::Append(errors,
                     ValidateHasLabel(pod_meta, template_meta, "controller-uid", job.metadata.uid));
  validation::Append(errors,
                     ValidateHasLabel(pod_meta, template_meta, "job-name", job.metadata.name));
  validation::Append(errors,
                     ValidateHasLabel(pod_meta, template_meta, "batch.kubernetes.io/controller-uid",
                                      job.metadata.uid));
  validation::Append(errors, ValidateHasLabel(pod_meta, template_meta,
                                              "batch.kubernetes.io/job-name", job.metadata.name));
  labels::Set expected = {{"batch.kubernetes.io/controller-uid", job.metadata.uid},
                          {"batch.kubernetes.io/job-name", job.metadata.name},
                          {"controller-uid", job.metadata.uid},
                          {"job-name", job.metadata.name}};
  Result<labels::Selector> selector = labels::Selector::FromLabelSelector(*job.spec.selector);
  if (selector.has_value() && !selector->Matches(expected)) {
    errors.push_back(validation::Invalid(Path("spec").Child("selector"),
                                         BadValue::Raw(GoLabelSelector(*job.spec.selector)),
                                         "`selector` not auto-generated"));
  }
  return errors;
}

// IsDomainPrefixedPath (k8s.io/apimachinery/pkg/util/validation).
FieldErrors IsDomainPrefixedPath(const Path& path, const std::string& value) {
  if (value.empty()) return {validation::Required(path)};
  size_t slash = value.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == value.size()) {
    return {validation::Invalid(path, value,
                                "must be a domain-prefixed path (such as \"acme.io/foo\")")};
  }
  FieldErrors errors;
  std::string host = value.substr(0, slash);
  for (const std::string& problem : validation::IsDNS1123Subdomain(host)) {
    errors.push_back(validation::Invalid(path, host, problem));
  }
  std::string rest = value.substr(slash + 1);
  constexpr std::string_view kPathChars =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/-._~%!$&'()*+,;=:";
  if (rest.find_first_not_of(kPathChars) != std::string::npos) {
    errors.push_back(validation::Invalid(
        path, rest,
        validation::RegexError("Invalid path", "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+", {})));
  }
  return errors;
}

// The Indexed-mode limits of validateJobSpec.
FieldErrors ValidateIndexedJobLimits(const JobSpec& spec, const Path& path) {
  FieldErrors errors;
  if (!spec.completions) {
    errors.push_back(
        validation::Required(path.Child("completions"), "when completion mode is Indexed"));
  }
  if (spec.parallelism && *spec.parallelism > kMaxParallelismForIndexedJob) {
    errors.push_back(validation::Invalid(path.Child("parallelism"), *spec.parallelism,
                                         "must be less than or equal to " +
                                             std::to_string(kMaxParallelismForIndexedJob) +
                                             " when completion mode is Indexed"));
  }
  if (spec.completions && spec.maxFailedIndexes && *spec.maxFailedIndexes > *spec.completions) {
    errors.push_back(validation::Invalid(path.Child("maxFailedIndexes"), *spec.maxFailedIndexes,
                                         "must be less than or equal to completions"));
  }
  if (spec.maxFailedIndexes && *spec.maxFailedIndexes > kMaxFailedIndexesForIndexedJob) {
    errors.push_back(validation::Invalid(
        path.Child("maxFailedIndexes"), *spec.maxFailedIndexes,
        "must be less than or equal to " + std::to_string(kMaxFailedIndexesForIndexedJob)));
  }
  if (spec.completions && *spec.completions > kCompletionsSoftLimit && spec.backoffLimitPerIndex) {
    std::string high = " when completions are above " + std::to_string(kCompletionsSoftLimit) +
                       " and used with backoff limit per index";
    if (!spec.maxFailedIndexes) {
      errors.push_back(validation::Required(
          path.Child("maxFailedIndexes"),
          "must be specified when completions is above " + std::to_string(kCompletionsSoftLimit)));
    }
    if (spec.parallelism && *spec.parallelism > kParallelismLimitForHighCompletions) {
      errors.push_back(validation::Invalid(path.Child("parallelism"), *spec.parallelism,
                                           "must be less than or equal to " +
                                               std::to_string(kParallelismLimitForHighCompletions) +
                                               high));
    }
    if (spec.maxFailedIndexes &&
        *spec.maxFailedIndexes > kMaxFailedIndexesLimitForHighCompletions) {
      errors.push_back(
          validation::Invalid(path.Child("maxFailedIndexes"), *spec.maxFailedIndexes,
                              "must be less than or equal to " +
                                  std::to_string(kMaxFailedIndexesLimitForHighCompletions) + high));
    }
  }
  return errors;
}

// The completion mode part of validateJobSpec.
FieldErrors ValidateCompletionMode(const JobSpec& spec, const Path& path) {
  FieldErrors errors;
  const std::optional<std::string>& mode = spec.completionMode;
  if (mode) {
    if (*mode != "NonIndexed" && *mode != "Indexed") {
      errors.push_back(
          validation::NotSupported(path.Child("completionMode"), *mode, {"NonIndexed", "Indexed"}));
    }
    if (*mode == "Indexed") validation::Append(errors, ValidateIndexedJobLimits(spec, path));
  }
  if (!mode || *mode == "NonIndexed") {
    if (spec.backoffLimitPerIndex) {
      errors.push_back(validation::Invalid(path.Child("backoffLimitPerIndex"),
                                           *spec.backoffLimitPerIndex,
                                           "requires indexed completion mode"));
    }
    if (spec.maxFailedIndexes) {
      errors.push_back(validation::Invalid(path.Child("maxFailedIndexes"), *spec.maxFailedIndexes,
                                           "requires indexed completion mode"));
    }
  }
  return errors;
}

// validatePodFailurePolicyRuleOnExitCodes.
FieldErrors ValidateOnExitCodes(const PodFailurePolicyOnExitCodesRequirement& on_exit_codes,
                                const Path& path, const std::set<std::string>& container_names) {
  FieldErrors errors;
  Path op = path.Child("operator");
  if (on_exit_codes.operator_.empty()) {
    errors.push_back(validation::Required(op, "valid values: " + GoQuotedList({"In", "NotIn"})));
  } else if (on_exit_codes.operator_ != "In" && on_exit_codes.operator_ != "NotIn") {
    errors.push_back(validation::NotSupported(op, on_exit_codes.operator_, {"In", "NotIn"}));
  }
  if (on_exit_codes.containerName && !container_names.count(*on_exit_codes.containerName)) {
    errors.push_back(validation::Invalid(
        path.Child("containerName"), *on_exit_codes.containerName,
        "must be one of the container or initContainer names in the pod template"));
  }
  Path values_path = path.Child("values");
  const std::vector<int32_t>& values = on_exit_codes.values;
  if (values.empty()) {
    errors.push_back(validation::Invalid(values_path, BadValue::Raw(GoInt32Slice(values)),
                                         "at least one value is required"));
  } else if (values.size() > kMaxPodFailurePolicyOnExitCodesValues) {
    errors.push_back(validation::TooMany(values_path, static_cast<int64_t>(values.size()),
                                         kMaxPodFailurePolicyOnExitCodesValues));
  }
  bool ordered = true;
  std::set<int32_t> seen;
  for (size_t j = 0; j < values.size(); ++j) {
    if (on_exit_codes.operator_ == "In" && values[j] == 0) {
      errors.push_back(validation::Invalid(values_path.Index(j), values[j],
                                           "must not be 0 for the In operator"));
    }
    if (!seen.insert(values[j]).second) {
      errors.push_back(validation::Duplicate(values_path.Index(j), values[j]));
    }
    if (j > 0 && values[j - 1] > values[j]) ordered = false;
  }
  if (!ordered) {
    errors.push_back(
        validation::Invalid(values_path, BadValue::Raw(GoInt32Slice(values)), "must be ordered"));
  }
  return errors;
}

// validatePodFailurePolicyRuleOnPodConditions.
FieldErrors ValidateOnPodConditions(
    const std::vector<PodFailurePolicyOnPodConditionsPattern>& patterns, const Path& path) {
  FieldErrors errors;
  if (patterns.size() > kMaxPodFailurePolicyOnPodConditionsPatterns) {
    errors.push_back(validation::TooMany(path, static_cast<int64_t>(patterns.size()),
                                         kMaxPodFailurePolicyOnPodConditionsPatterns));
  }
  for (size_t j = 0; j < patterns.size(); ++j) {
    Path at = path.Index(j);
    for (const std::string& problem : validation::IsQualifiedName(patterns[j].type)) {
      errors.push_back(validation::Invalid(at.Child("type"), patterns[j].type, problem));
    }
    const std::string& status = patterns[j].status;
    if (status.empty()) {
      errors.push_back(validation::Required(
          at.Child("status"), "valid values: " + GoQuotedList({"False", "True", "Unknown"})));
    } else if (status != "False" && status != "True" && status != "Unknown") {
      errors.push_back(
          validation::NotSupported(at.Child("status"), status, {"False", "True", "Unknown"}));
    }
  }
  return errors;
}

// validatePodFailurePolicyRule.
FieldErrors ValidatePodFailurePolicyRule(const JobSpec& spec, const PodFailurePolicyRule& rule,
                                         const Path& path,
                                         const std::set<std::string>& container_names) {
  FieldErrors errors;
  Path action = path.Child("action");
  if (rule.action.empty()) {
    errors.push_back(validation::Required(
        action, "valid values: " + GoQuotedList({"Count", "FailIndex", "FailJob", "Ignore"})));
  } else if (rule.action == "FailIndex") {
    if (!spec.backoffLimitPerIndex) {
      errors.push_back(
          validation::Invalid(action, rule.action, "requires the backoffLimitPerIndex to be set"));
    }
  } else if (rule.action != "Count" && rule.action != "FailJob" && rule.action != "Ignore") {
    errors.push_back(
        validation::NotSupported(action, rule.action, {"Count", "FailIndex", "FailJob", "Ignore"}));
  }
  if (rule.onExitCodes) {
    validation::Append(
        errors, ValidateOnExitCodes(*rule.onExitCodes, path.Child("onExitCodes"), container_names));
  }
  if (!rule.onPodConditions.empty()) {
    validation::Append(
        errors, ValidateOnPodConditions(rule.onPodConditions, path.Child("onPodConditions")));
  }
  if (rule.onExitCodes && !rule.onPodConditions.empty()) {
    errors.push_back(
        InvalidOmitValue(path, "specifying both OnExitCodes and OnPodConditions is not supported"));
  }
  if (!rule.onExitCodes && rule.onPodConditions.empty()) {
    errors.push_back(
        InvalidOmitValue(path, "specifying one of OnExitCodes and OnPodConditions is required"));
  }
  return errors;
}

// validatePodFailurePolicy.
FieldErrors ValidatePodFailurePolicy(const JobSpec& spec, const Path& path) {
  FieldErrors errors;
  Path rules = path.Child("rules");
  const std::vector<PodFailurePolicyRule>& policy_rules = spec.podFailurePolicy->rules;
  if (policy_rules.size() > kMaxPodFailurePolicyRules) {
    errors.push_back(validation::TooMany(rules, static_cast<int64_t>(policy_rules.size()),
                                         kMaxPodFailurePolicyRules));
  }
  std::set<std::string> container_names;
  for (const core::Container& c : spec.template_.spec.containers) container_names.insert(c.name);
  for (const core::Container& c : spec.template_.spec.initContainers)
    container_names.insert(c.name);
  for (size_t i = 0; i < policy_rules.size(); ++i) {
    validation::Append(errors, ValidatePodFailurePolicyRule(spec, policy_rules[i], rules.Index(i),
                                                            container_names));
  }
  return errors;
}

// parseIndexInterval: "x" or "x-y" below `completions`; the error text as upstream's.
Result<std::pair<int64_t, int64_t>> ParseIndexInterval(std::string_view interval,
                                                       int32_t completions) {
  std::vector<std::string_view> limits;
  size_t start = 0;
  while (true) {
    size_t dash = interval.find('-', start);
    limits.push_back(interval.substr(start, dash == std::string_view::npos ? dash : dash - start));
    if (dash == std::string_view::npos) break;
    start = dash + 1;
  }
  if (limits.size() > 2) {
    return InvalidArgumentError("the fragment " + validation::GoQuote(interval) +
                                " violates the requirement that an index interval can have at "
                                "most two parts separated by '-'");
  }
  int64_t bounds[2] = {0, 0};
  for (size_t k = 0; k < limits.size(); ++k) {
    std::string_view text = limits[k];
    if (!text.empty() && text[0] == '+') text.remove_prefix(1);
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), bounds[k]);
    if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
      return InvalidArgumentError("cannot convert string to integer for index: " +
                                  validation::GoQuote(limits[k]));
    }
    if (bounds[k] >= completions) {
      return InvalidArgumentError("too large index: " + validation::GoQuote(limits[k]));
    }
  }
  if (limits.size() == 1) return std::make_pair(bounds[0], bounds[0]);
  if (bounds[0] >= bounds[1]) {
    return InvalidArgumentError("non-increasing order, previous: " + std::to_string(bounds[0]) +
                                ", current: " + std::to_string(bounds[1]));
  }
  return std::make_pair(bounds[0], bounds[1]);
}

// validateIndexesFormat: the number of indexes in "1,3-5,7", or the first problem.
Result<int64_t> ValidateIndexesFormat(std::string_view indexes, int32_t completions) {
  if (indexes.empty()) return int64_t{0};
  std::optional<int64_t> last;
  int64_t total = 0;
  size_t start = 0;
  while (true) {
    size_t comma = indexes.find(',', start);
    std::string_view interval =
        indexes.substr(start, comma == std::string_view::npos ? comma : comma - start);
    KREF_ASSIGN_OR_RETURN(auto bounds, ParseIndexInterval(interval, completions));
    if (last && *last >= bounds.first) {
      return InvalidArgumentError("non-increasing order, previous: " + std::to_string(*last) +
                                  ", current: " + std::to_string(bounds.first));
    }
    total += bounds.second - bounds.first + 1;
    last = bounds.second;
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return total;
}

// validateSuccessPolicyRule (the Job is Indexed, so completions is set).
FieldErrors ValidateSuccessPolicyRule(const JobSpec& spec, const SuccessPolicyRule& rule,
                                      const Path& path) {
  FieldErrors errors;
  if (!rule.succeededCount && !rule.succeededIndexes) {
    errors.push_back(validation::Required(
        path, "at least one of succeededCount or succeededIndexes must be specified"));
  }
  int32_t completions = spec.completions.value_or(0);
  int64_t total_indexes = 0;
  if (rule.succeededIndexes) {
    Path at = path.Child("succeededIndexes");
    if (rule.succeededIndexes->size() > kMaxSuccessPolicySucceededIndexesLength) {
      errors.push_back(validation::TooLong(at, kMaxSuccessPolicySucceededIndexesLength));
    }
    Result<int64_t> total = ValidateIndexesFormat(*rule.succeededIndexes, completions);
    if (total.has_value()) {
      total_indexes = *total;
    } else {
      errors.push_back(validation::Invalid(
          at, *rule.succeededIndexes,
          "error parsing succeededIndexes: " + std::string(total.status().message())));
    }
  }
  if (rule.succeededCount) {
    Path at = path.Child("succeededCount");
    validation::Append(errors, validation::ValidateNonnegative(*rule.succeededCount, at));
    if (*rule.succeededCount > completions) {
      errors.push_back(validation::Invalid(at, *rule.succeededCount,
                                           "must be less than or equal to " +
                                               std::to_string(completions) +
                                               " (the number of specified completions)"));
    }
    if (rule.succeededIndexes && *rule.succeededCount > total_indexes) {
      errors.push_back(validation::Invalid(
          at, *rule.succeededCount,
          "must be less than or equal to " + std::to_string(total_indexes) +
              " (the number of indexes in the specified succeededIndexes field)"));
    }
  }
  return errors;
}

// validateSuccessPolicy, behind the Indexed-mode check of validateJobSpec.
FieldErrors ValidateSuccessPolicy(const JobSpec& spec, const Path& path) {
  if (spec.completionMode.value_or("NonIndexed") != "Indexed") {
    return {validation::Invalid(path, BadValue::Raw(GoSuccessPolicy(*spec.successPolicy)),
                                "requires indexed completion mode")};
  }
  FieldErrors errors;
  Path rules = path.Child("rules");
  const std::vector<SuccessPolicyRule>& policy_rules = spec.successPolicy->rules;
  if (policy_rules.empty()) {
    errors.push_back(validation::Required(
        rules, "at least one rules must be specified when the successPolicy is specified"));
  }
  if (policy_rules.size() > kMaxSuccessPolicyRules) {
    errors.push_back(validation::TooMany(rules, static_cast<int64_t>(policy_rules.size()),
                                         kMaxSuccessPolicyRules));
  }
  for (size_t i = 0; i < policy_rules.size(); ++i) {
    validation::Append(errors, ValidateSuccessPolicyRule(spec, policy_rules[i], rules.Index(i)));
  }
  return errors;
}

// validatePodReplacementPolicy.
FieldErrors ValidatePodReplacementPolicy(const JobSpec& spec, const Path& path) {
  if (!spec.podReplacementPolicy) return {};
  const std::string& policy = *spec.podReplacementPolicy;
  if (spec.podFailurePolicy) {
    if (policy == "Failed") return {};
    return {validation::NotSupported(path, policy, {"Failed"})};
  }
  if (policy == "Failed" || policy == "TerminatingOrFailed") return {};
  return {validation::NotSupported(path, policy, {"Failed", "TerminatingOrFailed"})};
}

// The restart policy rule of validateJobSpec.
FieldErrors ValidateJobRestartPolicy(const JobSpec& spec, const Path& path) {
  const std::string& policy = spec.template_.spec.restartPolicy;
  Path at = path.Child("template").Child("spec").Child("restartPolicy");
  if (policy == "Always" || policy.empty()) {
    return {validation::Required(at, "valid values: \"OnFailure\", \"Never\"")};
  }
  if (policy != "OnFailure" && policy != "Never") {
    return {validation::NotSupported(at, policy, {"OnFailure", "Never"})};
  }
  if (spec.podFailurePolicy && policy != "Never") {
    return {validation::Invalid(at, policy,
                                "only \"Never\" is supported when podFailurePolicy is specified")};
  }
  return {};
}

// The counters and limits of validateJobSpec.
FieldErrors ValidateJobCounts(const JobSpec& spec, const Path& path) {
  FieldErrors errors;
  auto nonnegative = [&](const auto& value, std::string_view name) {
    if (value)
      validation::Append(errors, validation::ValidateNonnegative(*value, path.Child(name)));
  };
  nonnegative(spec.parallelism, "parallelism");
  nonnegative(spec.completions, "completions");
  nonnegative(spec.activeDeadlineSeconds, "activeDeadlineSeconds");
  nonnegative(spec.backoffLimit, "backoffLimit");
  nonnegative(spec.ttlSecondsAfterFinished, "ttlSecondsAfterFinished");
  nonnegative(spec.backoffLimitPerIndex, "backoffLimitPerIndex");
  nonnegative(spec.maxFailedIndexes, "maxFailedIndexes");
  if (spec.maxFailedIndexes && !spec.backoffLimitPerIndex) {
    errors.push_back(validation::Required(path.Child("backoffLimitPerIndex"),
                                          "when maxFailedIndexes is specified"));
  }
  if (spec.managedBy) {
    Path at = path.Child("managedBy");
    validation::Append(errors, IsDomainPrefixedPath(at, *spec.managedBy));
    if (spec.managedBy->size() > kMaxManagedByLength) {
      errors.push_back(validation::TooLong(at, kMaxManagedByLength));
    }
  }
  return errors;
}

// validateJobSpec: the rules a Job and a CronJob's job template share.
FieldErrors ValidateJobSpecCommon(const JobSpec& spec, const Path& path) {
  FieldErrors errors = ValidateJobCounts(spec, path);
  validation::Append(errors, ValidateCompletionMode(spec, path));
  if (spec.podFailurePolicy) {
    validation::Append(errors, ValidatePodFailurePolicy(spec, path.Child("podFailurePolicy")));
  }
  if (spec.successPolicy) {
    validation::Append(errors, ValidateSuccessPolicy(spec, path.Child("successPolicy")));
  }
  validation::Append(errors,
                     ValidatePodReplacementPolicy(spec, path.Child("podReplacementPolicy")));
  validation::Append(errors, core::ValidatePodTemplateSpec(spec.template_, path.Child("template")));
  validation::Append(errors, ValidateJobRestartPolicy(spec, path));
  return errors;
}

// ValidateJobSpec: validateJobSpec plus the selector, required and matching the template.
FieldErrors ValidateJobSpec(const JobSpec& spec, const Path& path) {
  FieldErrors errors = ValidateJobSpecCommon(spec, path);
  if (!spec.selector) {
    errors.push_back(validation::Required(path.Child("selector")));
  } else {
    validation::Append(errors,
                       validation::ValidateLabelSelector(*spec.selector, path.Child("selector")));
  }
  Result<labels::Selector> selector = labels::Selector::FromLabelSelector(spec.selector);
  if (selector.has_value() && !selector->Matches(spec.template_.metadata.labels)) {
    errors.push_back(validation::Invalid(path.Child("template").Child("metadata").Child("labels"),
                                         BadValue::Raw(GoStringMap(spec.template_.metadata.labels)),
                                         "`selector` does not match template `labels`"));
  }
  return errors;
}

// The Indexed Job hostname rule of ValidateJob: "<name>-<completions-1>" must be a DNS label.
FieldErrors ValidateIndexedPodHostname(const Job& job) {
  const JobSpec& spec = job.spec;
  if (spec.completionMode.value_or("") != "Indexed" || spec.completions.value_or(0) <= 0) {
    return {};
  }
  std::string hostname = job.metadata.name + "-" + std::to_string(*spec.completions - 1);
  if (validation::IsDNS1123Label(hostname).empty()) return {};
  return {validation::Invalid(Path("metadata").Child("name"), job.metadata.name,
                              "will not able to create pod with invalid DNS label: " + hostname)};
}

// ---- CronJob schedule (github.com/robfig/cron/v3, ParseStandard) ----

struct CronBounds {
  int64_t min;
  int64_t max;
  std::vector<std::pair<std::string_view, int64_t>> names;
};

// strings.Fields: splits on runs of ASCII whitespace.
std::vector<std::string> SplitFields(std::string_view text) {
  std::vector<std::string> fields;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    size_t start = i;
    while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (i > start) fields.emplace_back(text.substr(start, i - start));
  }
  return fields;
}

std::vector<std::string_view> Split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    size_t at = text.find(separator, start);
    parts.push_back(text.substr(start, at == std::string_view::npos ? at : at - start));
    if (at == std::string_view::npos) return parts;
    start = at + 1;
  }
}

// mustParseInt: strconv.Atoi, then non-negative.
Result<int64_t> MustParseInt(std::string_view expr) {
  std::string_view digits = expr;
  bool negative = false;
  if (!digits.empty() && (digits[0] == '+' || digits[0] == '-')) {
    negative = digits[0] == '-';
    digits.remove_prefix(1);
  }
  uint64_t magnitude = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), magnitude);
  std::string prefix = "failed to parse int from " + std::string(expr) +
                       ": strconv.Atoi: parsing " + validation::GoQuote(expr) + ": ";
  if (digits.empty() || end != digits.data() + digits.size() ||
      (error != std::errc() && error != std::errc::result_out_of_range)) {
    return InvalidArgumentError(prefix + "invalid syntax");
  }
  if (error == std::errc::result_out_of_range ||
      magnitude > (negative ? uint64_t{1} << 63 : (uint64_t{1} << 63) - 1)) {
    return InvalidArgumentError(prefix + "value out of range");
  }
  if (negative && magnitude > 0) {
    return InvalidArgumentError("negative number (-" + std::to_string(magnitude) +
                                ") not allowed: " + std::string(expr));
  }
  return static_cast<int64_t>(magnitude);
}

// parseIntOrName.
Result<int64_t> ParseIntOrName(std::string_view expr, const CronBounds& bounds) {
  std::string lower(expr);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const auto& [name, value] : bounds.names) {
    if (lower == name) return value;
  }
  return MustParseInt(expr);
}

// getRange: one "a", "a-b", "*", "a/s", "a-b/s" or "*/s" element.
Status CheckCronRange(std::string_view expr, const CronBounds& bounds) {
  std::vector<std::string_view> range_and_step = Split(expr, '/');
  std::vector<std::string_view> low_and_high = Split(range_and_step[0], '-');
  bool single = low_and_high.size() == 1;
  int64_t start = 0;
  int64_t end = 0;
  if (low_and_high[0] == "*" || low_and_high[0] == "?") {
    start = bounds.min;
    end = bounds.max;
  } else {
    KREF_ASSIGN_OR_RETURN(start, ParseIntOrName(low_and_high[0], bounds));
    if (low_and_high.size() == 1) {
      end = start;
    } else if (low_and_high.size() == 2) {
      KREF_ASSIGN_OR_RETURN(end, ParseIntOrName(low_and_high[1], bounds));
    } else {
      return InvalidArgumentError("too many hyphens: " + std::string(expr));
    }
  }
  int64_t step = 1;
  if (range_and_step.size() == 2) {
    KREF_ASSIGN_OR_RETURN(step, MustParseInt(range_and_step[1]));
    if (single) end = bounds.max;
  } else if (range_and_step.size() > 2) {
    return InvalidArgumentError("too many slashes: " + std::string(expr));
  }
  auto problem = [&](const std::string& what) {
    return InvalidArgumentError(what + ": " + std::string(expr));
  };
  if (start < bounds.min) {
    return problem("beginning of range (" + std::to_string(start) + ") below minimum (" +
                   std::to_string(bounds.min) + ")");
  }
  if (end > bounds.max) {
    return problem("end of range (" + std::to_string(end) + ") above maximum (" +
                   std::to_string(bounds.max) + ")");
  }
  if (start > end) {
    return problem("beginning of range (" + std::to_string(start) + ") beyond end of range (" +
                   std::to_string(end) + ")");
  }
  if (step == 0) return problem("step of range should be a positive number");
  return Status();
}

// getField: a comma-separated list of ranges (empty elements are skipped, as FieldsFunc does).
Status CheckCronField(std::string_view field, const CronBounds& bounds) {
  for (std::string_view expr : Split(field, ',')) {
    if (expr.empty()) continue;
    KREF_RETURN_IF_ERROR(CheckCronRange(expr, bounds));
  }
  return Status();
}

// time.ParseDuration's grammar: [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+, or "0".
Status CheckGoDuration(std::string_view text) {
  std::string quoted = validation::GoQuote(text);
  std::string_view s = text;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  if (s == "0") return Status();
  if (s.empty()) return InvalidArgumentError("time: invalid duration " + quoted);
  static const std::set<std::string_view> kUnits = {"ns", "us", "\u00b5s", "\u03bcs",
                                                    "ms", "s",  "m",       "h"};
  while (!s.empty()) {
    size_t i = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    bool digits = i > 0;
    if (i < s.size() && s[i] == '.') {
      ++i;
      size_t fraction = i;
      while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
      digits = digits || i > fraction;
    }
    if (!digits) return InvalidArgumentError("time: invalid duration " + quoted);
    size_t unit_start = i;
    while (i < s.size() && s[i] != '.' && !std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    std::string_view unit = s.substr(unit_start, i - unit_start);
    if (unit.empty()) return InvalidArgumentError("time: missing unit in duration " + quoted);
    if (!kUnits.count(unit)) {
      return InvalidArgumentError("time: unknown unit " + validation::GoQuote(unit) +
                                  " in duration " + quoted);
    }
    s.remove_prefix(i);
  }
  return Status();
}

// parseDescriptor.
Status CheckCronDescriptor(std::string_view descriptor) {
  for (std::string_view known :
       {"@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"}) {
    if (descriptor == known) return Status();
  }
  constexpr std::string_view kEvery = "@every ";
  if (descriptor.substr(0, kEvery.size()) == kEvery) {
    Status duration = CheckGoDuration(descriptor.substr(kEvery.size()));
    if (duration.ok()) return Status();
    return InvalidArgumentError("failed to parse duration " + std::string(descriptor) + ": " +
                                std::string(duration.message()));
  }
  return InvalidArgumentError("unrecognized descriptor: " + std::string(descriptor));
}

// time.LoadLocation, against the system zoneinfo database.
Status LoadLocation(const std::string& name) {
  if (name.empty() || name == "UTC" || name == "Local") return Status();
  if (name.find("..") != std::string::npos || name[0] == '/' || name[0] == '\\') {
    return InvalidArgumentError("time: invalid location name");
  }
  std::ifstream file("/usr/share/zoneinfo/" + name, std::ios::binary);
  char magic[4] = {};
  if (!file || !file.read(magic, sizeof(magic))) {
    return InvalidArgumentError("unknown time zone " + name);
  }
  if (std::string_view(magic, sizeof(magic)) != "TZif") {
    return InvalidArgumentError("malformed time zone information");
  }
  return Status();
}

// cron.ParseStandard: the error text robfig/cron gives, or OK.
Status ParseStandardSchedule(std::string_view spec) {
  static const CronBounds kMinutes = {0, 59, {}};
  static const CronBounds kHours = {0, 23, {}};
  static const CronBounds kDom = {1, 31, {}};
  static const CronBounds kMonths = {1,
                                     12,
                                     {{"jan", 1},
                                      {"feb", 2},
                                      {"mar", 3},
                                      {"apr", 4},
                                      {"may", 5},
                                      {"jun", 6},
                                      {"jul", 7},
                                      {"aug", 8},
                                      {"sep", 9},
                                      {"oct", 10},
                                      {"nov", 11},
                                      {"dec", 12}}};
  static const CronBounds kDow = {
      0, 6, {{"sun", 0}, {"mon", 1}, {"tue", 2}, {"wed", 3}, {"thu", 4}, {"fri", 5}, {"sat", 6}}};
  if (spec.empty()) return InvalidArgumentError("empty spec string");
  if (spec.substr(0, 3) == "TZ=" || spec.substr(0, 8) == "CRON_TZ=") {
    size_t eq = spec.find('=');
    size_t space = spec.find(' ');
    std::string location(spec.substr(
        eq + 1, space == std::string_view::npos ? std::string_view::npos : space - eq - 1));
    if (Status loaded = LoadLocation(location); !loaded.ok()) {
      return InvalidArgumentError("provided bad location " + location + ": " +
                                  std::string(loaded.message()));
    }
    spec = space == std::string_view::npos ? std::string_view() : spec.substr(space);
    while (!spec.empty() && std::isspace(static_cast<unsigned char>(spec.front()))) {
      spec.remove_prefix(1);
    }
  }
  if (!spec.empty() && spec[0] == '@') return CheckCronDescriptor(spec);
  std::vector<std::string> fields = SplitFields(spec);
  if (fields.size() != 5) {
    std::string listed;
    for (const std::string& field : fields) listed += (listed.empty() ? "" : " ") + field;
    return InvalidArgumentError("expected exactly 5 fields, found " +
                                std::to_string(fields.size()) + ": [" + listed + "]");
  }
  const CronBounds* bounds[] = {&kMinutes, &kHours, &kDom, &kMonths, &kDow};
  for (size_t i = 0; i < fields.size(); ++i) {
    KREF_RETURN_IF_ERROR(CheckCronField(fields[i], *bounds[i]));
  }
  return Status();
}

// validateScheduleFormat on create (TZ in the schedule is never allowed).
FieldErrors ValidateScheduleFormat(const std::string& schedule, const Path& path) {
  FieldErrors errors;
  if (Status parsed = ParseStandardSchedule(schedule); !parsed.ok()) {
    errors.push_back(validation::Invalid(path, schedule, std::string(parsed.message())));
  }
  if (schedule.find("TZ") != std::string::npos) {
    errors.push_back(validation::Invalid(
        path, schedule, "cannot use TZ or CRON_TZ in schedule, use timeZone field instead"));
  }
  return errors;
}

// validateTimeZone.
FieldErrors ValidateTimeZone(const std::optional<std::string>& time_zone, const Path& path) {
  if (!time_zone) return {};
  const std::string& zone = *time_zone;
  if (zone.empty()) {
    return {validation::Invalid(path, zone, "timeZone must be nil or non-empty string")};
  }
  constexpr std::string_view kZoneChars =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.-_0123456789+";
  for (std::string_view part : Split(zone, '/')) {
    if (part == "." || part == ".." || part.empty() || part.size() > 14 || part[0] == '-' ||
        part.find_first_not_of(kZoneChars) != std::string_view::npos) {
      return {validation::Invalid(path, zone, "unknown time zone " + zone)};
    }
  }
  FieldErrors errors;
  std::string lower = zone;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "local") {
    errors.push_back(validation::Invalid(
        path, zone,
        "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones"));
  }
  if (Status loaded = LoadLocation(zone); !loaded.ok()) {
    errors.push_back(validation::Invalid(path, zone, std::string(loaded.message())));
  }
  return errors;
}

// validateConcurrencyPolicy.
FieldErrors ValidateConcurrencyPolicy(const std::string& policy, const Path& path) {
  if (policy == "Allow" || policy == "Forbid" || policy == "Replace") return {};
  if (policy.empty()) return {validation::Required(path)};
  return {validation::NotSupported(path, policy, {"Allow", "Forbid", "Replace"})};
}

// ValidateJobTemplateSpec: the job spec rules, and no selector (it is generated per Job).
FieldErrors ValidateJobTemplateSpec(const JobTemplateSpec& job_template, const Path& path) {
  Path spec_path = path.Child("spec");
  FieldErrors errors = ValidateJobSpecCommon(job_template.spec, spec_path);
  if (job_template.spec.selector) {
    errors.push_back(validation::Invalid(
        spec_path.Child("selector"), BadValue::Raw(GoLabelSelector(*job_template.spec.selector)),
        "`selector` will be auto-generated"));
  }
  if (job_template.spec.manualSelector.value_or(false)) {
    errors.push_back(
        validation::NotSupported(spec_path.Child("manualSelector"), true, {"nil", "false"}));
  }
  return errors;
}

// validateCronJobSpec on create.
FieldErrors ValidateCronJobSpec(const CronJobSpec& spec, const Path& path) {
  FieldErrors errors;
  if (spec.schedule.empty()) {
    errors.push_back(validation::Required(path.Child("schedule")));
  } else {
    validation::Append(errors, ValidateScheduleFormat(spec.schedule, path.Child("schedule")));
  }
  if (spec.startingDeadlineSeconds) {
    validation::Append(errors,
                       validation::ValidateNonnegative(*spec.startingDeadlineSeconds,
                                                       path.Child("startingDeadlineSeconds")));
  }
  validation::Append(errors, ValidateTimeZone(spec.timeZone, path.Child("timeZone")));
  validation::Append(
      errors, ValidateConcurrencyPolicy(spec.concurrencyPolicy, path.Child("concurrencyPolicy")));
  validation::Append(errors, ValidateJobTemplateSpec(spec.jobTemplate, path.Child("jobTemplate")));
  if (spec.successfulJobsHistoryLimit) {
    validation::Append(errors,
                       validation::ValidateNonnegative(*spec.successfulJobsHistoryLimit,
                                                       path.Child("successfulJobsHistoryLimit")));
  }
  if (spec.failedJobsHistoryLimit) {
    validation::Append(errors,
                       validation::ValidateNonnegative(*spec.failedJobsHistoryLimit,
                                                       path.Child("failedJobsHistoryLimit")));
  }
  return errors;
}

}  // namespace

// ValidateJob, with the options the job strategy uses on create.
FieldErrors Validate(const Job& object) {
  FieldErrors errors = validation::ValidateObjectMeta(
      object.metadata, true, validation::NameIsDNSSubdomain, Path("metadata"));
  validation::Append(errors, ValidateGeneratedSelector(object));
  validation::Append(errors, ValidateJobSpec(object.spec, Path("spec")));
  validation::Append(errors, ValidateIndexedPodHostname(object));
  return errors;
}

// ValidateCronJobCreate.
FieldErrors Validate(const CronJob& object) {
  FieldErrors errors = validation::ValidateObjectMeta(
      object.metadata, true, validation::NameIsDNSSubdomain, Path("metadata"));
  validation::Append(errors, ValidateCronJobSpec(object.spec, Path("spec")));
  if (object.metadata.name.size() > kMaxCronJobNameLength) {
    errors.push_back(validation::Invalid(Path("metadata").Child("name"), object.metadata.name,
                                         "must be no more than 52 characters"));
  }
  return errors;
}

}  // namespace kref::api::batch
