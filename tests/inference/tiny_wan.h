#pragma once
// What the Wan pipeline tests share: the tiny random Wan2.1 model (written to a temporary
// folder, its DiT and VAE loaded on the CPU in float32) with the pipelines run on it, and the
// source clip they transfer motion from.

#include "inference/engine.h"
#include "inference/pipelines/wan_components.h"
#include "inference/pipelines/wan_t2v.h"
#include "inference/pipelines/wan_transfer.h"
#include "inference/wan/dit.h"
#include "inference/wan_tools.h"
#include "tests/inference/prompt_rows_encoder.h"

#include <QTemporaryDir>

#include <memory>
#include <string>

namespace mbq::test {

class TinyWan
{
public:
    Result<void> load()
    {
        TinyModelOptions options;
        options.seed = 3;
        options.folder = m_dir.filePath(QStringLiteral("tiny")).toStdString();
        if (auto made = makeTinyModel(options); !made)
            return made.error();
        m_folder = options.folder;
        auto dit = wan::WanDit::load(m_folder, wan::WanDitPrecision::cpuFloat32());
        if (!dit)
            return dit.error();
        m_dit = std::move(*dit);
        auto vae = pipelines::loadWanVideoVae(m_folder, at::kCPU);
        if (!vae)
            return vae.error();
        m_vae = std::move(*vae);
        return {};
    }

    const std::string &folder() const { return m_folder; }
    wan::WanDit &dit() { return *m_dit; }
    pipelines::VideoVae &vae() { return *m_vae; }

    Result<pipelines::WanTransferResult> transfer(const pipelines::WanTransferRequest &request,
                                                  const JobHooks &hooks = {})
    {
        PromptRowsEncoder text(m_dit->config().textDim);
        return pipelines::WanTransferPipeline(*m_dit, text, *m_vae).run(request, hooks);
    }

    // A text-to-video render; decoded to video when `decode`.
    pipelines::WanT2VResult render(const pipelines::WanT2VRequest &request, bool decode)
    {
        PromptRowsEncoder text(m_dit->config().textDim);
        auto result = pipelines::WanT2VPipeline(*m_dit, text, decode ? m_vae.get() : nullptr)
                          .run(request, {});
        return result ? std::move(*result) : pipelines::WanT2VResult();
    }

private:
    QTemporaryDir m_dir;
    std::string m_folder;
    std::unique_ptr<wan::WanDit> m_dit;
    std::unique_ptr<pipelines::VideoVae> m_vae;
};

// "a red fox runs through snow" at 64×48, 5 frames, 4 steps, seed 5.
inline pipelines::WanT2VRequest tinyWanRequest()
{
    pipelines::WanT2VRequest request;
    request.prompt = "a red fox runs through snow";
    request.settings.width = 64;
    request.settings.height = 48;
    request.settings.frames = 5;
    request.settings.steps = 4;
    request.settings.seed = 5;
    return request;
}

// A bright square sliding right over a dark gradient: 64×48, 5 frames at 16 fps.
inline VideoFrames slidingSquareClip()
{
    VideoFrames clip;
    clip.width = 64;
    clip.height = 48;
    clip.count = 5;
    clip.fps = 16.0;
    clip.rgb.resize(size_t(clip.count) * clip.frameBytes());
    for (int f = 0; f < clip.count; ++f) {
        uint8_t *frame = clip.frame(f);
        for (int y = 0; y < clip.height; ++y) {
            for (int x = 0; x < clip.width; ++x) {
                const bool square = y >= 12 && y < 32 && x >= 4 + 8 * f && x < 24 + 8 * f;
                for (int c = 0; c < 3; ++c)
                    frame[(y * clip.width + x) * 3 + c] = square ? 240 : uint8_t(20 + x);
            }
        }
    }
    return clip;
}

} // namespace mbq::test
