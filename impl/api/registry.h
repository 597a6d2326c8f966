// The kind registry: every API kind kref serves, with what discovery says about it (group,
// version, resource, short names, verbs, subresources, categories, scope) and the operations
// the API server and `kref validate` run on objects of that kind. Routing and discovery are
// generated from this table.
//
// Thread safety: the registry is immutable after construction; Objects are not thread-safe.
#pragma once

#include <boost/json/value.hpp>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "impl/api/json.h"
#include "impl/api/meta/types.h"
#include "impl/api/validation/field_error.h"
#include "impl/common/result.h"

namespace kref::api {

struct KindInfo;
struct TypeSchema;

// An API object of a registered kind, behind one interface.
class Object {
 public:
  virtual ~Object() = default;

  virtual const KindInfo& info() const = 0;
  virtual meta::ObjectMeta& metadata() = 0;
  const meta::ObjectMeta& metadata() const { return const_cast<Object*>(this)->metadata(); }

  // What the API server does to a new object before validating it: clears status and
  // server-owned fields, sets generation 1, generates a Job's selector, adds a Namespace's
  // finalizer, ...
  virtual void PrepareForCreate() = 0;
  // Fills upstream defaults (restartPolicy, strategy, protocol, ...).
  virtual void Default() = 0;
  // Create validation with upstream's rules and messages; empty when valid.
  virtual validation::FieldErrors Validate() const = 0;
  // What an update adds to Validate when `old` (the stored object, of the same kind) becomes
  // this: metadata immutability and no new finalizers on an object being deleted
  // (ValidateObjectMetaUpdate), then the kind's own rules (immutable selectors, what may
  // change in a pod, immutable ConfigMaps and Secrets, ...).
  virtual validation::FieldErrors ValidateUpdate(const Object& old) const = 0;

  virtual std::string ToJson() const = 0;
  virtual std::unique_ptr<Object> Clone() const = 0;

  // The typed object, or null when this is not a T.
  template <class T>
  T* As();
  template <class T>
  const T* As() const {
    return const_cast<Object*>(this)->As<T>();
  }

 protected:
  virtual void* Raw(const std::type_info& type) = 0;
};

struct KindInfo {
  std::string_view group;     // "" for the core group
  std::string_view version;   // "v1"
  std::string_view kind;      // "Deployment"
  std::string_view resource;  // "deployments"; empty for kinds that are not resources (Scale)
  std::string_view singular;  // "deployment"
  bool namespaced = true;
  std::vector<std::string_view> short_names;   // {"deploy"}
  std::vector<std::string_view> verbs;         // {"create", "delete", ...}
  std::vector<std::string_view> subresources;  // {"scale", "status"}
  std::vector<std::string_view> categories;    // {"all"}

  // Decodes a JSON value of this kind (apiVersion and kind are not checked here).
  Result<std::unique_ptr<Object>> (*decode)(const KindInfo& info, const boost::json::value& value,
                                            DecodeReport* report) = nullptr;
  // The kind's type at run time (schema.h): what protobuf bodies and OpenAPI documents are read
  // and written by.
  const TypeSchema& (*schema)() = nullptr;

  // "apps/v1", or "v1" for the core group.
  std::string ApiVersion() const;
  // "Deployment.apps", or "Pod" for the core group (what upstream's messages call the kind).
  std::string QualifiedKind() const;
};

class Registry {
 public:
  // Every kind kref knows. Built once, lives for the program.
  static const Registry& Default();

  explicit Registry(std::vector<KindInfo> kinds) : kinds_(std::move(kinds)) {}

  std::span<const KindInfo> kinds() const { return kinds_; }
  // By apiVersion ("apps/v1") and kind; null when unknown.
  const KindInfo* FindKind(std::string_view api_version, std::string_view kind) const;
  // By group, version and resource (plural); null when unknown.
  const KindInfo* FindResource(std::string_view group, std::string_view version,
                               std::string_view resource) const;

  // Decodes one object: finds its kind from apiVersion and kind, then decodes. Errors:
  // InvalidArgument "Object 'Kind' is missing in '...'" (or 'apiVersion') or the codec's;
  // NotFound "no matches for kind \"Foo\" in version \"apps/v1\"" (kubectl's wording).
  Result<std::unique_ptr<Object>> Decode(const boost::json::value& value,
                                         DecodeReport* report = nullptr) const;

 private:
  std::vector<KindInfo> kinds_;
};

// ---- Implementation details ----

template <class T>
T* Object::As() {
  return static_cast<T*>(Raw(typeid(T)));
}

}  // namespace kref::api
