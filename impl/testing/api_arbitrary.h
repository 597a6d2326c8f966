// RapidCheck generators for every API type, derived from the same reflection the codec uses:
// `rc::gen::arbitrary<core::Pod>()` builds a random Pod field by field.
//
// Values are chosen so that a faithful codec must reproduce them: strings are valid UTF-8 (Go
// replaces invalid bytes), times have the precision their type keeps, quantities are in
// canonical range, raw JSON is in the canonical form the decoder stores. Containers hold at
// most three elements so whole objects stay small.
#pragma once

#include <rapidcheck.h>

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "impl/api/int_or_string.h"
#include "impl/api/quantity.h"
#include "impl/api/raw.h"
#include "impl/api/reflect.h"
#include "impl/api/time.h"

namespace kref::testing {

// Short strings over ASCII letters, digits, punctuation, spaces and a few multi-byte letters.
inline rc::Gen<std::string> ApiString() {
  static const std::vector<std::string> kPieces = {
      "a", "b", "z", "A", "Q", "0", "7", "-", ".", "_", "/", ":", " ", "=", ",", "\"", "\\",
      "<", ">", "&", "\n", "\t", "#", "{", "}", "[", "]", "'", "*", "~", "é", "ü", "✓",
      "日", "\U0001F600", "true", "null", "123", "1.5", "yes"};
  return rc::gen::map(rc::gen::mapcat(rc::gen::inRange<size_t>(0, 6),
                                      [](size_t count) {
                                        return rc::gen::container<std::vector<std::string>>(
                                            count, rc::gen::elementOf(kPieces));
                                      }),
                      [](const std::vector<std::string>& pieces) {
                        std::string out;
                        for (const std::string& p : pieces) out += p;
                        return out;
                      });
}

// Quantities as they come off the wire: printed and parsed once. (A binary-SI value such as
// 10^9 prints without a suffix and reads back as decimal SI, upstream too, so a quantity built
// in memory need not print the same after a round trip; one read from text does.)
inline rc::Gen<api::Quantity> ApiQuantity() {
  return rc::gen::apply(
      [](int64_t value, int scale, int format) {
        auto q = api::Quantity::FromScaled(value, scale, static_cast<api::Quantity::Format>(format));
        return *api::Quantity::Parse(q.ToString());
      },
      rc::gen::inRange<int64_t>(-1000000, 1000000), rc::gen::element(-9, -6, -3, 0, 3, 6),
      rc::gen::inRange(0, 3));
}

inline rc::Gen<api::RawJson> ApiRawJson() {
  return rc::gen::map(
      rc::gen::tuple(rc::gen::inRange(0, 5), rc::gen::arbitrary<int32_t>(), ApiString()),
      [](const std::tuple<int, int32_t, std::string>& t) {
        auto [shape, number, text] = t;
        boost::json::value v;
        switch (shape) {
          case 0: return api::RawJson{};
          case 1: v = number; break;
          case 2: v = boost::json::string(text); break;
          case 3: v = boost::json::object{{"k", number}, {"s", text.c_str()}}; break;
          default: v = boost::json::array{number, text.c_str(), nullptr, true}; break;
        }
        return api::RawJson{boost::json::serialize(v)};
      });
}

// Fills `value` with random content, drawing every choice from RapidCheck (so failures shrink).
// Must run inside a generator context (rc::gen::exec, or a property body). Plain overloads
// rather than composed rc::Gen combinators: composing a Gen per field type made this header
// take minutes to compile.
inline void Fill(std::string& value) { value = *ApiString(); }
inline void Fill(bool& value) { value = *rc::gen::arbitrary<bool>(); }
inline void Fill(int32_t& value) { value = *rc::gen::arbitrary<int32_t>(); }
inline void Fill(int64_t& value) { value = *rc::gen::arbitrary<int64_t>(); }
inline void Fill(api::Quantity& value) { value = *ApiQuantity(); }
inline void Fill(api::RawJson& value) { value = *ApiRawJson(); }
inline void Fill(api::Bytes& value) { value.data = *rc::gen::string<std::string>(); }
inline void Fill(api::Time& value) {
  value = *rc::gen::arbitrary<bool>()
              ? api::Time()
              : api::Time::FromUnixSeconds(*rc::gen::inRange<int64_t>(-62135596799, 253402300799));
}
inline void Fill(api::MicroTime& value) {
  value = *rc::gen::arbitrary<bool>()
              ? api::MicroTime()
              : api::MicroTime::FromUnixMicros(*rc::gen::inRange<int64_t>(0, 253402300799999999));
}
inline void Fill(api::IntOrString& value) {
  value = *rc::gen::arbitrary<bool>() ? api::IntOrString::FromInt(*rc::gen::arbitrary<int32_t>())
                                      : api::IntOrString::FromString(*rc::gen::nonEmpty(ApiString()));
}
// A pointer to Go's zero time encodes as null, which decodes as no pointer (upstream too), so
// an optional time is absent or a real instant.
inline void Fill(std::optional<api::Time>& value) {
  value.reset();
  if (*rc::gen::arbitrary<bool>()) {
    value = api::Time::FromUnixSeconds(*rc::gen::inRange<int64_t>(-62135596799, 253402300799));
  }
}
inline void Fill(std::optional<api::MicroTime>& value) {
  value.reset();
  if (*rc::gen::arbitrary<bool>()) {
    value = api::MicroTime::FromUnixMicros(*rc::gen::inRange<int64_t>(0, 253402300799999999));
  }
}
template <api::ApiStruct T>
void Fill(T& value);
template <class T>
void Fill(std::optional<T>& value) {
  value.reset();
  if (*rc::gen::arbitrary<bool>()) Fill(value.emplace());
}
template <class T>
void Fill(std::vector<T>& value) {
  value.assign(*rc::gen::inRange<size_t>(0, 4), T{});
  for (T& element : value) Fill(element);
}
template <class T>
void Fill(std::map<std::string, T>& value) {
  value.clear();
  size_t count = *rc::gen::inRange<size_t>(0, 4);
  for (size_t i = 0; i < count; ++i) Fill(value[*ApiString()]);
}
template <api::ApiStruct T>
void Fill(T& value) {
  api::ForEachField(value, [](std::string_view, auto& field) { Fill(field); });
}

// A generator of random T.
template <class T>
rc::Gen<T> ApiGen() {
  return rc::gen::exec([] {
    T value{};
    Fill(value);
    return value;
  });
}

}  // namespace kref::testing

namespace rc {

// `const core::Pod&` parameters of RC_GTEST_PROP draw from ApiGen.
template <kref::api::ApiStruct T>
struct Arbitrary<T> {
  static Gen<T> arbitrary() { return kref::testing::ApiGen<T>(); }
};

}  // namespace rc
