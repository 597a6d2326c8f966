// batch/v1 create validation, as pkg/apis/batch/validation/validation.go (v1.32): Jobs (the
// generated selector, counts and limits, completion modes, pod failure, success and
// replacement policies, the pod template) and CronJobs (name length, the schedule as
// github.com/robfig/cron/v3's standard parser reads it (cron_schedule.h), the time zone, the
// job template).
#include <cctype>
#include <charconv>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "impl/api/batch/cron_schedule.h"
#include "impl/api/batch/ops.h"
#include "impl/api/core/ops.h"
#include "impl/api/labels.h"
#include "impl/api/validation/common.h"

namespace kref::api::batch {
namespace {

using validation::BadValue;
using validation::FieldErrors;
using validation::GoLabelSelector;
using validation::GoStringMap;
using validation::InvalidOmitValue;
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
  validation::Append(
      errors, validation::InvalidPerProblem(validation::IsDNS1123Subdomain(host), path, host));
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
    validation::Append(errors,
                       validation::InvalidPerProblem(validation::IsQualifiedName(patterns[j].type),
                                                     at.Child("type"), patterns[j].type));
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
  validation::Append(errors,
                     validation::ValidateSelectorMatchesTemplate(
                         spec.selector, spec.template_.metadata.labels, path.Child("template")));
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

// ---- CronJob ----

// validateScheduleFormat on create (TZ in the schedule is never allowed).
FieldErrors ValidateScheduleFormat(const std::string& schedule, const Path& path) {
  FieldErrors errors;
  if (Status parsed = ParseCronSchedule(schedule); !parsed.ok()) {
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
  std::string_view rest = zone;
  while (true) {
    size_t slash = rest.find('/');
    std::string_view part = rest.substr(0, slash);
    if (part == "." || part == ".." || part.empty() || part.size() > 14 || part[0] == '-' ||
        part.find_first_not_of(kZoneChars) != std::string_view::npos) {
      return {validation::Invalid(path, zone, "unknown time zone " + zone)};
    }
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  FieldErrors errors;
  std::string lower = validation::ToLower(zone);
  if (lower == "local") {
    errors.push_back(validation::Invalid(
        path, zone,
        "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones"));
  }
  if (Status loaded = LoadTimeZone(zone); !loaded.ok()) {
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
