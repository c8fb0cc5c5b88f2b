#include "normkit/rule_files.h"

#include "core/embedded_files.h"

namespace normkit {

RuleFiles RuleFiles::Embedded() {
  RuleFiles files;
  for (std::size_t i = 0; i < internal::kEmbeddedRulesCount; ++i) {
    const internal::EmbeddedFile& f = internal::kEmbeddedRules[i];
    files.Add(std::string(f.path), std::string(f.content));
  }
  return files;
}

void RuleFiles::Add(std::string path, std::string content, std::string origin) {
  if (origin.empty()) origin = "rules/" + path;
  files_.insert_or_assign(std::move(path), File{std::move(content), std::move(origin)});
}

const std::string* RuleFiles::Find(std::string_view path) const {
  auto it = files_.find(path);
  return it == files_.end() ? nullptr : &it->second.content;
}

std::string RuleFiles::Origin(std::string_view path) const {
  auto it = files_.find(path);
  return it == files_.end() ? "rules/" + std::string(path) : it->second.origin;
}

std::vector<std::string> RuleFiles::List(std::string_view prefix) const {
  std::vector<std::string> paths;
  for (auto it = files_.lower_bound(prefix); it != files_.end() && it->first.starts_with(prefix);
       ++it) {
    paths.push_back(it->first);
  }
  return paths;
}

}  // namespace normkit
