#include "report.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "core/utf8.h"

namespace normkit::tools {
namespace {

// Text as HTML: the markup characters escaped, ill-formed UTF-8 shown as
// U+FFFD (the page stays valid UTF-8), control characters as their escapes.
std::string Html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* const end = p + text.size();
  while (p < end) {
    char32_t c;
    const std::size_t n = internal::DecodeUtf8(p, end, &c);
    if (c == internal::kIllFormed) {
      out += "\xEF\xBF\xBD";
    } else if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (c == '&') {
      out += "&amp;";
    } else if (c == '"') {
      out += "&quot;";
    } else if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
      char escaped[16];
      std::snprintf(escaped, sizeof escaped, "\\u%04X", static_cast<unsigned>(c));
      out += escaped;
    } else {
      out.append(reinterpret_cast<const char*>(p), n);
    }
    p += n;
  }
  return out;
}

std::string Number(std::uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string Fixed(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

// An excerpt with its changed part marked.
std::string Marked(const std::string& text, std::size_t begin, std::size_t end) {
  return Html(std::string_view(text).substr(0, begin)) + "<mark>" +
         Html(std::string_view(text).substr(begin, end - begin)) + "</mark>" +
         Html(std::string_view(text).substr(end));
}

// A column chart: one or two series over the same labels, drawn to scale
// from zero, with the labels under the columns.
std::string ColumnChart(
    const std::string& title, const std::vector<std::string>& labels,
    const std::vector<std::pair<std::string, std::vector<std::uint64_t>>>& series) {
  constexpr int kHeight = 160, kTop = 24, kBottom = 48, kLeft = 8;
  // About 720 pixels of columns whatever their number, within 3 to 28 a
  // column.
  const int n = std::max<int>(1, static_cast<int>(labels.size() * series.size()));
  const int column = std::max(3, std::min(28, 720 / n));
  const int group = column * static_cast<int>(series.size()) + (column >= 8 ? 4 : 1);
  // Room on the right for the last label, slanted, and for the legend.
  const int width = std::max(320, kLeft * 2 + group * static_cast<int>(labels.size()) + 40);
  std::uint64_t top = 1;
  for (const auto& [name, values] : series) {
    for (std::uint64_t v : values) top = std::max(top, v);
  }
  static const char* const kColors[] = {"#3b6ea5", "#d08c2c"};
  const std::size_t label_step = std::max<std::size_t>(1, (labels.size() + 39) / 40);
  std::string svg = "<svg class=\"chart\" role=\"img\" width=\"" + std::to_string(width) +
                    "\" height=\"" + std::to_string(kTop + kHeight + kBottom) + "\"><title>" +
                    Html(title) + "</title>";
  for (std::size_t s = 0; s < series.size(); ++s) {
    svg += "<rect x=\"" + std::to_string(kLeft + 150 * static_cast<int>(s)) +
           "\" y=\"4\" width=\"10\" height=\"10\" fill=\"" + kColors[s % 2] + "\"/><text x=\"" +
           std::to_string(kLeft + 150 * static_cast<int>(s) + 14) + "\" y=\"13\">" +
           Html(series[s].first) + "</text>";
  }
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const int x0 = kLeft + group * static_cast<int>(i);
    for (std::size_t s = 0; s < series.size(); ++s) {
      const std::uint64_t v = series[s].second[i];
      const int h = static_cast<int>(static_cast<double>(v) * kHeight / static_cast<double>(top));
      svg += "<rect x=\"" + std::to_string(x0 + column * static_cast<int>(s)) + "\" y=\"" +
             std::to_string(kTop + kHeight - h) + "\" width=\"" + std::to_string(column - 1) +
             "\" height=\"" + std::to_string(h) + "\" fill=\"" + kColors[s % 2] + "\"><title>" +
             Html(labels[i]) + ": " + Number(v) + "</title></rect>";
    }
    // At most about forty labels: every step-th column is named (each
    // column's own title names it on hover).
    if (i % label_step != 0) continue;
    const int lx = x0 + group / 2, ly = kTop + kHeight + 8;
    svg += "<text class=\"label\" x=\"" + std::to_string(lx) + "\" y=\"" + std::to_string(ly) +
           "\" transform=\"rotate(60 " + std::to_string(lx) + " " + std::to_string(ly) + ")\">" +
           Html(labels[i]) + "</text>";
  }
  svg += "<line x1=\"" + std::to_string(kLeft) + "\" x2=\"" +
         std::to_string(kLeft + group * static_cast<int>(labels.size())) + "\" y1=\"" +
         std::to_string(kTop + kHeight) + "\" y2=\"" + std::to_string(kTop + kHeight) +
         "\" stroke=\"#555\"/></svg>";
  return svg;
}

// A bar chart: one horizontal bar a label, longest first as given, each
// bar made of its parts (a name's spellings), each part named on hover.
struct Bar {
  std::string label;
  std::vector<std::pair<std::string, std::uint64_t>> parts;
  std::uint64_t total() const {
    std::uint64_t n = 0;
    for (const auto& [part, v] : parts) n += v;
    return n;
  }
};

std::string BarChart(const std::string& title, const std::vector<Bar>& bars) {
  constexpr int kRow = 18, kLabel = 220, kWidth = 420;
  static const char* const kColors[] = {"#3b6ea5", "#7fa6cf"};
  std::uint64_t top = 1;
  for (const Bar& bar : bars) top = std::max(top, bar.total());
  std::string svg = "<svg class=\"chart\" role=\"img\" width=\"" +
                    std::to_string(kLabel + kWidth + 80) + "\" height=\"" +
                    std::to_string(kRow * std::max<int>(1, bars.size()) + 8) + "\"><title>" +
                    Html(title) + "</title>";
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const int y = 4 + kRow * static_cast<int>(i);
    svg += "<text x=\"" + std::to_string(kLabel - 6) + "\" y=\"" + std::to_string(y + 12) +
           "\" text-anchor=\"end\">" + Html(bars[i].label) + "</text>";
    std::uint64_t before = 0;
    int x = kLabel;
    for (std::size_t k = 0; k < bars[i].parts.size(); ++k) {
      const auto& [part, v] = bars[i].parts[k];
      before += v;
      const int end = kLabel + std::max(1, static_cast<int>(static_cast<double>(before) * kWidth /
                                                            static_cast<double>(top)));
      svg += "<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y + 2) + "\" width=\"" +
             std::to_string(std::max(1, end - x)) + "\" height=\"" + std::to_string(kRow - 4) +
             "\" fill=\"" + kColors[k % 2] + "\"><title>" + Html(part) + ": " + Number(v) +
             "</title></rect>";
      x = end;
    }
    svg += "<text x=\"" + std::to_string(x + 4) + "\" y=\"" + std::to_string(y + 12) + "\">" +
           Number(bars[i].total()) + "</text>";
  }
  return svg + "</svg>";
}

