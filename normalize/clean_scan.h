// CleanScan: the normalizer's quick check 16 bytes at a time. It skips the
// bytes that the slow path provably leaves as they are (ASCII the options do
// not watch, and two-byte UTF-8 sequences whose lead byte starts only code
// points that need nothing, such as all of Cyrillic), and stops at the
// first byte it cannot vouch for: a line break, a watched byte, a space that
// starts a run or ends a line, any other UTF-8 sequence, ill-formed input.
// The byte-at-a-time check in Normalizer::Impl::Run takes over from there,
// so the scan only ever decides "clean", never "dirty". Internal.
//
// SSSE3 (a byte shuffle per 16-entry table); without it Skip() skips
// nothing. Immutable once built; Skip() may run on many threads at once.
#ifndef NORMKIT_NORMALIZE_CLEAN_SCAN_H_
#define NORMKIT_NORMALIZE_CLEAN_SCAN_H_

#include <array>
#include <cstdint>

namespace normkit::internal {

class CleanScan {
 public:
  // `watched_ascii[b]`: the ASCII byte b needs the slow path (the line break
  // among them); a space there is ignored, as spaces are read in pairs.
  // `clean_lead2[b]`: no code point that the two-byte lead b starts needs
  // the slow path. `spaces_matter`: a space before a space, CR or LF is
  // trouble (the whitespace rule), unless Skip() is told the line is code.
  CleanScan(const std::array<bool, 128>& watched_ascii, const std::array<bool, 256>& clean_lead2,
            bool spaces_matter);

  // The first byte in [p, end) not proven clean; whole 16-byte blocks only,
  // and never closer than 17 bytes to `end` (it reads one byte ahead).
  // `code`: the line is code, where spaces are kept.
  const unsigned char* Skip(const unsigned char* p, const unsigned char* end, bool code) const;

 private:
  // Bit (b >> 4) of ascii_by_low_[b & 15] is set for a watched ASCII byte b.
  alignas(16) std::uint8_t ascii_by_low_[16];
  // Per low five bits of a lead byte C0..DF: clean (0xFF) or not (0).
  alignas(16) std::uint8_t lead_c_[16];
  alignas(16) std::uint8_t lead_d_[16];
  bool spaces_matter_;
  bool available_;  // the processor has SSSE3
};

}  // namespace normkit::internal

#endif  // NORMKIT_NORMALIZE_CLEAN_SCAN_H_
