// batch/v1 create preparation (the Job's generated selector), defaulting and validation, rule
// by rule with upstream's paths and messages (the schedule grammar is tested in
// cron_schedule_test.cc, the realistic manifests in impl/api/testdata_test.cc).
#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

#include "impl/api/batch/ops.h"
#include "impl/api/validation/common.h"
#include "impl/testing/validation_helpers.h"

namespace kref::api::batch {
namespace {

using ::kref::testing::Errors;
using ::kref::testing::Strings;

const std::string kUid(validation::kPlaceholderUid);

core::PodTemplateSpec ReportTemplate() {
  core::PodTemplateSpec template_spec;
  template_spec.metadata.labels = {{"app", "report"}};
  template_spec.spec.restartPolicy = "Never";
  core::Container container;
  container.name = "report";
  container.image = "registry.example.com/report:5.0";
  template_spec.spec.containers.push_back(container);
  return template_spec;
}

// A Job as the API server validates it: selector generated, defaults applied.
Job PreparedJob(Job job) {
  PrepareForCreate(job);
  SetDefaults(job);
  return job;
}

Job NewJob() {
  Job job;
  job.metadata.name = "report";
  job.metadata.namespace_ = "analytics";
  job.metadata.uid = kUid;
  job.spec.template_ = ReportTemplate();
  return job;
}

Job ValidJob() { return PreparedJob(NewJob()); }

Job IndexedJob() {
  Job job = NewJob();
  job.spec.completionMode = "Indexed";
  job.spec.completions = 3;
  return PreparedJob(job);
}

Job JobWithPodFailurePolicy(PodFailurePolicyRule rule) {
  Job job = NewJob();
  job.spec.podFailurePolicy.emplace();
  job.spec.podFailurePolicy->rules.push_back(std::move(rule));
  return PreparedJob(job);
}

PodFailurePolicyRule ExitCodeRule(std::string op, std::vector<int32_t> values) {
  PodFailurePolicyRule rule;
  rule.action = "FailJob";
  rule.onExitCodes.emplace();
  rule.onExitCodes->operator_ = std::move(op);
  rule.onExitCodes->values = std::move(values);
  return rule;
}

CronJob ValidCronJob() {
  CronJob cj;
  cj.metadata.name = "backup";
  cj.metadata.namespace_ = "data";
  cj.spec.schedule = "30 2 * * 1-5";
  cj.spec.jobTemplate.spec.template_ = ReportTemplate();
  PrepareForCreate(cj);
  SetDefaults(cj);
  return cj;
}

Strings ScheduleErrors(const std::string& schedule) {
  CronJob cj = ValidCronJob();
  cj.spec.schedule = schedule;
  return Errors(cj);
}

// ---- Job: the generated selector ----

TEST(BatchValidationTest, JobWithoutManualSelectorValidatesAfterPrepareForCreate) {
  Job job = NewJob();
  Job defaulted_only = job;
  SetDefaults(defaulted_only);
  EXPECT_EQ(Errors(defaulted_only),
            (Strings{"spec.selector: Required value",
                     "spec.template.metadata.labels: Invalid value: "
                     "map[string]string{\"app\":\"report\"}: `selector` does not "
                     "match template `labels`"}));
  EXPECT_EQ(Errors(PreparedJob(job)), Strings{});
}

TEST(BatchValidationTest, JobManualSelectorRequiresSelector) {
  Job job = NewJob();
  job.spec.manualSelector = true;
  job = PreparedJob(job);
  EXPECT_EQ(Errors(job), (Strings{"spec.selector: Required value",
                                  "spec.template.metadata.labels: Invalid value: "
                                  "map[string]string{\"app\":\"report\"}: `selector` does not "
                                  "match template `labels`"}));
}

TEST(BatchValidationTest, JobManualSelectorMustMatchTemplate) {
  Job job = NewJob();
  job.spec.manualSelector = true;
  job.spec.selector.emplace();
  job.spec.selector->matchLabels = {{"app", "report"}};
  EXPECT_EQ(Errors(PreparedJob(job)), Strings{});
}

TEST(BatchValidationTest, JobGeneratedLabelsMustCarryTheUid) {
  Job job = NewJob();
  job.spec.template_.metadata.labels["controller-uid"] = "other";
  job = PreparedJob(job);
  EXPECT_EQ(Errors(job),
            Strings{"spec.template.metadata.labels[controller-uid]: Invalid value: "
                    "map[string]string{\"app\":\"report\", "
                    "\"batch.kubernetes.io/controller-uid\":\"" +
                    kUid +
                    "\", \"batch.kubernetes.io/job-name\":\"report\", "
                    "\"controller-uid\":\"other\", \"job-name\":\"report\"}: must be '" +
                    kUid + "'"});
}

TEST(BatchValidationTest, JobGeneratedLabelsRequired) {
  Job job = NewJob();
  job.spec.selector.emplace();
  job.spec.selector->matchLabels = {{"batch.kubernetes.io/controller-uid", kUid}};
  SetDefaults(job);  // no PrepareForCreate: the template lacks the generated labels
  Strings errors = Errors(job);
  ASSERT_EQ(errors.size(), 5u);
  EXPECT_EQ(errors[0], "spec.template.metadata.labels[controller-uid]: Required value: must be '" +
                           kUid + "'");
  EXPECT_EQ(errors[3],
            "spec.template.metadata.labels[batch.kubernetes.io/job-name]: Required value: must be "
            "'report'");
}

TEST(BatchValidationTest, JobSelectorMustBeGenerated) {
  Job job = NewJob();
  job.spec.selector.emplace();
  job.spec.selector->matchLabels = {{"app", "report"}};
  job = PreparedJob(job);
  EXPECT_EQ(Errors(job), Strings{"spec.selector: Invalid value: v1.LabelSelector{MatchLabels:"
                                 "map[string]string{\"app\":\"report\", "
                                 "\"batch.kubernetes.io/controller-uid\":\"" +
                                 kUid +
                                 "\"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: "
                                 "`selector` not auto-generated"});
}

TEST(BatchValidationTest, JobUidRequiredForGeneratedSelector) {
  Job job = NewJob();
  job.metadata.uid.clear();
  EXPECT_EQ(Errors(PreparedJob(job)), Strings{"metadata.uid: Required value"});
}

// ---- Job: counts, limits, modes ----

TEST(BatchValidationTest, JobCountsNonnegative) {
  Job job = ValidJob();
  job.spec.parallelism = -1;
  job.spec.completions = -2;
  job.spec.activeDeadlineSeconds = -3;
  job.spec.backoffLimit = -4;
  job.spec.ttlSecondsAfterFinished = -5;
  EXPECT_EQ(Errors(job),
            (Strings{"spec.parallelism: Invalid value: -1: must be greater than or equal to 0",
                     "spec.completions: Invalid value: -2: must be greater than or equal to 0",
                     "spec.activeDeadlineSeconds: Invalid value: -3: must be greater than or "
                     "equal to 0",
                     "spec.backoffLimit: Invalid value: -4: must be greater than or equal to 0",
                     "spec.ttlSecondsAfterFinished: Invalid value: -5: must be greater than or "
                     "equal to 0"}));
}

TEST(BatchValidationTest, JobNameMustBeDNSSubdomain) {
  Job job = NewJob();
  job.metadata.name = "Report";
  Strings errors = Errors(PreparedJob(job));
  ASSERT_FALSE(errors.empty());
  EXPECT_EQ(errors[0].rfind("metadata.name: Invalid value: \"Report\": a lowercase RFC 1123 "
                            "subdomain",
                            0),
            0u)
      << errors[0];
}

TEST(BatchValidationTest, JobRestartPolicyMustBeOnFailureOrNever) {
  Job job = NewJob();
  job.spec.template_.spec.restartPolicy.clear();
  EXPECT_EQ(Errors(PreparedJob(job)),
            Strings{"spec.template.spec.restartPolicy: Required value: valid values: "
                    "\"OnFailure\", \"Never\""});
}

TEST(BatchValidationTest, JobTemplatePodSpecIsValidated) {
  Job job = ValidJob();
  job.spec.template_.spec.containers[0].image.clear();
  EXPECT_EQ(Errors(job), Strings{"spec.template.spec.containers[0].image: Required value"});
}

TEST(BatchValidationTest, JobCompletionModeMustBeKnown) {
  Job job = ValidJob();
  job.spec.completionMode = "Sharded";
  EXPECT_EQ(Errors(job), Strings{"spec.completionMode: Unsupported value: \"Sharded\": supported "
                                 "values: \"NonIndexed\", \"Indexed\""});
}

TEST(BatchValidationTest, IndexedJobRequiresCompletions) {
  Job job = IndexedJob();
  job.spec.completions.reset();
  EXPECT_EQ(Errors(job),
            Strings{"spec.completions: Required value: when completion mode is Indexed"});
}

TEST(BatchValidationTest, IndexedJobParallelismLimit) {
  Job job = IndexedJob();
  job.spec.parallelism = 100001;
  EXPECT_EQ(Errors(job), Strings{"spec.parallelism: Invalid value: 100001: must be less than or "
                                 "equal to 100000 when completion mode is Indexed"});
}

TEST(BatchValidationTest, BackoffLimitPerIndexRequiresIndexedMode) {
  Job job = ValidJob();
  job.spec.backoffLimitPerIndex = 1;
  EXPECT_EQ(Errors(job), Strings{"spec.backoffLimitPerIndex: Invalid value: 1: requires indexed "
                                 "completion mode"});
}

TEST(BatchValidationTest, MaxFailedIndexesRules) {
  Job job = IndexedJob();
  job.spec.maxFailedIndexes = 1;
  EXPECT_EQ(Errors(job), Strings{"spec.backoffLimitPerIndex: Required value: when "
                                 "maxFailedIndexes is specified"});
  job.spec.backoffLimitPerIndex = 1;
  job.spec.maxFailedIndexes = 5;
  EXPECT_EQ(Errors(job), Strings{"spec.maxFailedIndexes: Invalid value: 5: must be less than or "
                                 "equal to completions"});
}

TEST(BatchValidationTest, IndexedJobHostnamesMustBeDNSLabels) {
  Job job = NewJob();
  job.metadata.name = std::string(62, 'r');
  job.spec.completionMode = "Indexed";
  job.spec.completions = 10;
  job = PreparedJob(job);
  Strings errors = Errors(job);
  ASSERT_FALSE(errors.empty());
  EXPECT_EQ(errors.back(), "metadata.name: Invalid value: \"" + job.metadata.name +
                               "\": will not able to create pod with invalid DNS label: " +
                               job.metadata.name + "-9");
}

TEST(BatchValidationTest, ManagedByMustBeDomainPrefixedPath) {
  Job job = ValidJob();
  job.spec.managedBy = "kueue";
  EXPECT_EQ(Errors(job), Strings{"spec.managedBy: Invalid value: \"kueue\": must be a "
                                 "domain-prefixed path (such as \"acme.io/foo\")"});
  job.spec.managedBy = "kueue.x-k8s.io/multikueue";
  EXPECT_EQ(Errors(job), Strings{});
}

// ---- Job: pod failure policy ----

TEST(BatchValidationTest, PodFailurePolicyRequiresRestartPolicyNever) {
  Job job = JobWithPodFailurePolicy(ExitCodeRule("In", {42}));
  EXPECT_EQ(Errors(job), Strings{});
  job.spec.template_.spec.restartPolicy = "OnFailure";
  EXPECT_EQ(Errors(job), Strings{"spec.template.spec.restartPolicy: Invalid value: \"OnFailure\": "
                                 "only \"Never\" is supported when podFailurePolicy is specified"});
}

TEST(BatchValidationTest, PodFailurePolicyActionRules) {
  PodFailurePolicyRule rule = ExitCodeRule("In", {42});
  rule.action.clear();
  EXPECT_EQ(Errors(JobWithPodFailurePolicy(rule)),
            Strings{"spec.podFailurePolicy.rules[0].action: Required value: valid values: "
                    "[\"Count\" \"FailIndex\" \"FailJob\" \"Ignore\"]"});
  rule.action = "Retry";
  EXPECT_EQ(Errors(JobWithPodFailurePolicy(rule)),
            Strings{"spec.podFailurePolicy.rules[0].action: Unsupported value: \"Retry\": "
                    "supported values: \"Count\", \"FailIndex\", \"FailJob\", \"Ignore\""});
  rule.action = "FailIndex";
  EXPECT_EQ(Errors(JobWithPodFailurePolicy(rule)),
            Strings{"spec.podFailurePolicy.rules[0].action: Invalid value: \"FailIndex\": "
                    "requires the backoffLimitPerIndex to be set"});
}

TEST(BatchValidationTest, PodFailurePolicyOnExitCodesOperator) {
  EXPECT_EQ(Errors(JobWithPodFailurePolicy(ExitCodeRule("Equals", {1}))),
            Strings{"spec.podFailurePolicy.rules[0].onExitCodes.operator: Unsupported value: "
                    "\"Equals\": supported values: \"In\", \"NotIn\""});
  EXPECT_EQ(Errors(JobWithPodFailurePolicy(ExitCodeRule("", {1}))),
            Strings{"spec.podFailurePolicy.rules[0].onExitCodes.operator: Required value: valid "
                    "values: [\"In\" \"NotIn\"]"});
}

TEST(BatchValidationTest, PodFailurePolicyOnExitCodesValues) {
  EXPECT_EQ(Errors(JobWithPodFailurePolicy(ExitCodeRule("In", {}))),
            Strings{"spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: "
                    "[]int32(nil): at least one value is required"});
  EXPECT_EQ(Errors(JobWithPodFailurePolicy(ExitCodeRule("In", {0, 3}))),
            Strings{"spec.podFailurePolicy.rules[0].onExitCodes.values[0]: Invalid value: 0: must "
                    "not be 0 for the In operator"});
  EXPECT_EQ(Errors(JobWithPodFailurePolicy(ExitCodeRule("NotIn", {3, 3}))),
            Strings{"spec.podFailurePolicy.rules[0].onExitCodes.values[1]: Duplicate value: 3"});
  EXPECT_EQ(Errors(JobWithPodFailurePolicy(ExitCodeRule("NotIn", {5, 1}))),
            Strings{"spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: "
                    "[]int32{5, 1}: must be ordered"});
}

TEST(BatchValidationTest, PodFailurePolicyOnExitCodesContainerName) {
  PodFailurePolicyRule rule = ExitCodeRule("In", {1});
  rule.onExitCodes->containerName = "sidecar";
  EXPECT_EQ(Errors(JobWithPodFailurePolicy(rule)),
            Strings{"spec.podFailurePolicy.rules[0].onExitCodes.containerName: Invalid value: "
                    "\"sidecar\": must be one of the container or initContainer names in the pod "
                    "template"});
  rule.onExitCodes->containerName = "report";
  EXPECT_EQ(Errors(JobWithPodFailurePolicy(rule)), Strings{});
}

TEST(BatchValidationTest, PodFailurePolicyOnPodConditions) {
  PodFailurePolicyRule rule;
  rule.action = "Ignore";
  rule.onPodConditions.push_back({"DisruptionTarget", "Maybe"});
  EXPECT_EQ(Errors(JobWithPodFailurePolicy(rule)),
            Strings{"spec.podFailurePolicy.rules[0].onPodConditions[0].status: Unsupported "
                    "value: \"Maybe\": supported values: \"False\", \"True\", \"Unknown\""});
  rule.onPodConditions[0] = {"Disruption Target", "True"};
  Strings errors = Errors(JobWithPodFailurePolicy(rule));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].rfind("spec.podFailurePolicy.rules[0].onPodConditions[0].type: Invalid "
                            "value: \"Disruption Target\": name part must consist of",
                            0),
            0u)
      << errors[0];
}

