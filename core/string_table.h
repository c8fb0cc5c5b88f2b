// StringTable: a read-only map from short strings (words, spellings) to a
// uint32 value, for the lookups in the engines' inner loops: the date
// finder's month and weekday names, the variant index's spellings. Internal.
//
// Built once, then only read (safe from many threads). Keys live in one
// arena; a lookup hashes the key once and never allocates. Most words that
// the engines look up are in no table, so a lookup rejects them as early as
// it can: a key shorter or longer than every stored one is not hashed, and
// a small bloom filter (two bits a key, about eight bits a key in all)
// turns most of the rest away before the slots are touched. The slots are
// linear probing over a power-of-two array at most half full, each holding
// 16 bits of the key's hash so that a probe rarely compares bytes.
#ifndef NORMKIT_CORE_STRING_TABLE_H_
#define NORMKIT_CORE_STRING_TABLE_H_

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace normkit::internal {

// The hash of a short string, 8 bytes a step (the keys are words: most take
// one or two steps). Its low bits pick a slot, bits 16..63 feed the filter
// and the slot's tag.
inline std::uint64_t HashString(std::string_view s) {
  const char* p = s.data();
  std::size_t n = s.size();
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ (n * 0xFF51AFD7ED558CCDull);
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 32;
  }
  if (n > 0) {
    std::uint64_t w = 0;
    std::memcpy(&w, p, n);
    h = (h ^ w) * 0xC4CEB9FE1A85EC53ull;
  }
  h ^= h >> 29;
  return h;
}

class StringTable {
 public:
  // Keys of 1 to 65,535 bytes; an empty or longer key is left out (no word
  // is one). A key given twice keeps its last value. The layout follows the
  // order of `items`, so the same items in the same order give the same
  // table.
  using Item = std::pair<std::string_view, std::uint32_t>;

  StringTable() = default;  // finds nothing
  explicit StringTable(const std::vector<Item>& items) {
    std::size_t capacity = 16;
    while (capacity < items.size() * 2) capacity *= 2;
    slots_.assign(capacity, Slot{});
    slot_mask_ = capacity - 1;
    std::size_t bloom_bits = 1024;
    while (bloom_bits < items.size() * 8) bloom_bits *= 2;
    bloom_.assign(bloom_bits / 64, 0);
    bloom_mask_ = bloom_bits - 1;
    for (const auto& [key, value] : items) {
      if (key.empty() || key.size() > 0xFFFF) continue;
      const std::uint64_t h = HashString(key);
      std::uint64_t i = h & slot_mask_;
      for (; slots_[i].size != 0; i = (i + 1) & slot_mask_) {
        if (Holds(slots_[i], h, key)) break;
      }
      Slot& slot = slots_[i];
      if (slot.size == 0) {
        slot.key = static_cast<std::uint32_t>(keys_.size());
        slot.size = static_cast<std::uint16_t>(key.size());
        slot.tag = Tag(h);
        keys_ += key;
        ++size_;
      }
      slot.value = value;
      for (std::uint64_t bit : BloomBits(h)) bloom_[bit >> 6] |= std::uint64_t{1} << (bit & 63);
      min_key_size_ = std::min(min_key_size_, key.size());
      max_key_size_ = std::max(max_key_size_, key.size());
    }
  }

  // The value of `key`, or nullopt.
  std::optional<std::uint32_t> Find(std::string_view key) const {
    if (key.size() < min_key_size_ || key.size() > max_key_size_) return std::nullopt;
    const std::uint64_t h = HashString(key);
    for (std::uint64_t bit : BloomBits(h)) {
      if (!(bloom_[bit >> 6] >> (bit & 63) & 1)) return std::nullopt;
    }
    for (std::uint64_t i = h & slot_mask_;; i = (i + 1) & slot_mask_) {
      const Slot& slot = slots_[i];
      if (slot.size == 0) return std::nullopt;
      if (Holds(slot, h, key)) return slot.value;
    }
  }

  // How many keys it holds; the longest key, in bytes (0 when empty): a
  // longer string is none of them.
  std::size_t size() const { return size_; }
  std::size_t max_key_size() const { return max_key_size_; }

 private:
  struct Slot {
    std::uint32_t key = 0;   // offset in keys_
    std::uint16_t size = 0;  // the key's bytes; 0: an empty slot
    std::uint16_t tag = 0;   // Tag() of the key's hash
    std::uint32_t value = 0;
  };

  static std::uint16_t Tag(std::uint64_t h) { return static_cast<std::uint16_t>(h >> 40); }

  std::array<std::uint64_t, 2> BloomBits(std::uint64_t h) const {
    return {(h >> 32) & bloom_mask_, ((h >> 48) ^ (h >> 16)) & bloom_mask_};
  }

  bool Holds(const Slot& slot, std::uint64_t h, std::string_view key) const {
    return slot.tag == Tag(h) && slot.size == key.size() &&
           std::memcmp(keys_.data() + slot.key, key.data(), key.size()) == 0;
  }

  // One empty slot and one filter word, all bits clear: an empty table
  // needs no test of its own in Find.
  std::vector<Slot> slots_ = std::vector<Slot>(1);
  std::uint64_t slot_mask_ = 0;
  std::vector<std::uint64_t> bloom_ = std::vector<std::uint64_t>(1);
  std::uint64_t bloom_mask_ = 63;
  std::string keys_;
  std::size_t size_ = 0;
  std::size_t min_key_size_ = 1;
  std::size_t max_key_size_ = 0;
};

}  // namespace normkit::internal

#endif  // NORMKIT_CORE_STRING_TABLE_H_