// A table of rows of cells (already HTML), the first row the header.
std::string Table(const std::vector<std::vector<std::string>>& rows) {
  std::string html = "<table>";
  for (std::size_t r = 0; r < rows.size(); ++r) {
    html += "<tr>";
    for (const std::string& cell : rows[r]) {
      html += r == 0 ? "<th>" + cell + "</th>" : "<td>" + cell + "</td>";
    }
    html += "</tr>";
  }
  return html + "</table>";
}

// A chart and its numbers side by side.
std::string Figure(const std::string& chart, const std::string& table) {
  return "<div class=\"figure\">" + chart + "<div class=\"numbers\">" + table + "</div></div>";
}

std::string LineList(const std::vector<std::uint64_t>& lines, std::uint64_t total) {
  if (lines.empty()) return "";
  std::string html = "<p class=\"lines\">Lines: ";
  for (std::size_t i = 0; i < lines.size(); ++i) html += (i ? ", " : "") + Number(lines[i]);
  if (total > lines.size()) html += " (the first " + std::to_string(lines.size()) + ")";
  return html + "</p>";
}

std::string LengthLabel(std::size_t bucket) {
  auto size = [](std::uint64_t bytes) {
    if (bytes >= (1u << 20)) return std::to_string(bytes >> 20) + " MB";
    if (bytes >= 1024) return std::to_string(bytes >> 10) + " KB";
    return std::to_string(bytes) + " B";
  };
  return bucket == 0 ? "< 2 B" : size(std::uint64_t{1} << bucket) + "+";
}