TEST(BatchValidationTest, PodFailurePolicyRuleNeedsExactlyOneRequirement) {
  PodFailurePolicyRule rule;
  rule.action = "Count";
  EXPECT_EQ(Errors(JobWithPodFailurePolicy(rule)),
            Strings{"spec.podFailurePolicy.rules[0]: Invalid value: specifying one of "
                    "OnExitCodes and OnPodConditions is required"});
  rule = ExitCodeRule("In", {1});
  rule.onPodConditions.push_back({"DisruptionTarget", "True"});
  EXPECT_EQ(Errors(JobWithPodFailurePolicy(rule)),
            Strings{"spec.podFailurePolicy.rules[0]: Invalid value: specifying both OnExitCodes "
                    "and OnPodConditions is not supported"});
}

TEST(BatchValidationTest, PodReplacementPolicyValues) {
  Job job = JobWithPodFailurePolicy(ExitCodeRule("In", {1}));
  job.spec.podReplacementPolicy = "TerminatingOrFailed";
  EXPECT_EQ(Errors(job), Strings{"spec.podReplacementPolicy: Unsupported value: "
                                 "\"TerminatingOrFailed\": supported values: \"Failed\""});
  job = ValidJob();
  job.spec.podReplacementPolicy = "Never";
  EXPECT_EQ(Errors(job), Strings{"spec.podReplacementPolicy: Unsupported value: \"Never\": "
                                 "supported values: \"Failed\", \"TerminatingOrFailed\""});
}

