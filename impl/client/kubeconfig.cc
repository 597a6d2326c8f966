#include "impl/client/kubeconfig.h"

#include <yaml-cpp/yaml.h>

#include <optional>

namespace kref::client {
namespace {

// The body of the entry of `list` (clusters, contexts, users) called `name`, if there is one.
std::optional<YAML::Node> Named(const YAML::Node& list, const std::string& name, const char* body) {
  if (!list || !list.IsSequence()) return std::nullopt;
  for (const YAML::Node& entry : list) {
    if (entry["name"] && entry["name"].as<std::string>("") == name && entry[body].IsMap()) {
      return entry[body];
    }
  }
  return std::nullopt;
}

}  // namespace

Result<KubeConfig> LoadKubeconfig(const std::string& path, const std::string& context) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::BadFile&) {
    return NotFoundError("kubeconfig " + path + ": cannot be read");
  } catch (const YAML::Exception& e) {
    return InvalidArgumentError("kubeconfig " + path + ": " + e.what());
  }
  std::string name = context;
  if (name.empty() && root["current-context"]) name = root["current-context"].as<std::string>("");
  if (name.empty()) return InvalidArgumentError("kubeconfig " + path + ": no current context");
  std::optional<YAML::Node> ctx = Named(root["contexts"], name, "context");
  if (!ctx) return NotFoundError("kubeconfig " + path + ": context \"" + name + "\" does not exist");
  std::string cluster_name = (*ctx)["cluster"] ? (*ctx)["cluster"].as<std::string>("") : "";
  std::optional<YAML::Node> cluster = Named(root["clusters"], cluster_name, "cluster");
  if (!cluster) {
    return NotFoundError("kubeconfig " + path + ": cluster \"" + cluster_name + "\" does not exist");
  }
  KubeConfig config;
  config.server = (*cluster)["server"] ? (*cluster)["server"].as<std::string>("") : "";
  if (config.server.empty()) return InvalidArgumentError("kubeconfig " + path + ": cluster \"" + cluster_name + "\" has no server");
  if ((*ctx)["namespace"]) config.namespace_ = (*ctx)["namespace"].as<std::string>("default");
  return config;
}

}  // namespace kref::client
