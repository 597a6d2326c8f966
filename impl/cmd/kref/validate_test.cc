// `kref validate` end to end through ValidateManifests: real files in a temporary directory.
#include "impl/cmd/kref/validate.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace kref::cli {
namespace {

namespace fs = std::filesystem;

class ValidateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("kref-validate-test-" + std::to_string(std::random_device()()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& text) {
    fs::path path = dir_ / name;
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
    return path.string();
  }

  std::vector<std::string> Run(ValidateOptions options, const std::string& stdin_text = "") {
    std::istringstream in(stdin_text);
    report_ = ValidateManifests(options, in);
    std::vector<std::string> lines;
    for (const Problem& p : report_.problems) lines.push_back(p.ToString());
    return lines;
  }
  std::vector<std::string> Run(const std::string& path) {
    ValidateOptions options;
    options.paths = {path};
    return Run(options);
  }

  fs::path dir_;
  ValidateReport report_;
};

constexpr char kDeployment[] = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.27
)";

TEST_F(ValidateTest, ValidManifestHasNoProblems) {
  std::string file = Write("web.yaml", kDeployment);
  EXPECT_EQ(Run(file), std::vector<std::string>{});
  EXPECT_TRUE(report_.ok());
  EXPECT_EQ(report_.objects, 1u);
  EXPECT_EQ(report_.files, 1u);
}

TEST_F(ValidateTest, ValidationErrorsUseUpstreamMessagesAndFieldLines) {
  std::string text = kDeployment;
  text.replace(text.find("        image: nginx:1.27\n"), 26, "");
  std::string file = Write("web.yaml", "---\n" + text);
  EXPECT_EQ(Run(file), std::vector<std::string>{
                           file + ":17: document 1: Deployment.apps \"web\" is invalid: "
                                  "spec.template.spec.containers[0].image: Required value"});
  EXPECT_FALSE(report_.ok());
}

TEST_F(ValidateTest, UnknownFieldsFollowTheValidateFlag) {
  std::string text = kDeployment;
  text.replace(text.find("  replicas: 2"), 13, "  replica: 2");
  std::string file = Write("web.yaml", text);
  const std::string strict = file +
                             ":6: document 1: strict decoding error: unknown field "
                             "\"spec.replica\"";
  EXPECT_EQ(Run(file), std::vector<std::string>{strict});
  EXPECT_FALSE(report_.ok());

  ValidateOptions options;
  options.paths = {file};
  options.field_validation = FieldValidation::kWarn;
  EXPECT_EQ(Run(options), std::vector<std::string>{file + ":6: document 1: warning: unknown field "
                                                          "\"spec.replica\""});
  EXPECT_TRUE(report_.ok());

  options.field_validation = FieldValidation::kIgnore;
  EXPECT_EQ(Run(options), std::vector<std::string>{});
}

TEST_F(ValidateTest, DuplicateFieldsAreStrictErrors) {
  std::string file =
      Write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n");
  EXPECT_EQ(Run(file),
            std::vector<std::string>{file + ":5: document 1: strict decoding error: duplicate "
                                            "field \"metadata.name\""});
}

TEST_F(ValidateTest, TypeErrorsNameTheField) {
  std::string text = kDeployment;
  text.replace(text.find("  replicas: 2"), 13, "  replicas: two");
  std::string file = Write("web.yaml", text);
  EXPECT_EQ(Run(file), std::vector<std::string>{
                           file + ":6: document 1: Deployment in version \"v1\" cannot be handled "
                                  "as a Deployment: json: cannot unmarshal string into field "
                                  "spec.replicas of type int32"});
}

TEST_F(ValidateTest, BrokenYamlNamesTheLine) {
  std::string file = Write("bad.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [x\n");
  std::vector<std::string> lines = Run(file);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].rfind(file + ":", 0), 0u) << lines[0];
  EXPECT_NE(lines[0].find("yaml: line "), std::string::npos) << lines[0];
  EXPECT_FALSE(report_.ok());
}