// ---- Job: success policy ----

TEST(BatchValidationTest, SuccessPolicyRequiresIndexedMode) {
  Job job = ValidJob();
  job.spec.successPolicy.emplace();
  job.spec.successPolicy->rules.push_back({std::nullopt, 1});
  EXPECT_EQ(Errors(job),
            Strings{"spec.successPolicy: Invalid value: batch.SuccessPolicy{Rules:"
                    "[]batch.SuccessPolicyRule{batch.SuccessPolicyRule{SucceededIndexes:(*string)"
                    "(nil), SucceededCount:(*int32)(0xc000010008)}}}: requires indexed completion "
                    "mode"});
}

TEST(BatchValidationTest, SuccessPolicyRules) {
  Job job = IndexedJob();
  job.spec.successPolicy.emplace();
  EXPECT_EQ(Errors(job), Strings{"spec.successPolicy.rules: Required value: at least one rules "
                                 "must be specified when the successPolicy is specified"});
  job.spec.successPolicy->rules.push_back({std::string("2-1"), 4});
  EXPECT_EQ(Errors(job),
            (Strings{"spec.successPolicy.rules[0].succeededIndexes: Invalid value: \"2-1\": error "
                     "parsing succeededIndexes: non-increasing order, previous: 2, current: 1",
                     "spec.successPolicy.rules[0].succeededCount: Invalid value: 4: must be less "
                     "than or equal to 3 (the number of specified completions)",
                     "spec.successPolicy.rules[0].succeededCount: Invalid value: 4: must be less "
                     "than or equal to 0 (the number of indexes in the specified succeededIndexes "
                     "field)"}));
  job.spec.successPolicy->rules[0] = {std::string("0,2"), 2};
  EXPECT_EQ(Errors(job), Strings{});
  job.spec.successPolicy->rules[0] = {};
  EXPECT_EQ(Errors(job), Strings{"spec.successPolicy.rules[0]: Required value: at least one of "
                                 "succeededCount or succeededIndexes must be specified"});
}

