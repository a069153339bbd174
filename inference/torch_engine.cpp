// The LibTorch engine. It validates model folders and requests (with the loaded family's
// rules) and renders text-to-video and motion transfer with Wan2.1 and VideoCrafter2.
#include "inference/checkpoint_tools.h"
#include "inference/engine.h"
#include "inference/memory_readout.h"
#include "inference/request_rules.h"
#include "inference/vc2_tools.h"
#include "inference/wan/dit_weights.h"
#include "inference/wan_tools.h"
#include "kernels/qswap.h"

#include <ATen/Parallel.h>
#include <cstdlib>
#include <optional>
#include <thread>

#if defined(MBQ_TORCH_HAS_CUDA)
#include <ATen/cuda/CUDAContext.h>
#endif

namespace mbq {
namespace {

std::string cudaDeviceName()
{
#if defined(MBQ_TORCH_HAS_CUDA)
    if (at::hasCUDA())
        return at::cuda::getDeviceProperties(at::cuda::current_device())->name;
#endif
    return {};
}

std::string threadCount()
{
    const int n = at::get_num_threads();
    return std::to_string(n) + (n == 1 ? " thread" : " threads");
}

// Debian's OpenMP LibTorch starts with one intra-op thread on some machines; use every core
// unless the user chose a number through the usual environment variable.
void useAllCores()
{
    if (std::getenv("OMP_NUM_THREADS"))
        return;
    const unsigned cores = std::thread::hardware_concurrency();
    if (cores > 1 && at::get_num_threads() < int(cores))
        at::set_num_threads(int(cores));
}

class TorchEngine final : public Engine
{
public:
    TorchEngine() { useAllCores(); }

    Result<ModelInfo> loadModel(const std::string &folder) override
    {
        auto summary = summariseModelFolder(folder);
        if (!summary)
            return summary.error();
        if (!summary->missing.empty())
            return makeError(ErrorCode::NotFound,
                             folder + ": incomplete " + summary->family + " model folder: "
                                 + summary->missing.front(),
                             std::to_string(summary->missing.size()) + " problem(s)");
        ModelInfo info;
        info.folder = folder;
        info.family = summary->family;
        info.layout = summary->layout;
        for (const auto &component : summary->components)
            info.parameterCount += component.parameters;
        if (info.family == "wan2.1") {
            auto location = wan::locateWanDit(folder);
            if (!location)
                return location.error();
            wan::WanDitConfig config;
            if (!location->configPath.empty()) {
                auto parsed = wan::readWanDitConfig(location->configPath);
                if (!parsed)
                    return parsed.error();
                config = *parsed;
            }
            for (int64_t n = 0; n < config.numLayers; ++n)
                info.layers.push_back("block." + std::to_string(n));
        } else if (isVc2Family(info.family)) {
            auto layers = vc2LayerIds(folder);
            if (!layers)
                return layers.error();
            info.layers = std::move(*layers);
        }
        m_model = info;
        m_wan.reset();
        m_vc2.reset();
        if (info.family == "wan2.1") {
            m_wan = std::make_unique<WanSession>(folder);
        } else if (isVc2Family(info.family)) {
            m_vc2 = std::make_unique<Vc2Session>(folder);
        }
        if (auto applied = apply(m_settings); !applied)
            return applied.error();
        return info;
    }

    Result<void> configure(const EngineSettings &settings) override
    {
        if (auto valid = validateEngineSettings(settings); !valid)
            return valid;
        if (settings.device == "cuda" && cudaDeviceName().empty())
            return makeError(ErrorCode::InvalidArgument,
                             "no CUDA device is available on this machine; choose auto or cpu");
        if (auto applied = apply(settings); !applied)
            return applied;
        m_settings = settings;
        return {};
    }

    Result<RenderOutput> render(const RenderRequest &request, const JobHooks &hooks) override
    {
        if (!m_model)
            return makeError(ErrorCode::InvalidArgument,
                             "no model is loaded; choose a model folder first");
        if (auto valid = validateRequest(request, rulesFor(m_model->family)); !valid)
            return valid.error();
        resetMemoryPeak(cudaDeviceInUse());
        if (m_wan) {
            auto output = m_wan->render(request, request.latentPath, true, hooks);
            if (!output)
                return output.error();
            return std::move(output->render);
        }
        if (m_vc2) {
            Vc2GenerateOptions options;
            options.latentPath = request.latentPath;
            auto output = m_vc2->render(request, options, hooks);
            if (!output)
                return output.error();
            return std::move(output->render);
        }
        return makeError(ErrorCode::Unsupported,
                         "this build of mbq cannot render " + m_model->family
                             + " models yet: its native pipeline is not included",
                         m_model->folder);
    }

    std::string deviceName() const override
    {
        const std::string cuda = cudaDeviceName();
        if (!cuda.empty())
            return cuda;
        return "CPU (" + threadCount() + ")";
    }

    MemoryReadout memory() const override { return readMemory(cudaDeviceInUse()); }

private:
    // The CUDA device renders run on, or -1 for the CPU ("auto" takes CUDA when present).
    int cudaDeviceInUse() const
    {
        if (m_settings.device == "cpu" || cudaDeviceName().empty())
            return -1;
#if defined(MBQ_TORCH_HAS_CUDA)
        return at::cuda::current_device();
#else
        return -1;
#endif
    }

    // Hands the settings to the loaded model's session; the text encoder stays on the CPU
    // (the official --t5_cpu), so the GPU holds only the diffusion model and the VAE.
    Result<void> apply(const EngineSettings &settings)
    {
        const ComputeOptions compute{settings.device, settings.dtype};
        if (m_wan) {
            if (auto set = m_wan->setCompute(compute, {"cpu", "auto"}); !set)
                return set;
            m_wan->setCaches(settings);
        }
        if (m_vc2) {
            if (auto set = m_vc2->setCompute(compute); !set)
                return set;
            m_vc2->setCaches(settings);
        }
        return {};
    }

    std::optional<ModelInfo> m_model;
    EngineSettings m_settings;
    std::unique_ptr<WanSession> m_wan; // the loaded folder, kept between renders
    std::unique_ptr<Vc2Session> m_vc2;
};

} // namespace

std::unique_ptr<Engine> createTorchEngine()
{
    return std::make_unique<TorchEngine>();
}

} // namespace mbq
