// From discovery to a lexicon: VariantIndex::RenderLexicon() writes the
// clusters that Cluster() found as [[name]] entries in the format of
// rules/variants/*.toml, for a person to review and for Apply() to take
// (VariantIndexOptions::extra_lexicons); and the choice of a canonical form
// for a cluster that no lexicon names.
#include <map>
#include <string>

#include "normkit/variant_index.h"
#include "variant_index_data.h"
#include "variant_key.h"
#include "variant_words.h"

namespace normkit {
namespace {

// The ICU transforms that tell which Latin spelling English BGN/PCGN
// writes where there is no Cyrillic form to spell.
constexpr std::string_view kBgnReverse = "Latin-Russian/BGN";
constexpr std::string_view kBgnForward = "Russian-Latin/BGN";

// A TOML basic string. Spellings are words (letters, marks, apostrophes,
// hyphens), so escaping is only a safeguard.
std::string Quoted(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

// The language of a Cyrillic spelling, as the lexicon's `cyrillic` table
// names it: the language of the scheme its letters pick for its key.
std::string LanguageOf(std::string_view cyrillic) {
  const std::string_view scheme = internal::KeySchemeFor(cyrillic);
  return std::string(scheme.substr(0, scheme.find('/')));
}

// A spelling without the marks that English news leaves out of BGN/PCGN:
// the soft and hard sign marks (ʹ ʺ, or ' ’ for them) and the middle dot
// between letters that would read as one (Kasʹyanov is Kasyanov).
std::string WithoutSignMarks(std::string_view s) {
  static constexpr std::string_view kMarks[] = {"\u02B9", "\u02BA", "\u2019", "'", "\u00B7"};
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    bool mark = false;
    for (std::string_view m : kMarks) {
      if (s.substr(i, m.size()) == m) {
        i += m.size();
        mark = true;
        break;
      }
    }
    if (!mark) out.push_back(s[i++]);
  }
  return out;
}

// True when every letter of `word` is Cyrillic.
bool IsAllCyrillic(std::string_view word) {
  for (std::size_t i = 0; i < word.size();) {
    std::size_t len;
    const UChar32 c = internal::CodePointAt(word, i, &len);
    i += len;
    if (c < 0 ||
        (internal::IsLetter(c) && !(c >= 0x0400 && c <= 0x052F) && !u_getCombiningClass(c))) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool VariantIndex::Data::FollowsBgnPcgn(std::string_view latin,
                                        const std::vector<std::string_view>& cyrillic) const {
  if (!cyrillic.empty()) {
    for (std::string_view form : cyrillic) {
      const Transliterator& t = key_schemes.find(internal::KeySchemeFor(form))->second;
      if (WithoutSignMarks(t.Transliterate(form)) == WithoutSignMarks(latin)) return true;
    }
    return false;
  }
  std::call_once(bgn_once_, [this] {
    Result<IcuTransform> reverse = IcuTransform::Create(kBgnReverse);
    Result<IcuTransform> forward = IcuTransform::Create(kBgnForward);
    if (reverse.ok() && forward.ok()) {
      bgn_reverse_ = std::move(*reverse);
      bgn_forward_ = std::move(*forward);
    }
  });
  if (!bgn_reverse_) return false;
  // The inverse passes letters it cannot read through (the j and w of
  // Kasjanow), and the transform back returns them: only a spelling read
  // whole into Cyrillic counts.
  const std::string cyrillic_reading = bgn_reverse_->Apply(latin);
  if (!IsAllCyrillic(cyrillic_reading)) return false;
  return WithoutSignMarks(bgn_forward_->Apply(cyrillic_reading)) == WithoutSignMarks(latin);
}

const std::string* VariantIndex::Data::ChooseCanonical(
    const std::vector<std::pair<std::string, std::uint64_t>>& spellings, bool latin_only) const {
  std::vector<std::string_view> cyrillic;
  std::vector<const std::string*> tied;  // the most frequent candidates
  std::uint64_t top = 0;
  for (const auto& [spelling, count] : spellings) {
    const bool is_cyrillic = internal::HasCyrillic(spelling);
    if (is_cyrillic) cyrillic.push_back(spelling);
    if (is_cyrillic && latin_only) continue;
    if (tied.empty()) top = count;
    if (count == top) tied.push_back(&spelling);
  }
  if (tied.empty()) return nullptr;
  if (tied.size() > 1) {
    for (const std::string* s : tied) {
      if (!internal::HasCyrillic(*s) && FollowsBgnPcgn(*s, cyrillic)) return s;
    }
  }
  return tied.front();
}

std::string VariantIndex::RenderLexicon(const std::vector<VariantCluster>& clusters) const {
  const Data& d = *data_;
  std::string entries;
  std::size_t written = 0, cyrillic_only = 0;
  for (const VariantCluster& c : clusters) {
    if (c.in_lexicon || c.variants.size() < 2) continue;
    const std::string* canonical = d.ChooseCanonical(c.variants, /*latin_only=*/true);
    if (canonical == nullptr) {
      ++cyrillic_only;
      continue;
    }
    // One Cyrillic form a language (the most frequent); the others are
    // named in the comment.
    std::map<std::string, std::string> cyrillic;
    std::vector<std::string> latin, other_cyrillic;
    std::string counts;
    for (const auto& [spelling, count] : c.variants) {
      counts += (counts.empty() ? "" : ", ") + spelling + " " + std::to_string(count);
      if (!internal::HasCyrillic(spelling)) {
        if (spelling != *canonical) latin.push_back(spelling);
      } else if (!cyrillic.emplace(LanguageOf(spelling), spelling).second) {
        other_cyrillic.push_back(spelling);
      }
    }
    entries += "\n# " + std::to_string(c.count) + " seen: " + counts + "\n";
    if (!other_cyrillic.empty()) {
      entries += "# not listed (one Cyrillic form a language):";
      for (const std::string& s : other_cyrillic) entries += " " + s;
      entries += "\n";
    }
    if (!c.typos.empty()) {
      entries += "# likely typos, not listed:";
      for (const auto& [spelling, count] : c.typos) {
        entries += " " + spelling + " " + std::to_string(count);
      }
      entries += "\n";
    }
    entries += "[[name]]\ncanonical = " + Quoted(*canonical) + "\n";
    if (!cyrillic.empty()) {
      entries += "cyrillic = {";
      bool first = true;
      for (const auto& [lang, form] : cyrillic) {
        entries += (first ? " " : ", ") + lang + " = " + Quoted(form);
        first = false;
      }
      entries += " }\n";
    }
    if (!latin.empty()) {
      entries += "variants = [";
      for (std::size_t i = 0; i < latin.size(); ++i) {
        entries += (i == 0 ? "" : ", ") + Quoted(latin[i]);
      }
      entries += "]\n";
    }
    ++written;
  }
  std::string out =
      "# Variant spellings that `normkit variants discover` found and no lexicon\n"
      "# lists, in the format of rules/variants/*.toml. Review it before\n"
      "# `normkit variants apply --lexicon FILE` uses it: delete an entry that\n"
      "# joins two different names, correct a canonical form; a given name\n"
      "# needs kind = \"given\" and a full_names list on its surname, or it is\n"
      "# rewritten alone. Canonical form: the most frequent Latin spelling, on a\n"
      "# tie the one English BGN/PCGN writes. Above each entry: how often each\n"
      "# spelling was seen.\n"
      "# " +
      std::to_string(written) + " names";
  if (cyrillic_only > 0) {
    out += "; " + std::to_string(cyrillic_only) +
           " clusters of Cyrillic spellings only left out (apply rewrites Latin text)";
  }
  out += ".\n";
  out += entries;
  return out;
}

}  // namespace normkit
