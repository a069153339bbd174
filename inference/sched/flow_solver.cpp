#include "inference/sched/flow_solver.h"

#include <algorithm>
#include <cmath>

namespace mbq::sched {

namespace {

// The official solver computes every coefficient from float32 sigmas with float32 tensor
// arithmetic, so these helpers stay in float on purpose.
float logSnr(float sigma)
{
    const float alpha = 1.0f - sigma;
    return std::log(alpha) - std::log(sigma);
}

struct StepCoefficients
{
    float sigmaRatio = 0; // σ_t / σ_s
    float alphaPhi = 0;   // α_t·(e^{−h} − 1); for bh2 B(h) equals the same φ
    float h = 0;          // λ_t − λ_s
};

StepCoefficients coefficients(float sigmaS, float sigmaT)
{
    StepCoefficients c;
    const float h = logSnr(sigmaT) - logSnr(sigmaS);
    c.h = h;
    c.sigmaRatio = sigmaT / sigmaS;
    c.alphaPhi = (1.0f - sigmaT) * std::expm1(-h);
    return c;
}

} // namespace

at::Tensor FlowEulerSolver::step(const at::Tensor &velocity, const at::Tensor &sample)
{
    const int i = m_stepIndex++;
    const float dt = m_schedule.sigmas[size_t(i) + 1] - m_schedule.sigmas[size_t(i)];
    return sample + dt * velocity;
}

FlowUniPCSolver::FlowUniPCSolver(FlowSchedule schedule, const UniPCOptions &options)
    : FlowSolver(std::move(schedule))
    , m_options(options)
{
    m_options.order = std::clamp(m_options.order, 1, 2);
}

at::Tensor FlowUniPCSolver::step(const at::Tensor &velocity, const at::Tensor &sample)
{
    const int i = m_stepIndex;
    const float sigma = m_schedule.sigmas[size_t(i)];
    // The model predicts velocity; UniPC works on the x0 prediction.
    const at::Tensor x0 = sample - sigma * velocity;

    at::Tensor current = sample;
    if (m_options.corrector && i > 0 && m_lastSample.defined())
        current = correct(x0, sample, m_lastOrder);

    m_x0[0] = m_x0[1];
    m_x0[1] = x0;

    int order = m_options.order;
    if (m_options.lowerOrderFinal)
        order = std::min(order, m_schedule.steps() - i);
    order = std::min(order, m_lowerOrderSteps + 1); // warm-up: no history yet
    m_lastOrder = order;
    m_lastSample = current;

    at::Tensor next = predict(current, order);
    m_lowerOrderSteps = std::min(m_lowerOrderSteps + 1, m_options.order);
    ++m_stepIndex;
    return next;
}

SamplerState FlowUniPCSolver::state() const
{
    return {m_stepIndex, {m_lowerOrderSteps, m_lastOrder}, {m_x0[0], m_x0[1], m_lastSample}};
}

void FlowUniPCSolver::restore(const SamplerState &state)
{
    m_stepIndex = state.stepIndex;
    m_lowerOrderSteps = state.counters.at(0);
    m_lastOrder = state.counters.at(1);
    m_x0[0] = state.tensors.at(0);
    m_x0[1] = state.tensors.at(1);
    m_lastSample = state.tensors.at(2);
}

// UniP-bh2 from σ_i to σ_{i+1}; m_x0[1] is the newest x0 prediction, m_x0[0] the one before.
at::Tensor FlowUniPCSolver::predict(const at::Tensor &sample, int order) const
{
    const size_t i = size_t(m_stepIndex);
    const float sigmaS = m_schedule.sigmas[i];
    const float sigmaT = m_schedule.sigmas[i + 1];
    // At σ = 0 the update's limit is the x0 prediction itself (log σ is −inf there).
    if (sigmaT == 0.0f)
        return m_x0[1].clone();

    const StepCoefficients c = coefficients(sigmaS, sigmaT);
    at::Tensor base = c.sigmaRatio * sample - c.alphaPhi * m_x0[1];
    if (order < 2)
        return base;
    const float r = (logSnr(m_schedule.sigmas[i - 1]) - logSnr(sigmaS)) / c.h;
    const at::Tensor d1 = (m_x0[0] - m_x0[1]) / r;
    // For order 2 the official predictor uses ρ = 0.5 rather than solving for it.
    return base - c.alphaPhi * (0.5f * d1);
}

// UniC-bh2: refines the sample at σ_i using the velocity just predicted there. m_x0[1] still
// holds the previous step's x0, m_x0[0] the one before it.
at::Tensor FlowUniPCSolver::correct(const at::Tensor &x0, const at::Tensor &sample,
                                    int order) const
{
    const size_t i = size_t(m_stepIndex);
    const float sigmaS = m_schedule.sigmas[i - 1];
    const float sigmaT = m_schedule.sigmas[i];
    const StepCoefficients c = coefficients(sigmaS, sigmaT);
    const at::Tensor &m0 = m_x0[1];
    const at::Tensor base = c.sigmaRatio * m_lastSample - c.alphaPhi * m0;
    const at::Tensor dt = x0 - m0;
    if (order < 2)
        return base - c.alphaPhi * (0.5f * dt);

    const float r = (logSnr(m_schedule.sigmas[i - 2]) - logSnr(sigmaS)) / c.h;
    const at::Tensor d1 = (m_x0[0] - m0) / r;
    // ρ solves [[1, 1], [r, 1]]·ρ = b with b_k = k!·φ_k(h)/B(h), the bh2 coefficients of
    // UniC-2. The official code solves it with torch.linalg.solve in float32; we solve the
    // 2×2 system in closed form in double and round once.
    const float hh = -c.h;
    const float phi1 = std::expm1(hh);
    float phiK = phi1 / hh - 1.0f;
    const float b1 = phiK * 1.0f / phi1;
    phiK = phiK / hh - 0.5f;
    const float b2 = phiK * 2.0f / phi1;
    const double rho0 = (double(b1) - double(b2)) / (1.0 - double(r));
    const float rhoLast = float(double(b1) - rho0);
    return base - c.alphaPhi * (float(rho0) * d1 + rhoLast * dt);
}

Result<std::unique_ptr<FlowSolver>> makeFlowSolver(Sampler sampler, FlowSchedule schedule)
{
    switch (sampler) {
    case Sampler::UniPC:
        return std::unique_ptr<FlowSolver>(
            std::make_unique<FlowUniPCSolver>(std::move(schedule), UniPCOptions{}));
    case Sampler::Euler:
        return std::unique_ptr<FlowSolver>(
            std::make_unique<FlowEulerSolver>(std::move(schedule)));
    case Sampler::DDIM:
        break;
    }
    return makeError(ErrorCode::InvalidArgument,
                     std::string("sampler ") + samplerName(sampler)
                         + " is not a flow-matching sampler; use unipc or euler");
}

} // namespace mbq::sched
