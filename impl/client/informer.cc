#include "impl/client/informer.h"

#include <boost/json.hpp>
#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>
#include <random>

#include "impl/common/clock.h"

namespace kref::client {

namespace json = boost::json;

namespace {

constexpr std::chrono::milliseconds kFirstBackoff{100};
constexpr std::chrono::milliseconds kMaxBackoff{10000};

std::string Escape(std::string_view text) { return boost::urls::encode(text, boost::urls::unreserved_chars); }

std::string StringField(const json::object& object, std::string_view name) {
  const json::value* value = object.if_contains(name);
  return value != nullptr && value->is_string() ? std::string(value->get_string()) : std::string();
}

}  // namespace

std::string KeyOf(const api::Object& object) {
  const api::meta::ObjectMeta& meta = object.metadata();
  return meta.namespace_.empty() ? meta.name : meta.namespace_ + "/" + meta.name;
}

Informer::Informer(RestClient& client, InformerOptions options, const api::Registry& registry)
    : client_(client), options_(std::move(options)), registry_(registry) {}

Informer::~Informer() { Stop(); }

void Informer::AddEventHandlers(EventHandlers handlers) { handlers_ = std::move(handlers); }

void Informer::AddIndex(const std::string& name, IndexFunc index) { index_funcs_[name] = std::move(index); }

void Informer::Start() {
  dispatcher_ = std::jthread([this](std::stop_token stop) { Dispatch(stop); });
  reflector_ = std::jthread([this](std::stop_token stop) { Reflect(stop); });
}

void Informer::Stop() {
  for (std::jthread* thread : {&reflector_, &dispatcher_}) {
    if (!thread->joinable()) continue;
    thread->request_stop();
    {
      std::lock_guard lock(mu_);  // a waiter checks the stop token under the lock
      changed_.notify_all();
    }
    thread->join();
  }
}

bool Informer::HasSynced() const {
  std::lock_guard lock(mu_);
  return synced_;
}

bool Informer::WaitForSync(std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mu_);
  return changed_.wait_for(lock, timeout, [&] { return synced_; });
}

ObjectPtr Informer::Get(const std::string& key) const {
  std::lock_guard lock(mu_);
  auto it = items_.find(key);
  return it == items_.end() ? nullptr : it->second;
}

std::vector<ObjectPtr> Informer::List() const {
  std::lock_guard lock(mu_);
  std::vector<ObjectPtr> out;
  out.reserve(items_.size());
  for (const auto& [key, object] : items_) out.push_back(object);
  return out;
}

std::vector<ObjectPtr> Informer::ByIndex(const std::string& index, const std::string& value) const {
  std::lock_guard lock(mu_);
  std::vector<ObjectPtr> out;
  auto by_value = indexes_.find(index);
  if (by_value == indexes_.end()) return out;
  auto keys = by_value->second.find(value);
  if (keys == by_value->second.end()) return out;
  for (const std::string& key : keys->second) out.push_back(items_.at(key));
  return out;
}

std::string Informer::LastSyncResourceVersion() const {
  std::lock_guard lock(mu_);
  return resource_version_;
}

std::string Informer::Query(bool watch) const {
  std::string query;
  auto add = [&](std::string_view name, std::string_view value) {
    query += (query.empty() ? "?" : "&") + std::string(name) + "=" + Escape(value);
  };
  if (!options_.label_selector.empty()) add("labelSelector", options_.label_selector);
  if (!options_.field_selector.empty()) add("fieldSelector", options_.field_selector);
  if (watch) {
    // As client-go's reflector: a server-side timeout between 5 and 10 minutes, so that watches
    // of many informers do not all end together.
    static thread_local std::mt19937 rng(std::random_device{}());
    add("watch", "true");
    add("allowWatchBookmarks", "true");
    add("resourceVersion", resource_version_);
    add("timeoutSeconds", std::to_string(std::uniform_int_distribution<int>(300, 600)(rng)));
  }
  return query;
}

