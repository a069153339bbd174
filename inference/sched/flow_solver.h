#pragma once
// Solvers that walk a FlowSchedule with a flow-matching model's velocity predictions
// (x_t = (1 − σ)·x0 + σ·noise, v = noise − x0). One instance per sampling run: step() is called
// once per schedule entry, in order, with the velocity predicted at the current sample.

#include "inference/engine.h"
#include "inference/result.h"
#include "inference/sched/flow_schedule.h"
#include "inference/sched/sampler_state.h"

#include <ATen/ATen.h>

#include <memory>

namespace mbq::sched {


class FlowSolver
{
public:
    explicit FlowSolver(FlowSchedule schedule) : m_schedule(std::move(schedule)) {}
    virtual ~FlowSolver() = default;

    const FlowSchedule &schedule() const { return m_schedule; }
    // Index of the next step() call; schedule().steps() when finished.
    int stepIndex() const { return m_stepIndex; }
    bool finished() const { return m_stepIndex >= m_schedule.steps(); }

    // Returns the sample at the next noise level. velocity and sample have the same shape;
    // sample should be float32 (the official solvers work in float32).
    virtual at::Tensor step(const at::Tensor &velocity, const at::Tensor &sample) = 0;

    virtual SamplerState state() const { return {m_stepIndex, {}, {}}; }
    // Continues from a state() taken from a solver of the same kind and schedule, with its
    // tensors on this run's device.
    virtual void restore(const SamplerState &state) { m_stepIndex = state.stepIndex; }

protected:
    FlowSchedule m_schedule;
    int m_stepIndex = 0;
};

// Plain Euler: x_{i+1} = x_i + (σ_{i+1} − σ_i)·v_i.
class FlowEulerSolver final : public FlowSolver
{
public:
    using FlowSolver::FlowSolver;
    at::Tensor step(const at::Tensor &velocity, const at::Tensor &sample) override;
};

struct UniPCOptions
{
    int order = 2;              // 1 or 2; Wan's default is 2 (bh2, x0-prediction)
    bool lowerOrderFinal = true; // order 1 on the last step, as the official default
    bool corrector = true;      // UniC after every step but the first
};

// Wan's FlowUniPCMultistepScheduler (bh2, predict_x0, final σ = 0): predictor UniP of the
// given order with warm-up, and the UniC corrector applied to each new sample once its
// velocity is known. With order 1 and no corrector it is the Euler step.
class FlowUniPCSolver final : public FlowSolver
{
public:
    FlowUniPCSolver(FlowSchedule schedule, const UniPCOptions &options);
    at::Tensor step(const at::Tensor &velocity, const at::Tensor &sample) override;
    SamplerState state() const override;
    void restore(const SamplerState &state) override;

private:
    at::Tensor predict(const at::Tensor &sample, int order) const;
    at::Tensor correct(const at::Tensor &x0, const at::Tensor &sample, int order) const;

    UniPCOptions m_options;
    at::Tensor m_x0[2];  // x0 predictions of the previous two steps, [1] the newest
    at::Tensor m_lastSample; // the sample the last predictor started from
    int m_lowerOrderSteps = 0;
    int m_lastOrder = 1;
};

// The solver for a sampler name: UniPC (order 2, the official default) or Euler; DDIM is not a
// flow solver and gives InvalidArgument.
Result<std::unique_ptr<FlowSolver>> makeFlowSolver(Sampler sampler, FlowSchedule schedule);

} // namespace mbq::sched
