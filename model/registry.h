// Every model, by name: what the docs generator, the fuzz target and the table tests iterate.
#pragma once

#include <string_view>
#include <vector>

#include "model/common/machine.h"

namespace kref::model {

struct ModelInfo {
  std::string_view machine;              // spec/<machine>.yaml
  const MachineTable& (*table)();        // the compiled MSM table
};

const std::vector<ModelInfo>& AllModels();

}  // namespace kref::model
