#include "progress.h"

#include <unistd.h>

#include <cstdio>
#include <iostream>

namespace normkit::tools {
namespace {

std::string Megabytes(double bytes) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f MB", bytes / 1e6);
  return buffer;
}

}  // namespace

Progress::Progress(std::string command, bool quiet)
    : command_(std::move(command)), enabled_(!quiet && ::isatty(2)) {}

double Progress::Elapsed() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
}

void Progress::Opened(const std::vector<std::unique_ptr<Input>>& inputs) {
  for (const auto& input : inputs) total_size_ += input->size();
}

void Progress::Update(const Input& input, std::uint64_t documents) {
  if (&input != reading_) {
    if (reading_ != nullptr) consumed_before_ += reading_->consumed();
    reading_ = &input;
  }
  if (!enabled_ || Elapsed() - shown_at_ < 0.25) return;
  shown_at_ = Elapsed();
  const std::uint64_t consumed = consumed_before_ + input.consumed();
  std::string line = "\rnormkit " + command_ + ": " + Megabytes(static_cast<double>(consumed));
  if (total_size_ > 0) line += " of " + Megabytes(static_cast<double>(total_size_));
  line += ", " + std::to_string(static_cast<long>(documents / shown_at_)) + " documents/s";
  if (total_size_ > consumed && consumed > 0) {
    const long left = static_cast<long>((total_size_ - consumed) * shown_at_ / consumed);
    char eta[32];
    std::snprintf(eta, sizeof eta, ", %ld:%02ld left", left / 60, left % 60);
    line += eta;
  }
  std::cerr << line << "    " << std::flush;
}

void Progress::Finish() {
  if (enabled_) std::cerr << "\r" << std::string(79, ' ') << "\r";
}

}  // namespace normkit::tools
