// The audit behind `normkit run --report`: samples that are the text before
// and after with exactly the changed part marked, counts that agree with
// the steps' own, line numbers of real records, and the same audit whether
// a corpus is processed at once or in chunks added in input order.
#include "normkit/pipeline_audit.h"

#include <gtest/gtest.h>

#include <random>
#include <sstream>

#include "corpus.h"
#include "normkit/pipeline.h"

namespace normkit {
namespace {

bool IsValidUtf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const std::size_t n = b < 0x80   ? 1
                          : b < 0xC2 ? 0
                          : b < 0xE0 ? 2
                          : b < 0xF0 ? 3
                          : b < 0xF5 ? 4
                                     : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

// What every sample must be: excerpts of `before` and `after` at the same
// place, equal outside their marked parts, whole characters.
void ExpectSampleOf(std::string_view before, std::string_view after, const AuditSample& s) {
  ASSERT_LE(s.before_changed_begin, s.before_changed_end);
  ASSERT_LE(s.before_changed_end, s.before.size());
  ASSERT_LE(s.after_changed_end, s.after.size());
  EXPECT_NE(before.find(s.before), std::string_view::npos);
  EXPECT_NE(after.find(s.after), std::string_view::npos);
  EXPECT_EQ(s.before_changed_begin, s.after_changed_begin);
  EXPECT_EQ(s.before.substr(0, s.before_changed_begin), s.after.substr(0, s.after_changed_begin));
  EXPECT_EQ(s.before.substr(s.before_changed_end), s.after.substr(s.after_changed_end));
  EXPECT_NE(s.before.substr(s.before_changed_begin, s.before_changed_end - s.before_changed_begin),
            s.after.substr(s.after_changed_begin, s.after_changed_end - s.after_changed_begin));
  // Whole characters: cut where the text is well-formed (the demo article
  // holds ill-formed bytes on purpose).
  if (IsValidUtf8(before) && IsValidUtf8(after)) {
    EXPECT_TRUE(IsValidUtf8(s.before)) << s.before;
    EXPECT_TRUE(IsValidUtf8(s.after)) << s.after;
  }
}

TEST(AuditSample, MarksExactlyTheChange) {
  const AuditSample s = MakeAuditSample("Токаев  встретился", "Токаев встретился", 7);
  EXPECT_EQ(s.line, 7u);
  ExpectSampleOf("Токаев  встретился", "Токаев встретился", s);
  EXPECT_EQ(s.before.substr(s.before_changed_begin, s.before_changed_end - s.before_changed_begin),
            " ");
  // A change inside a two-byte letter marks the whole letter (е -> ё share
  // their first byte).
  const AuditSample letter = MakeAuditSample("все", "всё", 0);
  EXPECT_EQ(letter.before.substr(letter.before_changed_begin), "е");
  EXPECT_EQ(letter.after.substr(letter.after_changed_begin), "ё");
  // The context stays on the changed line.
  const AuditSample line =
      MakeAuditSample("первая\nвто\u00a0рая\nтретья", "первая\nвто рая\nтретья", 0);
  EXPECT_EQ(line.before, "вто\u00a0рая");
}

TEST(AuditSample, RandomEditsOfRealText) {
  // The demo article, and the same with its ill-formed bytes repaired.
  std::string text = testing::DemoArticle();
  for (std::size_t i = 0; i < text.size();) {
    std::size_t n = 1;
    while (n <= 4 && !IsValidUtf8(std::string_view(text).substr(i, n))) ++n;
    if (n > 4) {
      text[i] = '?';
      n = 1;
    }
    i += n;
  }
  ASSERT_TRUE(IsValidUtf8(text));
  std::mt19937 random(5);
  const std::vector<std::string> pieces = {"", " ", "ё", "Tokayev", "\u00a0", "—", "\n", "й"};
  for (int round = 0; round < 2000; ++round) {
    std::string edited = text;
    // One to three edits somewhere: a piece replaces a run of characters.
    for (int e = 0, edits = 1 + random() % 3; e < edits; ++e) {
      std::size_t at = random() % edited.size();
      while (at > 0 && (static_cast<unsigned char>(edited[at]) & 0xC0) == 0x80) --at;
      std::size_t end = at + random() % 6;
      while (end < edited.size() && (static_cast<unsigned char>(edited[end]) & 0xC0) == 0x80) ++end;
      edited.replace(at, std::min(end, edited.size()) - at, pieces[random() % pieces.size()]);
    }
    if (edited == text) continue;
    ExpectSampleOf(text, edited, MakeAuditSample(text, edited, 1, random() % 100));
  }
}

// The audit as text, to compare two of them whole.
std::string Describe(const PipelineAudit& a) {
  std::ostringstream out;
  for (const auto& [key, rule] : a.rules) {
    out << key.first << "/" << key.second << " " << rule.documents << " " << rule.count << "\n";
    for (const AuditSample& s : rule.samples)
      out << "  " << s.line << " " << s.before << " -> " << s.after << "\n";
  }
  for (const auto& [year, n] : a.date_years) out << year << ":" << n << " ";
  for (const auto& [month, n] : a.date_months) out << month << ":" << n << " ";
  for (std::size_t i = 0; i < PipelineAudit::kLengthBuckets; ++i) {
    out << a.length_before[i] << "/" << a.length_after[i] << " ";
  }
  for (const auto& [to, from] : a.rewrites) {
    for (const auto& [spelling, n] : from) out << spelling << "->" << to << ":" << n << " ";
  }
  for (auto l : a.not_json_lines) out << "nj" << l << " ";
  for (auto l : a.kept_whole_lines) out << "kw" << l << " ";
  return out.str();
}

std::string Record(std::string_view text) {
  std::string json = "{\"text\": ";
  AppendJsonString(text, &json);
  return json + "}\n";
}

TEST(PipelineAudit, CountsAgreeWithTheStepsAndNameTheRecordLines) {
  auto pipeline = Pipeline::Create("news");
  ASSERT_TRUE(pipeline.ok());
  // Line 1 a record, 2 blank, 3 not JSON, 4 and 5 records.
  const std::string lines = Record(testing::DemoArticle()) + "\n" + "not json\n" +
                            Record("Nothing to do here.") +
                            Record("Tokaev  met Nazarbaev on 20 June 2022 and in May 2021.");
  PipelineStats stats = pipeline->stats_template();
  stats.audit.emplace();
  std::string out;
  ASSERT_TRUE(pipeline->ProcessJsonLines(lines, {}, &out, &stats).ok());
  const PipelineAudit& a = *stats.audit;
  EXPECT_EQ(a.not_json_lines, std::vector<std::uint64_t>{3});
  std::uint64_t lengths = 0;
  for (std::uint64_t n : a.length_before) lengths += n;
  EXPECT_EQ(lengths, 3u);  // the three records with a text
  for (const StepStats& step : stats.steps) {
    if (step.step != "clean" && step.step != "dates" && step.step != "variants") continue;
    std::uint64_t sum = 0;
    for (const auto& [key, rule] : a.rules) {
      if (key.first == step.step) sum += rule.count;
    }
    // The title is rewritten too but is no part of the text's audit.
    if (step.step == "variants")
      EXPECT_LE(sum, step.count);
    else
      EXPECT_EQ(sum, step.count) << step.step;
  }
  ASSERT_TRUE(a.rules.count({"normalize", "whitespace"}));
  EXPECT_EQ(a.rules.at({"normalize", "whitespace"}).samples.back().line, 5u);
  EXPECT_EQ(a.date_years.at(2022), a.date_months.at("2022-06"));
  EXPECT_TRUE(a.rewrites.count("Tokayev") && a.rewrites.at("Tokayev").count("Tokaev"));
  for (const auto& [key, rule] : a.rules) {
    for (const AuditSample& s : rule.samples) {
      EXPECT_TRUE(s.line == 1 || s.line == 4 || s.line == 5) << key.first << " " << s.line;
    }
  }
}

TEST(PipelineAudit, NothingIsCollectedUnlessAsked) {
  auto pipeline = Pipeline::Create("news");
  ASSERT_TRUE(pipeline.ok());
  PipelineStats stats = pipeline->stats_template();
  pipeline->Process(testing::DemoArticle(), &stats);
  EXPECT_FALSE(stats.audit.has_value());
}

// A corpus at once and in chunks of a few hundred records, their audits
// shifted to the chunks' first lines and added in order: the same audit,
// as `normkit run` gives on any number of threads.
TEST(PipelineAudit, ChunksAddedInOrderGiveTheAuditOfTheWhole) {
  std::optional<std::string> corpus =
      testing::ReadFile(testing::SharedDir() + "/corpora/ru-news.jsonl.zst");
  if (!corpus) GTEST_SKIP() << testing::MissingSharedMessage("ru-news.jsonl.zst");
  // The first 3,000 records.
  std::size_t cut = 0;
  for (int i = 0; i < 3000 && cut != std::string::npos; ++i) cut = corpus->find('\n', cut + 1);
  const std::string_view lines = std::string_view(*corpus).substr(0, cut + 1);
  auto pipeline = Pipeline::Create("news");
  ASSERT_TRUE(pipeline.ok());
  PipelineStats whole = pipeline->stats_template();
  whole.audit.emplace();
  std::string out;
  ASSERT_TRUE(pipeline->ProcessJsonLines(lines, {}, &out, &whole).ok());

  PipelineStats added = pipeline->stats_template();
  added.audit.emplace();
  std::uint64_t first_line = 1;
  for (std::string_view rest = lines; !rest.empty();) {
    std::size_t end = 0;
    for (int i = 0; i < 257 && end < rest.size(); ++i) end = rest.find('\n', end) + 1;
    PipelineStats chunk = pipeline->stats_template();
    chunk.audit.emplace();
    out.clear();
    ASSERT_TRUE(pipeline->ProcessJsonLines(rest.substr(0, end), {}, &out, &chunk).ok());
    chunk.audit->ShiftLines(first_line - 1);
    added.Add(chunk);
    first_line += 257;
    rest.remove_prefix(end);
  }
  EXPECT_EQ(Describe(*added.audit), Describe(*whole.audit));
  EXPECT_FALSE(whole.audit->rules.empty());
  for (const auto& [key, rule] : whole.audit->rules) {
    EXPECT_LE(rule.samples.size(), PipelineAudit::kMaxSamples);
    EXPECT_LE(rule.documents, whole.documents);
  }
}

}  // namespace
}  // namespace normkit
