// What a request's body, query parameters and DeleteOptions say, read and checked as upstream does:
// dryRun, fieldValidation, label and field selectors, resourceVersion, limit and other counts,
// continue tokens, DeleteOptions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "impl/api/fields.h"
#include "impl/api/labels.h"
#include "impl/api/meta/types.h"
#include "impl/api/registry.h"
#include "impl/apiserver/http_server.h"
#include "impl/apiserver/request_info.h"
#include "impl/common/result.h"

namespace kref::apiserver {

// The media type of a Content-Type header, without parameters, in lower case.
std::string MediaType(std::string_view content_type);
// A create or update body (JSON, one YAML document, or Kubernetes protobuf of a kind in
// `registry`) as JSON; 400 when it does not parse, 415 for other media types.
Result<boost::json::value> ParseBody(const api::Registry& registry, const HttpRequest& http);

enum class FieldValidation { kIgnore, kWarn, kStrict };
// fieldValidation (default Warn); BadRequest for another value.
Result<FieldValidation> ParseFieldValidation(const Query& query);
// dryRun: false when absent, true for "All"; BadRequest otherwise.
Result<bool> ParseDryRun(const Query& query);

// What a list or watch selects: labelSelector, and fieldSelector on metadata.name,
// metadata.namespace and the kind's selectable fields.
struct ObjectFilter {
  api::labels::Selector labels = api::labels::Selector::Everything();
  api::fields::Selector fields;
  bool needs_object = false;  // a term names a field outside metadata

  bool Matches(const api::Object& object) const;
};

// labelSelector and fieldSelector for `kind`; BadRequest for a bad selector or a field the kind
// cannot be selected by ("field label not supported: spec.x").
Result<ObjectFilter> ParseFilter(const Query& query, const api::KindInfo& kind);

// A resourceVersion parameter: nullopt when absent or empty.
Result<std::optional<int64_t>> ParseResourceVersion(const Query& query);
// A non-negative integer parameter (0 when absent).
Result<int64_t> ParseNonNegative(const Query& query, std::string_view name);

// A list's continue token, as upstream encodes it: base64url (no padding) of
// {"v":"meta.k8s.io/v1","rv":<revision>,"start":"<next key after the resource prefix>"}.
// A revision of -1 continues from the latest revision.
struct ContinueToken {
  int64_t revision = 0;
  std::string start;
};

std::string EncodeContinue(const ContinueToken& token);
// BadRequest "continue key is not valid: ..." for a token this server did not make.
Result<ContinueToken> DecodeContinue(std::string_view text);
// The 410 Expired answer for a continue token whose revision was compacted, carrying a
// `restart` token that goes on from the latest revision.
HttpResponse ExpiredContinue(const std::string& restart);

// DeleteOptions from the body (if any) and the query (gracePeriodSeconds, propagationPolicy,
// orphanDependents), as upstream merges them.
Result<api::meta::DeleteOptions> ParseDeleteOptions(const HttpRequest& http, const Query& query);

}  // namespace kref::apiserver