std::string RunSection(const RunReport& r) {
  const PipelineStats& s = *r.stats;
  std::string inputs;
  for (const std::string& in : r.inputs) inputs += (inputs.empty() ? "" : "<br>") + Html(in);
  std::string html = "<section id=\"run\"><h2>The run</h2>";
  html += Table({{"what", "value"},
                 {"inputs", inputs},
                 {"recipe", Html(r.recipe_name)},
                 {"documents", Number(s.documents)},
                 {"bytes in", Number(r.bytes_in)},
                 {"bytes out", Number(r.bytes_out)},
                 {"time", "<span class=\"varies\">" + Fixed(r.seconds, 3) + " s</span>"},
                 {"threads", "<span class=\"varies\">" + std::to_string(r.threads) + "</span>"},
                 {"records that were not JSON", Number(s.not_json)},
                 {"documents kept whole (every line looked like a header)", Number(s.kept_whole)}});
  if (s.audit && !s.audit->not_json_lines.empty()) {
    html += "<h3>Records that were not JSON</h3>" + LineList(s.audit->not_json_lines, s.not_json);
  }
  if (s.audit && !s.audit->kept_whole_lines.empty()) {
    html += "<h3>Documents kept whole</h3>" + LineList(s.audit->kept_whole_lines, s.kept_whole);
  }
  html += "<h3>Recipe</h3><details><summary>" + Html(r.recipe_name) + "</summary><pre>" +
          Html(r.recipe_text) + "</pre></details></section>";
  return html;
}

std::string StepsSection(const PipelineStats& s) {
  std::vector<std::vector<std::string>> rows = {{"step", "count", "what", "time"}};
  for (const StepStats& step : s.steps) {
    rows.push_back({Html(step.step), Number(step.count), Html(step.unit),
                    "<span class=\"varies\">" + Fixed(step.seconds, 3) + " s</span>"});
  }
  std::string html = "<section id=\"steps\"><h2>Steps</h2>" + Table(rows);
  if (!s.audit) return html + "</section>";
  rows = {{"step", "rule", "documents", "count", "samples"}};
  for (const auto& [key, rule] : s.audit->rules) {
    rows.push_back({Html(key.first), Html(key.second), Number(rule.documents), Number(rule.count),
                    std::to_string(rule.samples.size())});
  }
  return html + "<h3>By rule</h3>" + Table(rows) + "</section>";
}

std::string SamplesSection(const PipelineAudit& a) {
  std::string html =
      "<section id=\"samples\"><h2>Sample changes</h2><p>The first changes of each rule in "
      "input order, one a document: the text before the step above, after it below, the "
      "changed part marked.</p>";
  for (const auto& [key, rule] : a.rules) {
    if (rule.samples.empty()) continue;
    html += "<div class=\"rule\"><h4>" + Html(key.first) + ": " + Html(key.second) + "</h4>";
    for (const AuditSample& sample : rule.samples) {
      html += "<div class=\"sample\"><div class=\"where\">line " + Number(sample.line) +
              "</div><div class=\"before\">" +
              Marked(sample.before, sample.before_changed_begin, sample.before_changed_end) +
              "</div><div class=\"after\">" +
              Marked(sample.after, sample.after_changed_begin, sample.after_changed_end) +
              "</div></div>";
    }
    html += "</div>";
  }
  return html + "</section>";
}

std::string DatesSection(const PipelineAudit& a) {
  std::string html = "<section id=\"dates\"><h2>Dates found</h2>";
  if (a.date_years.empty()) return html + "<p>No dates with a year.</p></section>";
  std::vector<std::string> labels;
  std::vector<std::uint64_t> counts;
  std::vector<std::vector<std::string>> rows = {{"year", "dates"}};
  for (const auto& [year, n] : a.date_years) {
    labels.push_back(std::to_string(year));
    counts.push_back(n);
    rows.push_back({std::to_string(year), Number(n)});
  }
  html += "<h3>By year</h3>" +
          Figure(ColumnChart("Dates by year", labels, {{"dates", counts}}), Table(rows));
  // Months of the last two years: the last year that holds at least a
  // fifth as many dates as the busiest one, and the year before (news
  // mention years ahead, "by 2028", but not as often as their own).
  std::uint64_t busiest = 0;
  for (const auto& [year, n] : a.date_years) busiest = std::max(busiest, n);
  int last = a.date_years.begin()->first;
  for (const auto& [year, n] : a.date_years) {
    if (n * 5 >= busiest) last = year;
  }
  labels.clear();
  counts.clear();
  rows = {{"month", "dates"}};
  for (const auto& [month, n] : a.date_months) {
    const int year = std::atoi(month.c_str());
    if (year < last - 1 || year > last) continue;
    labels.push_back(month);
    counts.push_back(n);
    rows.push_back({month, Number(n)});
  }
  if (!labels.empty()) {
    html += "<h3>By month, " + std::to_string(last - 1) + " and " + std::to_string(last) + "</h3>" +
            Figure(ColumnChart("Dates by month", labels, {{"dates", counts}}), Table(rows));
  }
  return html + "</section>";
}

