#pragma once
// A loaded VideoCrafter2: config, UNet, VAE, OpenCLIP text tower and CLIP tokenizer from one
// checkpoint, plus the DDPM schedule. The empty prompt's embedding (the unconditional input,
// uncond_type "empty_seq") is computed once and cached. A T2V-Turbo-v2 folder loads the same
// way except the UNet, which comes from its own file (with the guidance projections) instead
// of the checkpoint's, which is left unread.

#include "inference/result.h"
#include "inference/sched/ddpm_schedule.h"
#include "inference/text/clip_text_encoder.h"
#include "inference/text/clip_tokenizer.h"
#include "inference/videocrafter/unet.h"
#include "inference/videocrafter/vae.h"

#include <ATen/ATen.h>

#include <memory>
#include <string>

namespace mbq::vc2 {

class Vc2Model
{
public:
    // `path`: a model folder or weights file (see locateVc2). The tokenizer's
    // vocabulary must lie beside the weights as bpe_simple_vocab_16e6.txt (or .txt.gz).
    static Result<std::unique_ptr<Vc2Model>> load(const std::string &path,
                                                  const Vc2Precision &precision);

    const Vc2Config &config() const { return m_config; }
    const Vc2Location &location() const { return m_location; }
    bool turbo() const { return m_location.turbo(); }
    const std::string &layout() const { return m_layout; }
    const sched::DdpmSchedule &schedule() const { return m_schedule; }
    Vc2UNet &unet() { return *m_unet; }
    const Vc2Vae &vae() const { return *m_vae; }

    // [1, context_length, width] in the model dtype; "" hits the cache after the first call.
    Result<at::Tensor> encodePrompt(const std::string &prompt);

private:
    Vc2Config m_config;
    Vc2Location m_location;
    std::string m_layout;
    sched::DdpmSchedule m_schedule;
    std::unique_ptr<Vc2UNet> m_unet;
    std::unique_ptr<Vc2Vae> m_vae;
    std::unique_ptr<text::ClipTextEncoder> m_text;
    text::ClipTokenizer m_tokenizer;
    at::Tensor m_emptyPrompt;
};

} // namespace mbq::vc2