// ---- Job: defaults and PrepareForCreate ----

TEST(BatchDefaultsTest, PrepareForCreateGeneratesSelectorAndLabels) {
  Job job = NewJob();
  job.status.active = 2;
  PrepareForCreate(job);
  EXPECT_EQ(job.status, JobStatus());
  EXPECT_EQ(job.metadata.generation, 1);
  EXPECT_EQ(job.spec.template_.metadata.labels,
            (Map<std::string>{{"app", "report"},
                              {"batch.kubernetes.io/controller-uid", kUid},
                              {"batch.kubernetes.io/job-name", "report"},
                              {"controller-uid", kUid},
                              {"job-name", "report"}}));
  ASSERT_TRUE(job.spec.selector);
  EXPECT_EQ(job.spec.selector->matchLabels,
            (Map<std::string>{{"batch.kubernetes.io/controller-uid", kUid}}));
}

TEST(BatchDefaultsTest, PrepareForCreateLeavesManualSelectorAlone) {
  Job job = NewJob();
  job.spec.manualSelector = true;
  PrepareForCreate(job);
  EXPECT_FALSE(job.spec.selector);
  EXPECT_EQ(job.spec.template_.metadata.labels, (Map<std::string>{{"app", "report"}}));
}

TEST(BatchDefaultsTest, JobDefaults) {
  Job job = NewJob();
  SetDefaults(job);
  EXPECT_EQ(job.spec.completions, 1);
  EXPECT_EQ(job.spec.parallelism, 1);
  EXPECT_EQ(job.spec.backoffLimit, 6);
  EXPECT_EQ(job.spec.completionMode, "NonIndexed");
  EXPECT_EQ(job.spec.suspend, false);
  EXPECT_EQ(job.spec.manualSelector, false);
  EXPECT_EQ(job.spec.podReplacementPolicy, "TerminatingOrFailed");
  EXPECT_EQ(job.metadata.labels, (Map<std::string>{{"app", "report"}}));
  EXPECT_EQ(job.spec.template_.spec.dnsPolicy, "ClusterFirst");
}

