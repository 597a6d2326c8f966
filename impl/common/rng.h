// Rng: seeded, reproducible randomness. Every random choice in kref goes through one, so a run
// can be replayed from its seed.
//
// Thread safety: not thread-safe; give each thread or component its own Rng.
#pragma once

#include <cstdint>
#include <random>
#include <string_view>

namespace kref {

class Rng {
 public:
  explicit Rng(uint64_t seed) : seed_(seed), engine_(seed) {}

  uint64_t seed() const { return seed_; }

  // Uniform in [lo, hi]. REQUIRES: lo <= hi.
  int64_t Uniform(int64_t lo, int64_t hi);
  // Uniform in [0, 1).
  double UniformReal();
  // True with probability p.
  bool Bernoulli(double p);
  uint64_t Next() { return engine_(); }

 private:
  uint64_t seed_;
  std::mt19937_64 engine_;
};

// The seed named by environment variable `env_var` when set (decimal), else a fresh random one.
uint64_t SeedFromEnv(std::string_view env_var = "KREF_SEED");

}  // namespace kref
