#include "impl/client/typed_client.h"

namespace kref::client {

std::string ResourcePath(std::string_view group, std::string_view version, std::string_view resource,
                         std::string_view namespace_, std::string_view name, std::string_view subresource) {
  std::string path = group.empty() ? "/api/" + std::string(version)
                                   : "/apis/" + std::string(group) + "/" + std::string(version);
  if (!namespace_.empty()) path += "/namespaces/" + std::string(namespace_);
  path += "/" + std::string(resource);
  if (!name.empty()) path += "/" + std::string(name);
  if (!subresource.empty()) path += "/" + std::string(subresource);
  return path;
}

}  // namespace kref::client