TEST(BatchDefaultsTest, JobParallelismDefaultsAlone) {
  Job job = NewJob();
  job.spec.completions = 5;
  job.metadata.labels = {{"team", "analytics"}};
  SetDefaults(job);
  EXPECT_EQ(job.spec.completions, 5);
  EXPECT_EQ(job.spec.parallelism, 1);
  EXPECT_EQ(job.metadata.labels, (Map<std::string>{{"team", "analytics"}}));

  Job parallel = NewJob();
  parallel.spec.parallelism = 3;
  SetDefaults(parallel);
  EXPECT_FALSE(parallel.spec.completions);
}

TEST(BatchDefaultsTest, JobBackoffLimitWithBackoffLimitPerIndex) {
  Job job = NewJob();
  job.spec.backoffLimitPerIndex = 2;
  SetDefaults(job);
  EXPECT_EQ(job.spec.backoffLimit, std::numeric_limits<int32_t>::max());
}

TEST(BatchDefaultsTest, JobPodFailurePolicyDefaults) {
  PodFailurePolicyRule rule;
  rule.action = "Ignore";
  rule.onPodConditions.push_back({"DisruptionTarget", ""});
  Job job = NewJob();
  job.spec.podFailurePolicy.emplace();
  job.spec.podFailurePolicy->rules.push_back(rule);
  SetDefaults(job);
  EXPECT_EQ(job.spec.podFailurePolicy->rules[0].onPodConditions[0].status, "True");
  EXPECT_EQ(job.spec.podReplacementPolicy, "Failed");
}