void Informer::Reflect(std::stop_token stop) {
  std::chrono::milliseconds backoff = kFirstBackoff;
  bool need_list = true;
  while (!stop.stop_requested()) {
    Status status = need_list ? ListAndReplace(stop) : WatchFromLastVersion(stop);
    if (stop.stop_requested()) return;
    if (status.ok()) {
      if (need_list) need_list = false;
      backoff = kFirstBackoff;
      continue;  // a watch that ended cleanly is resumed at once
    }
    // 410: the version is compacted away, so only a list can catch up.
    if (status.code() == StatusCode::kOutOfRange) need_list = true;
    if (!SleepUnlessStopped(backoff, stop)) return;
    backoff = std::min(backoff * 2, kMaxBackoff);
  }
}

Status Informer::ListAndReplace(std::stop_token stop) {
  std::map<std::string, ObjectPtr> listed;
  std::string version, continue_token;
  bool paged = options_.page_size > 0;
  while (true) {
    std::string target = options_.path + Query(false);
    if (paged) {
      target += (target.find('?') == std::string::npos ? "?" : "&") + std::string("limit=") +
                std::to_string(options_.page_size);
      if (!continue_token.empty()) target += "&continue=" + Escape(continue_token);
    }
    auto list = client_.Get(target);
    if (!list.has_value() && list.error().code() == StatusCode::kOutOfRange && !continue_token.empty()) {
      // The continue token expired between pages: list everything in one call instead.
      listed.clear();
      continue_token.clear();
      paged = false;
      continue;
    }
    if (!list.has_value()) return list.error();
    if (stop.stop_requested()) return Status();
    const json::object* object = list->if_object();
    const json::value* items = object != nullptr ? object->if_contains("items") : nullptr;
    const json::value* meta = object != nullptr ? object->if_contains("metadata") : nullptr;
    if (items == nullptr || !items->is_array() || meta == nullptr || !meta->is_object()) {
      return InternalError("the list of " + options_.path + " is not a list");
    }
    // List items carry no apiVersion and kind; the list's kind says them ("PodList").
    std::string kind = StringField(*object, "kind");
    if (kind.ends_with("List")) kind.resize(kind.size() - 4);
    std::string api_version = StringField(*object, "apiVersion");
    for (json::value item : items->get_array()) {
      if (!item.is_object()) return InternalError("a list item is not an object");
      item.as_object()["apiVersion"] = api_version;
      item.as_object()["kind"] = kind;
      auto decoded = registry_.Decode(item);
      if (!decoded.has_value()) return decoded.error();
      ObjectPtr shared(std::move(*decoded));
      listed[KeyOf(*shared)] = std::move(shared);
    }
    version = StringField(meta->get_object(), "resourceVersion");
    continue_token = paged ? StringField(meta->get_object(), "continue") : "";
    if (continue_token.empty()) break;
  }

  std::lock_guard lock(mu_);
  std::vector<std::string> gone;
  for (const auto& [key, object] : items_) {
    if (!listed.contains(key)) gone.push_back(key);
  }
  for (const std::string& key : gone) Remove(key);
  for (auto& [key, object] : listed) {
    auto old = items_.find(key);
    if (old != items_.end() && old->second->metadata().resourceVersion == object->metadata().resourceVersion) continue;
    Upsert(std::move(object));
  }
  resource_version_ = version;
  if (!synced_) Notify({Notification::Type::kSynced, nullptr, nullptr});
  return Status();
}

