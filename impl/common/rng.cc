#include "impl/common/rng.h"

#include <cstdlib>
#include <string>

#include "impl/common/check.h"

namespace kref {

int64_t Rng::Uniform(int64_t lo, int64_t hi) {
  KREF_CHECK(lo <= hi);
  return std::uniform_int_distribution<int64_t>(lo, hi)(engine_);
}

double Rng::UniformReal() { return std::uniform_real_distribution<double>(0.0, 1.0)(engine_); }

bool Rng::Bernoulli(double p) { return UniformReal() < p; }

uint64_t SeedFromEnv(std::string_view env_var) {
  if (const char* value = std::getenv(std::string(env_var).c_str()); value && *value) {
    return std::strtoull(value, nullptr, 10);
  }
  return std::random_device()() * uint64_t{0x100000000} + std::random_device()();
}

}  // namespace kref