// ---- CronJob ----

TEST(BatchValidationTest, ValidCronJobHasNoErrors) { EXPECT_EQ(Errors(ValidCronJob()), Strings{}); }

TEST(BatchValidationTest, CronJobNameAtMost52Characters) {
  CronJob cj = ValidCronJob();
  cj.metadata.name = std::string(53, 'b');
  EXPECT_EQ(Errors(cj), Strings{"metadata.name: Invalid value: \"" + cj.metadata.name +
                                "\": must be no more than 52 characters"});
  cj.metadata.name = std::string(52, 'b');
  EXPECT_EQ(Errors(cj), Strings{});
}

TEST(BatchValidationTest, CronJobScheduleRequired) {
  EXPECT_EQ(ScheduleErrors(""), Strings{"spec.schedule: Required value"});
}

TEST(BatchValidationTest, CronJobScheduleFieldCount) {
  EXPECT_EQ(ScheduleErrors("* * * *"),
            Strings{"spec.schedule: Invalid value: \"* * * *\": expected exactly 5 fields, found "
                    "4: [* * * *]"});
  EXPECT_EQ(ScheduleErrors("0 0 1 1 * 2030"),
            Strings{"spec.schedule: Invalid value: \"0 0 1 1 * 2030\": expected exactly 5 fields, "
                    "found 6: [0 0 1 1 * 2030]"});
}

TEST(BatchValidationTest, CronJobScheduleMayNotCarryTimeZone) {
  EXPECT_EQ(ScheduleErrors("TZ=UTC 0 * * * *"),
            Strings{"spec.schedule: Invalid value: \"TZ=UTC 0 * * * *\": cannot use TZ or "
                    "CRON_TZ in schedule, use timeZone field instead"});
  EXPECT_EQ(ScheduleErrors("CRON_TZ=Nowhere/City 0 * * * *"),
            (Strings{"spec.schedule: Invalid value: \"CRON_TZ=Nowhere/City 0 * * * *\": provided "
                     "bad location Nowhere/City: unknown time zone Nowhere/City",
                     "spec.schedule: Invalid value: \"CRON_TZ=Nowhere/City 0 * * * *\": cannot use "
                     "TZ or CRON_TZ in schedule, use timeZone field instead"}));
}

TEST(BatchValidationTest, CronJobTimeZone) {
  CronJob cj = ValidCronJob();
  cj.spec.timeZone = "Europe/Berlin";
  EXPECT_EQ(Errors(cj), Strings{});
  cj.spec.timeZone = "Mars/Olympus_Mons";
  EXPECT_EQ(Errors(cj), Strings{"spec.timeZone: Invalid value: \"Mars/Olympus_Mons\": unknown "
                                "time zone Mars/Olympus_Mons"});
  cj.spec.timeZone = "";
  EXPECT_EQ(Errors(cj), Strings{"spec.timeZone: Invalid value: \"\": timeZone must be nil or "
                                "non-empty string"});
  cj.spec.timeZone = "../etc/passwd";
  EXPECT_EQ(Errors(cj), Strings{"spec.timeZone: Invalid value: \"../etc/passwd\": unknown time "
                                "zone ../etc/passwd"});
  cj.spec.timeZone = "Local";
  EXPECT_EQ(Errors(cj),
            Strings{"spec.timeZone: Invalid value: \"Local\": timeZone must be an "
                    "explicit time zone as defined in https://www.iana.org/time-zones"});
}

