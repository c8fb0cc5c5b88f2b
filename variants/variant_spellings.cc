#include "variant_spellings.h"

#include "core/rule_paths.h"
#include "core/string_table.h"

namespace normkit::internal {
namespace {

constexpr std::string_view kSchemes = "translit";

}  // namespace

std::vector<std::string> SpellingSchemes(const RuleFiles& rules, std::string_view lang) {
  std::vector<std::string> ids = {"cyrl/iso_9"};
  std::string folder(kSchemes);
  folder.append("/").append(lang);
  for (const std::string& path : RuleFilesIn(rules, folder)) {
    ids.emplace_back(RuleFileName(path, kSchemes));
  }
  return ids;
}

std::uint64_t SchemesFingerprint(const RuleFiles& rules) {
  std::string prefix(kSchemes);
  prefix += '/';
  std::uint64_t h = 0;
  for (const std::string& path : rules.List(prefix)) {
    const std::string* text = rules.Find(path);
    h = (h ^ HashString(path)) * 0x9E3779B97F4A7C15ull;
    h = (h ^ HashString(text != nullptr ? *text : std::string_view())) * 0x9E3779B97F4A7C15ull;
  }
  return h;
}

}  // namespace normkit::internal
