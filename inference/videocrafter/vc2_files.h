#pragma once
// The file names of the VideoCrafter model folders mbq loads, shared by the loader and the
// folder summary. Torch-free.
//
// VideoCrafter2: model.ckpt (Hugging Face VideoCrafter/VideoCrafter2), or mbq's safetensors
// conversion model.safetensors, plus open_clip's bpe_simple_vocab_16e6.txt(.gz).
//
// T2V-Turbo-v2 (github.com/Ji4chenLi/t2v-turbo): the same VideoCrafter2 checkpoint, from which
// it takes the VAE and the text encoder, plus one distilled UNet file as Hugging Face ships it:
// unet_mg.pt (jiachenli-ucsb/T2V-Turbo-v2, trained with motion guidance) or unet_no_mg.pt
// (jiachenli-ucsb/T2V-Turbo-v2-no-MG), or their safetensors conversions. The Replicate entry
// (predict.py) keeps the checkpoint as VideoCrafter2_model.ckpt beside unet_mg.pt; that name
// is accepted too.
//
//     MyTurbo/
//         model.ckpt                      (or VideoCrafter2_model.ckpt, model.safetensors)
//         unet_mg.pt                      (or unet_no_mg.pt; one of them)
//         bpe_simple_vocab_16e6.txt.gz

#include <string>

namespace mbq::vc2 {

inline constexpr const char *kVc2CheckpointFiles[]
    = {"model.ckpt", "model.safetensors", "VideoCrafter2_model.ckpt"};
inline constexpr const char *kTurboUNetFiles[]
    = {"unet_mg.pt", "unet_mg.safetensors", "unet_no_mg.pt", "unet_no_mg.safetensors"};
// T2V-Turbo (v1) ships a nameless LoRA list, which mbq does not read.
inline constexpr const char *kTurboV1LoraFile = "unet_lora.pt";

// unet_mg.*: the UNet distilled with motion guidance.
inline bool isMotionGuidedTurboFile(const std::string &name)
{
    return name.rfind("unet_mg.", 0) == 0;
}

} // namespace mbq::vc2
