#include "model/registry.h"

#include "model/container/container.h"

namespace kref::model {

const std::vector<ModelInfo>& AllModels() {
  static const std::vector<ModelInfo> models = {
      {"container", &ContainerMachine::Table},
  };
  return models;
}

}  // namespace kref::model
