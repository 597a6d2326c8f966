// The generated documentation of one model: docs/models/<machine>.md (the spec's tables and
// prose) and docs/models/<machine>.dot (its diagram; the SVG is rendered from it by graphviz).
// Both come from the spec once the compiled table has been checked equal to it.
#pragma once

#include <string>

#include "model/common/spec.h"

namespace kref::model {

std::string MarkdownOf(const SpecMachine& spec);
std::string DotOf(const SpecMachine& spec);

}  // namespace kref::model
