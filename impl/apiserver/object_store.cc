#include "impl/apiserver/object_store.h"

#include <boost/json.hpp>

#include "impl/apiserver/errors.h"

namespace kref::apiserver {

namespace pb = store::pb;
namespace json = boost::json;

Result<std::unique_ptr<api::Object>> Load(const api::KindInfo& kind, std::string_view stored_json,
                                          int64_t revision) {
  json::error_code ec;
  json::value value = json::parse(stored_json, ec);
  if (ec) return InternalServerError("stored object is not JSON: " + ec.message());
  auto object = kind.decode(kind, value, nullptr);
  if (!object.has_value()) return InternalServerError(object.error().message());
  (*object)->metadata().resourceVersion = std::to_string(revision);
  return std::move(*object);
}
Result<std::unique_ptr<api::Object>> Load(const api::KindInfo& kind, const StoredObject& stored) {
  return Load(kind, stored.json, stored.revision);
}

std::string ObjectKey(std::string_view resource, std::string_view namespace_,
                      std::string_view name) {
  return ObjectPrefix(resource, namespace_) + std::string(name);
}

std::string ObjectPrefix(std::string_view resource, std::string_view namespace_) {
  std::string key = "/registry/" + std::string(resource) + "/";
  if (!namespace_.empty()) key += std::string(namespace_) + "/";
  return key;
}

ObjectStore::Timer::~Timer() {
  if (observer == nullptr || !*observer) return;
  // "/registry/<type>/..." -> type
  std::string type;
  constexpr std::string_view kRegistry = "/registry/";
  if (key.starts_with(kRegistry)) {
    type = key.substr(kRegistry.size(), key.find('/', kRegistry.size()) - kRegistry.size());
  }
  (*observer)(operation, type, std::chrono::steady_clock::now() - start);
}

Result<StoredObject> ObjectStore::Get(const std::string& key) {
  auto timer = Time("get", key);
  pb::RangeRequest request;
  request.set_key(key);
  KREF_ASSIGN_OR_RETURN(pb::RangeResponse response, kv_.Range(std::move(request)));
  if (response.kvs_size() == 0) return NotFoundError(key);
  return StoredObject{response.kvs(0).value(), response.kvs(0).mod_revision()};
}

Result<int64_t> ObjectStore::CurrentRevision() {
  pb::RangeRequest request;
  request.set_key("/registry/");
  request.set_count_only(true);
  KREF_ASSIGN_OR_RETURN(pb::RangeResponse response, kv_.Range(std::move(request)));
  return response.header().revision();
}

Result<StoredList> ObjectStore::List(const std::string& prefix, const ListOptions& options) {
  auto timer = Time("list", prefix);
  pb::RangeRequest request;
  request.set_key(options.start_key.empty() ? prefix : options.start_key);
  std::string end = prefix;
  end.back() = static_cast<char>(end.back() + 1);  // every prefix ends in '/'
  request.set_range_end(end);
  request.set_limit(options.limit);
  request.set_revision(options.revision);
  KREF_ASSIGN_OR_RETURN(pb::RangeResponse response, kv_.Range(std::move(request)));
  StoredList list;
  list.revision = options.revision > 0 ? options.revision : response.header().revision();
  list.items.reserve(static_cast<size_t>(response.kvs_size()));
  for (const auto& kv : response.kvs()) list.items.push_back({kv.value(), kv.mod_revision()});
  if (response.more() && response.kvs_size() > 0) {
    list.next_key = response.kvs(response.kvs_size() - 1).key() + std::string(1, '\0');
    list.remaining = response.count() - response.kvs_size();
  }
  return list;
}

Result<std::vector<std::string>> ObjectStore::ListKeys(const std::string& prefix) {
  pb::RangeRequest request;
  request.set_key(prefix);
  std::string end = prefix;
  end.back() = static_cast<char>(end.back() + 1);
  request.set_range_end(end);
  request.set_keys_only(true);
  KREF_ASSIGN_OR_RETURN(pb::RangeResponse response, kv_.Range(std::move(request)));
  std::vector<std::string> keys;
  for (const auto& kv : response.kvs()) keys.push_back(kv.key());
  return keys;
}

namespace {

// Adds the compares and ops that claim and release keys to `txn`.
void AddClaims(pb::TxnRequest& txn, const std::vector<std::string>& claim,
               const std::vector<std::string>& release) {
  for (const std::string& key : claim) {
    pb::Compare* free = txn.add_compare();
    free->set_key(key);
    free->set_target(pb::Compare::CREATE);
    free->set_result(pb::Compare::EQUAL);
    free->set_create_revision(0);
    txn.add_success()->mutable_request_put()->set_key(key);
  }
  for (const std::string& key : release) {
    txn.add_success()->mutable_request_delete_range()->set_key(key);
  }
}

}  // namespace

Result<int64_t> ObjectStore::Create(const std::string& key, const std::string& json,
                                    const std::vector<std::string>& claim) {
  auto timer = Time("create", key);
  pb::TxnRequest txn;
  pb::Compare* absent = txn.add_compare();
  absent->set_key(key);
  absent->set_target(pb::Compare::CREATE);
  absent->set_result(pb::Compare::EQUAL);
  absent->set_create_revision(0);
  pb::PutRequest* put = txn.add_success()->mutable_request_put();
  put->set_key(key);
  put->set_value(json);
  AddClaims(txn, claim, {});
  txn.add_failure()->mutable_request_range()->set_key(key);
  KREF_ASSIGN_OR_RETURN(pb::TxnResponse response, kv_.Txn(std::move(txn)));
  if (response.succeeded()) return response.header().revision();
  if (response.responses(0).response_range().kvs_size() > 0) return AlreadyExistsError(key);
  return AbortedError("a claimed key is taken");
}

Result<int64_t> ObjectStore::Update(const std::string& key, const std::string& json,
                                    int64_t expected_revision,
                                    const std::vector<std::string>& claim,
                                    const std::vector<std::string>& release) {
  auto timer = Time("update", key);
  pb::RequestOp op;
  op.mutable_request_put()->set_key(key);
  op.mutable_request_put()->set_value(json);
  return GuardedWrite(key, expected_revision, std::move(op), claim, release);
}

Result<int64_t> ObjectStore::Delete(const std::string& key, int64_t expected_revision,
                                    const std::vector<std::string>& release) {
  auto timer = Time("delete", key);
  pb::RequestOp op;
  op.mutable_request_delete_range()->set_key(key);
  return GuardedWrite(key, expected_revision, std::move(op), {}, release);
}

Result<int64_t> ObjectStore::GuardedWrite(const std::string& key, int64_t expected_revision,
                                          pb::RequestOp op, const std::vector<std::string>& claim,
                                          const std::vector<std::string>& release) {
  pb::TxnRequest txn;
  pb::Compare* unchanged = txn.add_compare();
  unchanged->set_key(key);
  unchanged->set_target(pb::Compare::MOD);
  unchanged->set_result(pb::Compare::EQUAL);
  unchanged->set_mod_revision(expected_revision);
  *txn.add_success() = std::move(op);
  AddClaims(txn, claim, release);
  // On failure, read the key to tell "gone" from "changed".
  txn.add_failure()->mutable_request_range()->set_key(key);
  KREF_ASSIGN_OR_RETURN(pb::TxnResponse response, kv_.Txn(std::move(txn)));
  if (response.succeeded()) return response.header().revision();
  if (response.responses(0).response_range().kvs_size() == 0) return NotFoundError(key);
  return AbortedError(key);
}

}  // namespace kref::apiserver
