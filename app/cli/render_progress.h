#pragma once
// What a rendering subcommand shows and hears while the engine works: a progress bar on stderr
// and Ctrl-C, which asks the engine to stop after its current step instead of killing the
// process, so that finished work can still be saved.

#include "inference/engine.h"

#include <atomic>

namespace mbq::cli {

// Announces each stage once and draws the denoising steps as a bar.
void printProgress(const Progress &progress);

// While one of these lives, the first Ctrl-C sets cancelFlag() instead of ending the process
// (a second one ends it).
class InterruptGuard
{
public:
    InterruptGuard();
    ~InterruptGuard();
    InterruptGuard(const InterruptGuard &) = delete;
    InterruptGuard &operator=(const InterruptGuard &) = delete;

    // For JobHooks::cancel; set once Ctrl-C was pressed.
    static const std::atomic<bool> *cancelFlag();
    static bool interrupted() { return cancelFlag()->load(); }
};

} // namespace mbq::cli