TEST_F(ValidateTest, MultiDocumentStreamsAndListsCountEveryObject) {
  std::string file =
      Write("all.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\n"
            "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n"
            "    name: b\n- apiVersion: v1\n  kind: Namespace\n  metadata:\n    name: Bad_Name\n");
  std::vector<std::string> lines = Run(file);
  EXPECT_EQ(report_.objects, 3u);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].rfind(file + ":16: document 2: Namespace \"Bad_Name\" is invalid: "
                                  "metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC "
                                  "1123 label",
                           0),
            0u)
      << lines[0];
}

TEST_F(ValidateTest, DirectoriesAreSearchedRecursively) {
  Write("a/web.yaml", kDeployment);
  Write("a/b/cm.json", R"({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x"}})");
  Write("a/b/notes.txt", "not a manifest");
  EXPECT_EQ(Run((dir_ / "a").string()), std::vector<std::string>{});
  EXPECT_EQ(report_.files, 2u);
  EXPECT_EQ(report_.objects, 2u);
}

TEST_F(ValidateTest, StdinAndMissingPaths) {
  ValidateOptions options;
  options.paths = {"-", (dir_ / "missing.yaml").string()};
  std::vector<std::string> lines = Run(options, kDeployment);
  EXPECT_EQ(report_.objects, 1u);
  EXPECT_EQ(lines,
            std::vector<std::string>{(dir_ / "missing.yaml").string() + ": the path \"" +
                                     (dir_ / "missing.yaml").string() + "\" does not exist"});
}

TEST_F(ValidateTest, UnknownKindsAndMissingKind) {
  std::string file = Write("x.yaml",
                           "apiVersion: v1\nkind: Widget\nmetadata:\n  name: a\n---\n"
                           "apiVersion: v1\nmetadata:\n  name: b\n");
  std::vector<std::string> lines = Run(file);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], file + ":1: document 1: no matches for kind \"Widget\" in version \"v1\"");
  EXPECT_EQ(lines[1].rfind(file + ":6: document 2: Object 'Kind' is missing in '", 0), 0u)
      << lines[1];
}

TEST_F(ValidateTest, NamespaceRules) {
  std::string file = Write("ns.yaml",
                           "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n"
                           "  namespace: team-a\n");
  ValidateOptions options;
  options.paths = {file};
  EXPECT_EQ(Run(options), std::vector<std::string>{});
  options.namespace_name = "team-b";
  options.namespace_explicit = true;
  EXPECT_EQ(Run(options),
            std::vector<std::string>{
                file + ":5: document 1: the namespace from the provided object \"team-a\" does "
                       "not match the namespace \"team-b\". You must pass '--namespace=team-a' "
                       "to perform this operation."});

  std::string cluster = Write("pc.yaml",
                              "apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata:\n"
                              "  name: high\n  namespace: x\nvalue: 1000\n");
  EXPECT_EQ(Run(cluster), std::vector<std::string>{
                              cluster + ":5: document 1: PriorityClass.scheduling.k8s.io \"high\" "
                                        "is invalid: metadata.namespace: Forbidden: not allowed "
                                        "on this type"});
}

TEST_F(ValidateTest, GenerateNameIsAccepted) {
  std::string file =
      Write("gen.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  generateName: cfg-\n");
  EXPECT_EQ(Run(file), std::vector<std::string>{});
}

TEST_F(ValidateTest, ProblemFormatting) {
  EXPECT_EQ((Problem{"f.yaml", 3, 2, "boom", false}).ToString(), "f.yaml:3: document 2: boom");
  EXPECT_EQ((Problem{"f.yaml", 0, 0, "gone", false}).ToString(), "f.yaml: gone");
  EXPECT_EQ((Problem{"f.yaml", 1, 1, "hm", true}).ToString(), "f.yaml:1: document 1: warning: hm");
}

}  // namespace
}  // namespace kref::cli
