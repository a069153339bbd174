#pragma once
// The fake engine and small requests the UI tests of rendering share: the fake engine is
// right for testing the queue's threading and what the studio shows of it, and only for that.

#include "core/render/render_queue.h"
#include "inference/engine.h"

#include <memory>
#include <string>

namespace mbq::test {

// A fake engine that takes 1 ms a step: for tests that need renders to finish, not to last.
inline std::unique_ptr<Engine> fastFake()
{
    FakeEngineOptions options;
    options.stepDelayMs = 1;
    return createFakeEngine(options);
}

// Fake engines that take `stepDelayMs` a step and, with `failWith`, fail with that message.
inline EngineFactory fakeFactory(int stepDelayMs, const std::string &failWith = {})
{
    FakeEngineOptions options;
    options.stepDelayMs = stepDelayMs;
    options.failWith = failWith;
    return [options] { return createFakeEngine(options); };
}

// A text-to-video request small enough to render at once.
inline RenderRequest smallRequest(int steps)
{
    RenderRequest request;
    request.prompt = "a fox";
    request.settings.width = 64;
    request.settings.height = 32;
    request.settings.frames = 5;
    request.settings.steps = steps;
    return request;
}

inline JobState stateOf(const RenderQueue &queue, quint64 id)
{
    return queue.job(id).value().state;
}

} // namespace mbq::test
