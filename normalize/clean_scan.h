// CleanScan: the normalizer's quick check 16 or 32 bytes at a time. It skips
// the bytes that the slow path provably leaves as they are (ASCII the options
// do not watch, two-byte UTF-8 sequences whose lead byte starts only code
// points that need nothing, such as all of Cyrillic). Where a block holds
// anything else, it reads each such character once against a table with a
// bit per code point: a guillemet, a dash or an emoji that needs nothing is
// passed there and then, and the wide steps go on after it. It stops at the
// first byte it cannot vouch for: a watched byte, a space that starts a run
// or ends a line, a character that needs attention (or whose block of 64
// above the BMP may), ill-formed input, and a line break unless the line
// after it reads the same to the slow path whatever came before (Line,
// below). The character-at-a-time check in Normalizer::Impl::Run takes over
// from there, so the scan only ever decides "clean", never "dirty".
// Internal.
//
// SSSE3 (a byte shuffle per 16-entry table), 32 bytes at a time with AVX2;
// without SSSE3 Skip() skips nothing. Immutable once built; Skip() may run
// on many threads at once.
#ifndef NORMKIT_NORMALIZE_CLEAN_SCAN_H_
#define NORMKIT_NORMALIZE_CLEAN_SCAN_H_

#include <array>
#include <bitset>
#include <cstddef>
#include <cstdint>

namespace normkit::internal {

// Which non-ASCII code points a line may hold and still be clean: a bit per
// BMP code point, and above the BMP a bit per block of 64 code points, set
// when any code point of the block may need attention (the caller then asks
// about the code point itself).
struct AttentionTable {
  static constexpr char32_t kBlockBits = 6;
  static constexpr std::size_t kBlocks = (0x110000 - 0x10000) >> kBlockBits;
  std::bitset<0x10000> bmp;
  std::bitset<kBlocks> supplementary_blocks;

  // False when `c` (a code point) certainly needs nothing.
  bool MayNeedAttention(char32_t c) const {
    return c < 0x10000 ? bmp[c] : supplementary_blocks[(c - 0x10000) >> kBlockBits];
  }
};

class CleanScan {
 public:
  // `watched_ascii[b]`: the ASCII byte b needs the slow path (the line break
  // is looked at apart, below); a space there is ignored, as spaces are read
  // in pairs. `clean_lead2[b]`: no code point that the two-byte lead b
  // starts needs the slow path. `attention`: the rest of the non-ASCII code
  // points; it is read, not copied, and must outlive the scan (the
  // normalizer owns both). `spaces_matter`: a space before a space, CR or LF
  // is trouble (the whitespace rule) on prose, and lines are read in the
  // light of the lines before them (normalizer.h, "Code and columns");
  // without it no line depends on another.
  //
  // `widest`: the widest steps to take, where the processor has them (the
  // tests compare the widths on the same text).
  enum class Steps { kNone, k16, k32 };
  CleanScan(const std::array<bool, 128>& watched_ascii, const std::array<bool, 256>& clean_lead2,
            const AttentionTable& attention, bool spaces_matter, Steps widest = Steps::k32);

  // The steps taken: `widest` or what the processor has, the narrower.
  Steps steps() const { return steps_; }

  // What the line that the scan starts in is, and so which line breaks it
  // goes past. A line after one that it goes past is of the same kind, and
  // starts as Skip() says below.
  enum class Line {
    // Spaces are read in pairs. With spaces_matter, a run of LFs (blank
    // lines) is passed when the byte after it cannot start indentation, a
    // blank line or a fence (it is not a space, tab, CR, backtick or
    // tilde): that line is prose whatever stood before, as long as no fence
    // is open, and none is before a prose line. Without, every LF.
    kProse,
    // Code outside a fence's body, or a fence line with a backtick already
    // seen: stops at the LF.
    kCode,
    // Inside a block fenced with backticks: every LF is passed (such a line
    // is code, and ends the block only if it holds a backtick), and the
    // scan stops at every backtick.
    kInBacktickFence,
    // Inside a block fenced with tildes: the LF is passed unless the next
    // line starts with a space or a tilde (else it cannot end the block).
    kInTildeFence,
  };

  // Line breaks that Skip() went past.
  struct Lines {
    std::size_t passed = 0;
    // Where the line after the last of them starts.
    const unsigned char* start = nullptr;
  };

  // The first byte in [p, end) not proven clean, `p` being in a line of
  // kind `line`; the line breaks passed go into `lines`. It reads blocks
  // while a block and one byte more remain (it reads one byte ahead), so it
  // may stop short of `end` with nothing found, but not before the last 17
  // bytes.
  const unsigned char* Skip(const unsigned char* p, const unsigned char* end, Line line,
                            Lines* lines) const;

 private:
  // Bit (b >> 4) of ascii_by_low_[b & 15] is set for a watched ASCII byte
  // b; the same with the backtick for Line::kInBacktickFence.
  alignas(16) std::uint8_t ascii_by_low_[16];
  alignas(16) std::uint8_t ascii_in_backtick_fence_by_low_[16];
  // Bit 0 of lead_by_low_[b & 15] is set for a clean lead b in C0..CF,
  // bit 1 for one in D0..DF.
  alignas(16) std::uint8_t lead_by_low_[16];
  const AttentionTable* attention_;
  bool spaces_matter_;
  Steps steps_ = Steps::kNone;
};

}  // namespace normkit::internal

#endif  // NORMKIT_NORMALIZE_CLEAN_SCAN_H_