std::string LengthsSection(const PipelineAudit& a) {
  std::size_t first = PipelineAudit::kLengthBuckets, last = 0;
  for (std::size_t i = 0; i < PipelineAudit::kLengthBuckets; ++i) {
    if (a.length_before[i] + a.length_after[i] == 0) continue;
    first = std::min(first, i);
    last = i;
  }
  std::string html = "<section id=\"lengths\"><h2>Document length</h2>";
  if (first > last) return html + "<p>No documents.</p></section>";
  std::vector<std::string> labels;
  std::vector<std::uint64_t> before, after;
  std::vector<std::vector<std::string>> rows = {{"length", "before", "after"}};
  for (std::size_t i = first; i <= last; ++i) {
    labels.push_back(LengthLabel(i));
    before.push_back(a.length_before[i]);
    after.push_back(a.length_after[i]);
    rows.push_back({LengthLabel(i), Number(a.length_before[i]), Number(a.length_after[i])});
  }
  return html + "<p>Documents by length in bytes, before the recipe and after it.</p>" +
         Figure(ColumnChart("Document length", labels, {{"before", before}, {"after", after}}),
                Table(rows)) +
         "</section>";
}

std::string NamesSection(const PipelineAudit& a) {
  constexpr std::size_t kTop = 20;
  std::string html = "<section id=\"names\"><h2>Rewritten names</h2>";
  if (a.rewrites.empty()) return html + "<p>No names were rewritten.</p></section>";
  std::vector<Bar> bars;
  for (const auto& [canonical, spellings] : a.rewrites) {
    Bar bar{canonical, {spellings.begin(), spellings.end()}};
    std::stable_sort(bar.parts.begin(), bar.parts.end(),
                     [](const auto& x, const auto& y) { return x.second > y.second; });
    bars.push_back(std::move(bar));
  }
  std::stable_sort(bars.begin(), bars.end(),
                   [](const Bar& x, const Bar& y) { return x.total() > y.total(); });
  if (bars.size() > kTop) bars.resize(kTop);
  std::vector<std::vector<std::string>> rows = {{"name", "rewrites", "spellings replaced"}};
  for (const Bar& bar : bars) {
    std::string spellings;
    for (const auto& [spelling, count] : bar.parts) {
      spellings += (spellings.empty() ? "" : ", ") + Html(spelling) + " (" + Number(count) + ")";
    }
    rows.push_back({Html(bar.label), Number(bar.total()), spellings});
  }
  return html + "<p>The " + std::to_string(bars.size()) +
         " names rewritten most often; each bar is made of the spellings they replaced, the "
         "most frequent first.</p>" +
         Figure(BarChart("Rewritten names", bars), Table(rows)) + "</section>";
}

constexpr const char* kStyle = R"(
body { font: 14px/1.45 system-ui, sans-serif; margin: 24px auto; max-width: 1200px; color: #222; padding: 0 16px; }
h1 { font-size: 22px; } h2 { font-size: 18px; border-bottom: 1px solid #ccc; margin-top: 32px; }
table { border-collapse: collapse; margin: 8px 0; } td, th { border: 1px solid #ddd; padding: 2px 8px; text-align: left; vertical-align: top; }
th { background: #f3f3f3; } pre { background: #f7f7f7; padding: 8px; overflow-x: auto; }
.figure { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
.numbers { max-height: 420px; overflow-y: auto; }
svg.chart { font-size: 11px; background: #fcfcfc; border: 1px solid #eee; }
.sample { border-left: 3px solid #3b6ea5; margin: 8px 0; padding: 2px 8px; font-family: ui-monospace, monospace; font-size: 12px; white-space: pre-wrap; word-break: break-word; }
.before { background: #fff3f3; } .after { background: #f1fbf1; } .where { color: #777; }
mark { background: #ffd75e; } .lines { font-size: 12px; color: #444; }
)";

}  // namespace

std::string RenderReport(const RunReport& r) {
  const PipelineStats& s = *r.stats;
  std::string html =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>normkit run: " +
      Html(r.recipe_name) + "</title><style>" + kStyle + "</style></head><body>";
  html += "<h1>normkit run: recipe " + Html(r.recipe_name) + ", " + Number(s.documents) +
          " documents</h1>";
  html += RunSection(r);
  html += StepsSection(s);
  if (s.audit) {
    html += DatesSection(*s.audit);
    html += LengthsSection(*s.audit);
    html += NamesSection(*s.audit);
    html += SamplesSection(*s.audit);
  }
  return html + "</body></html>\n";
}

}  // namespace normkit::tools
