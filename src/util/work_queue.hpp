// A bounded multi-producer/multi-consumer queue: the collector fills it while workers scan, so
// a history scan never holds every blob in memory at once.
#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>

namespace hookguard::util {

template <typename T>
class WorkQueue {
 public:
  explicit WorkQueue(std::size_t capacity) : m_capacity(capacity) {}

  void push(T item) {
    std::unique_lock lock(m_mutex);
    m_not_full.wait(lock, [&] { return m_items.size() < m_capacity; });
    m_items.push_back(std::move(item));
    m_not_empty.notify_one();
  }

  // Blocks until an item arrives; nullopt once close() was called and the queue is drained.
  std::optional<T> pop() {
    std::unique_lock lock(m_mutex);
    m_not_empty.wait(lock, [&] { return !m_items.empty() || m_closed; });
    if (m_items.empty()) return std::nullopt;
    T item = std::move(m_items.front());
    m_items.pop_front();
    m_not_full.notify_one();
    return item;
  }

  // Items waiting to be popped.
  std::size_t size() {
    std::lock_guard lock(m_mutex);
    return m_items.size();
  }

  void close() {
    std::lock_guard lock(m_mutex);
    m_closed = true;
    m_not_empty.notify_all();
  }

 private:
  std::size_t m_capacity;
  std::deque<T> m_items;
  bool m_closed = false;
  std::mutex m_mutex;
  std::condition_variable m_not_empty, m_not_full;
};

}  // namespace hookguard::util
