#include "app/cli/render_progress.h"

#include <csignal>
#include <cstdio>
#include <string>

namespace mbq::cli {
namespace {

std::atomic<bool> g_cancel {false};

extern "C" void onInterrupt(int)
{
    g_cancel.store(true);
    // A second Ctrl-C ends the process at once, for when stopping cleanly takes too long.
    std::signal(SIGINT, SIG_DFL);
}

} // namespace

void printProgress(const Progress &progress)
{
    if (progress.stage != Stage::Denoise || progress.total <= 0) {
        if (progress.step == 0) // announce a stage once, when it starts
            std::fprintf(stderr, "%s...\n", stageName(progress.stage));
        return;
    }
    constexpr int kWidth = 40;
    const int filled = progress.step * kWidth / progress.total;
    std::fprintf(stderr, "\r[%s%s] step %d/%d", std::string(size_t(filled), '#').c_str(),
                 std::string(size_t(kWidth - filled), '.').c_str(), progress.step, progress.total);
    if (progress.step == progress.total)
        std::fputc('\n', stderr);
    std::fflush(stderr);
}

InterruptGuard::InterruptGuard()
{
    std::signal(SIGINT, onInterrupt);
}

InterruptGuard::~InterruptGuard()
{
    std::signal(SIGINT, SIG_DFL);
}

const std::atomic<bool> *InterruptGuard::cancelFlag()
{
    return &g_cancel;
}

} // namespace mbq::cli