TEST(BatchValidationTest, CronJobConcurrencyPolicy) {
  CronJob cj = ValidCronJob();
  cj.spec.concurrencyPolicy = "Queue";
  EXPECT_EQ(Errors(cj), Strings{"spec.concurrencyPolicy: Unsupported value: \"Queue\": supported "
                                "values: \"Allow\", \"Forbid\", \"Replace\""});
  cj.spec.concurrencyPolicy.clear();
  EXPECT_EQ(Errors(cj), Strings{"spec.concurrencyPolicy: Required value"});
}

TEST(BatchValidationTest, CronJobCountsNonnegative) {
  CronJob cj = ValidCronJob();
  cj.spec.startingDeadlineSeconds = -1;
  cj.spec.successfulJobsHistoryLimit = -2;
  cj.spec.failedJobsHistoryLimit = -3;
  EXPECT_EQ(Errors(cj),
            (Strings{"spec.startingDeadlineSeconds: Invalid value: -1: must be greater than or "
                     "equal to 0",
                     "spec.successfulJobsHistoryLimit: Invalid value: -2: must be greater than or "
                     "equal to 0",
                     "spec.failedJobsHistoryLimit: Invalid value: -3: must be greater than or "
                     "equal to 0"}));
}

TEST(BatchValidationTest, CronJobTemplateSelectorIsGenerated) {
  CronJob cj = ValidCronJob();
  cj.spec.jobTemplate.spec.selector.emplace();
  cj.spec.jobTemplate.spec.selector->matchLabels = {{"app", "report"}};
  cj.spec.jobTemplate.spec.manualSelector = true;
  EXPECT_EQ(Errors(cj),
            (Strings{"spec.jobTemplate.spec.selector: Invalid value: v1.LabelSelector{MatchLabels:"
                     "map[string]string{\"app\":\"report\"}, "
                     "MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` will be "
                     "auto-generated",
                     "spec.jobTemplate.spec.manualSelector: Unsupported value: true: supported "
                     "values: \"nil\", \"false\""}));
}

TEST(BatchValidationTest, CronJobTemplateJobSpecRules) {
  CronJob cj = ValidCronJob();
  cj.spec.jobTemplate.spec.template_.spec.restartPolicy = "Always";
  cj.spec.jobTemplate.spec.backoffLimit = -1;
  EXPECT_EQ(Errors(cj),
            (Strings{"spec.jobTemplate.spec.backoffLimit: Invalid value: -1: must be greater than "
                     "or equal to 0",
                     "spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid "
                     "values: \"OnFailure\", \"Never\""}));
}

TEST(BatchDefaultsTest, CronJobDefaults) {
  CronJob cj;
  cj.spec.jobTemplate.spec.template_ = ReportTemplate();
  cj.spec.jobTemplate.spec.template_.spec.restartPolicy.clear();
  cj.status.active.emplace_back();
  PrepareForCreate(cj);
  SetDefaults(cj);
  EXPECT_EQ(cj.status, CronJobStatus());
  EXPECT_EQ(cj.metadata.generation, 1);
  EXPECT_EQ(cj.spec.concurrencyPolicy, "Allow");
  EXPECT_EQ(cj.spec.suspend, false);
  EXPECT_EQ(cj.spec.successfulJobsHistoryLimit, 3);
  EXPECT_EQ(cj.spec.failedJobsHistoryLimit, 1);
  // The job template gets pod defaults but not the Job's own defaults.
  EXPECT_EQ(cj.spec.jobTemplate.spec.template_.spec.restartPolicy, "Always");
  EXPECT_FALSE(cj.spec.jobTemplate.spec.completions);
  EXPECT_FALSE(cj.spec.jobTemplate.spec.manualSelector);
}

}  // namespace
}  // namespace kref::api::batch
