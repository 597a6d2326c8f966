// Kubeconfig files, as kubectl and client-go read them: the current context (or the one named)
// picks a cluster (its server) and a user. Only what kref's plain-HTTP API needs is read so
// far: the server URL and the context's namespace.
#pragma once

#include <string>

#include "impl/common/result.h"

namespace kref::client {

struct KubeConfig {
  std::string server;           // "http://127.0.0.1:6443"
  std::string namespace_ = "default";
};

// Errors (InvalidArgument or NotFound) name the file and what is wrong: not YAML, no such
// context, the context's cluster missing, no server.
Result<KubeConfig> LoadKubeconfig(const std::string& path, const std::string& context = "");

}  // namespace kref::client