Status Informer::WatchFromLastVersion(std::stop_token stop) {
  Status failed;
  Status status = client_.Watch(
      options_.path + Query(true),
      [&](json::value event) {
        json::object* object = event.if_object();
        std::string type = object != nullptr ? StringField(*object, "type") : "";
        json::value* body = object != nullptr ? object->if_contains("object") : nullptr;
        if (body == nullptr || !body->is_object()) {
          failed = InternalError("a watch event of " + options_.path + " has no object");
          return false;
        }
        if (type == "ERROR") {  // a Status: 410 Expired when the version is too old
          const json::value* code = body->as_object().if_contains("code");
          std::string message = StringField(body->as_object(), "message");
          failed = code != nullptr && code->is_int64() && code->as_int64() == 410
                       ? OutOfRangeError(message)
                       : UnavailableError("watch of " + options_.path + " failed: " + message);
          return false;
        }
        if (type == "BOOKMARK") {
          const json::value* meta = body->as_object().if_contains("metadata");
          if (meta != nullptr && meta->is_object()) {
            std::lock_guard lock(mu_);
            resource_version_ = StringField(meta->get_object(), "resourceVersion");
          }
          return true;
        }
        auto decoded = registry_.Decode(*body);
        if (!decoded.has_value()) {
          failed = decoded.error();
          return false;
        }
        ObjectPtr shared(std::move(*decoded));
        std::lock_guard lock(mu_);
        resource_version_ = shared->metadata().resourceVersion;
        if (type == "DELETED") {
          Remove(KeyOf(*shared));
        } else {
          Upsert(std::move(shared));
        }
        return true;
      },
      stop);
  if (!failed.ok()) return failed;
  return status;
}

void Informer::Upsert(ObjectPtr object) {
  std::string key = KeyOf(*object);
  auto [it, inserted] = items_.try_emplace(key, object);
  ObjectPtr old;
  if (!inserted) {
    old = std::move(it->second);
    it->second = object;
  }
  IndexLocked(key, old.get(), object.get());
  Notify({inserted ? Notification::Type::kAdd : Notification::Type::kUpdate, std::move(old), std::move(object)});
}

void Informer::Remove(const std::string& key) {
  auto it = items_.find(key);
  if (it == items_.end()) return;
  ObjectPtr old = std::move(it->second);
  items_.erase(it);
  IndexLocked(key, old.get(), nullptr);
  Notify({Notification::Type::kDelete, nullptr, std::move(old)});
}

void Informer::IndexLocked(const std::string& key, const api::Object* old_object, const api::Object* new_object) {
  for (const auto& [name, index] : index_funcs_) {
    auto& by_value = indexes_[name];
    if (old_object != nullptr) {
      for (const std::string& value : index(*old_object)) {
        auto keys = by_value.find(value);
        if (keys == by_value.end()) continue;
        keys->second.erase(key);
        if (keys->second.empty()) by_value.erase(keys);
      }
    }
    if (new_object != nullptr) {
      for (const std::string& value : index(*new_object)) by_value[value].insert(key);
    }
  }
}

void Informer::Notify(Notification notification) {
  notifications_.push_back(std::move(notification));
  changed_.notify_all();
}

void Informer::Dispatch(std::stop_token stop) {
  using Clock = std::chrono::steady_clock;
  bool resyncs = options_.resync_period.count() > 0;
  Clock::time_point next_resync = Clock::now() + options_.resync_period;
  std::unique_lock lock(mu_);
  while (!stop.stop_requested()) {
    auto has_work = [&] { return !notifications_.empty(); };
    if (resyncs) {
      changed_.wait_until(lock, stop, next_resync, has_work);
    } else {
      changed_.wait(lock, stop, has_work);
    }
    if (stop.stop_requested()) return;
    if (resyncs && Clock::now() >= next_resync) {
      next_resync = Clock::now() + options_.resync_period;
      if (synced_) {
        for (const auto& [key, object] : items_) notifications_.push_back({Notification::Type::kUpdate, object, object});
      }
    }
    while (!notifications_.empty() && !stop.stop_requested()) {
      Notification notification = std::move(notifications_.front());
      notifications_.pop_front();
      if (notification.type == Notification::Type::kSynced) {
        synced_ = true;  // after every add of the first list was handled
        changed_.notify_all();
        continue;
      }
      lock.unlock();
      switch (notification.type) {
        case Notification::Type::kAdd:
          if (handlers_.on_add) handlers_.on_add(notification.object);
          break;
        case Notification::Type::kUpdate:
          if (handlers_.on_update) handlers_.on_update(notification.old_object, notification.object);
          break;
        case Notification::Type::kDelete:
          if (handlers_.on_delete) handlers_.on_delete(notification.object);
          break;
        case Notification::Type::kSynced:
          break;
      }
      lock.lock();
    }
  }
}

}  // namespace kref::client
