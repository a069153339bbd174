#include "inference/text/umt5_tiny.h"

#include "inference/io/atomic_file.h"
#include "inference/io/random_weights.h"
#include "inference/io/safetensors_writer.h"
#include "inference/io/tensor_store.h"
#include "inference/io/torch_zip_writer.h"

#include "inference/text/sentencepiece_module.h"
#include "inference/text/umt5_tokenizer.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>

namespace mbq::text {

namespace {

bool endsWith(const std::string &text, const std::string &suffix)
{
    return text.size() >= suffix.size()
           && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Standard deviations of the official init_weights.
double initStd(const std::string &name, const UmT5Config &c)
{
    if (name == "token_embedding.weight")
        return 1.0;
    if (endsWith(name, "pos_embedding.embedding.weight"))
        return 1.0 / std::sqrt(double(2 * c.numBuckets * c.numHeads));
    if (endsWith(name, "attn.q.weight"))
        return 1.0 / std::sqrt(double(c.dim * c.dimAttn));
    if (endsWith(name, "attn.o.weight"))
        return 1.0 / std::sqrt(double(c.numHeads * c.dimAttn));
    if (endsWith(name, "ffn.fc2.weight"))
        return 1.0 / std::sqrt(double(c.dimFfn));
    return 1.0 / std::sqrt(double(c.dim));
}

Result<std::map<std::string, at::Tensor>> copiesAs(const UmT5Config &config,
                                                   const UmT5Weights &weights,
                                                   at::ScalarType dtype)
{
    std::map<std::string, at::Tensor> out;
    for (const UmT5TensorSpec &spec : umT5TensorSpecs(config)) {
        const auto found = weights.find(spec.official);
        if (found == weights.end() || found->second.sizes() != at::IntArrayRef(spec.shape))
            return makeError(ErrorCode::InvalidArgument,
                             "umT5 weights do not match the config at '" + spec.official + "'");
        out.emplace(spec.official, found->second.to(at::kCPU, dtype).contiguous());
    }
    return out;
}

// A small corpus with the words and characters prompts typically use.
std::vector<std::string> tinyCorpus()
{
    std::vector<std::string> lines = {
        "a cat runs across the green field in the morning light",
        "a dog jumps over a wooden fence, slow motion, cinematic",
        "the camera pans left over a quiet city street at night",
        "a woman in a red dress walks along the beach at sunset",
        "two horses gallop through the snow, high quality, detailed",
        "a small boat sails on a calm blue lake under the clouds",
        "close-up of a bird flying between tall trees in the forest",
        "an astronaut rides a bicycle on the moon, 4k, realistic",
        "bright colors, overexposed, static, blurry details, subtitles",
        "worst quality, low quality, JPEG artifacts, ugly, deformed",
        "色调艳丽，过曝，静态，细节模糊不清，字幕，风格，作品，画作，画面，静止，整体发灰，"
        "最差质量，低质量，JPEG压缩残留，丑陋的，残缺的，多余的手指，画得不好的手部，"
        "画得不好的脸部，畸形的，毁容的，形态畸形的肢体，手指融合，静止不动的画面，"
        "杂乱的背景，三条腿，背景人很多，倒着走",
        "0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz .,;:!?'\"()-",
    };
    // Repeats give the trainer counts to work with.
    std::vector<std::string> corpus;
    for (int r = 0; r < 8; ++r)
        corpus.insert(corpus.end(), lines.begin(), lines.end());
    return corpus;
}

} // namespace

UmT5Config tinyUmT5Config(int64_t dim, int64_t vocabSize)
{
    UmT5Config config;
    config.vocabSize = vocabSize;
    config.dim = dim;
    config.numHeads = 4;
    config.dimAttn = 4 * std::max<int64_t>(1, dim / 4);
    config.dimFfn = 2 * dim;
    config.numLayers = 2;
    return config;
}

UmT5Weights randomUmT5Weights(const UmT5Config &config, uint64_t seed, at::ScalarType dtype)
{
    at::Generator generator = at::detail::createCPUGenerator(seed);
    UmT5Weights weights;
    for (const UmT5TensorSpec &spec : umT5TensorSpecs(config)) {
        const at::Tensor noise = at::randn(spec.shape, generator,
                                           at::TensorOptions().dtype(at::kFloat));
        const bool norm = endsWith(spec.official, "norm1.weight")
                          || endsWith(spec.official, "norm2.weight")
                          || spec.official == "norm.weight";
        const at::Tensor values = norm ? 1.0 + 0.1 * noise : noise * initStd(spec.official, config);
        weights.emplace(spec.official, values.to(dtype));
    }
    return weights;
}

Result<void> writeUmT5Official(const std::string &path, const UmT5Config &config,
                               const UmT5Weights &weights)
{
    auto copies = copiesAs(config, weights, at::kBFloat16);
    if (!copies)
        return copies.error();
    const std::vector<UmT5TensorSpec> specs = umT5TensorSpecs(config);
    if (endsWith(path, ".safetensors")) {
        std::vector<io::SafetensorsWriteEntry> entries;
        for (const UmT5TensorSpec &spec : specs) {
            const at::Tensor values = copies->at(spec.official);
            entries.push_back(io::tensorEntry(spec.official, values));
        }
        return io::writeSafetensors(path, std::move(entries),
                                    {{"format", "pt"}, {"mbq_random_weights", "true"},
                                     {"mbq_note", io::kRandomWeightsNote}});
    }
    std::vector<io::TorchWriteEntry> entries;
    for (const UmT5TensorSpec &spec : specs) {
        const at::Tensor &values = copies->at(spec.official);
        entries.push_back({spec.official, io::DType::BF16, spec.shape, values.data_ptr(),
                           size_t(values.nbytes())});
    }
    return io::writeTorchStateDict(path, entries);
}

Result<void> writeUmT5HuggingFace(const std::string &folder, const UmT5Config &config,
                                  const UmT5Weights &weights)
{
    auto copies = copiesAs(config, weights, at::kFloat);
    if (!copies)
        return copies.error();
    if (auto written = io::writeLabelledConfig(folder, umT5ConfigToJson(config)); !written)
        return written;
    std::vector<io::SafetensorsWriteEntry> entries;
    for (const UmT5TensorSpec &spec : umT5TensorSpecs(config)) {
        const at::Tensor values = copies->at(spec.official);
        entries.push_back(io::tensorEntry(spec.hf, values));
    }
    return io::writeSafetensors(folder + "/model.safetensors", std::move(entries),
                                {{"format", "pt"}, {"mbq_random_weights", "true"},
                                 {"mbq_note", io::kRandomWeightsNote}});
}

Result<int64_t> writeTinyTokenizer(const std::string &modelPath)
{
    // One thread and a fixed seed-free corpus make the model the same on every run.
    const std::string args =
        "--model_type=unigram --vocab_size=256 --hard_vocab_limit=false "
        "--character_coverage=1.0 --pad_id=0 --eos_id=1 --bos_id=2 --unk_id=3 "
        "--num_threads=1 --normalization_rule_name=nmt_nfkc --minloglevel=2";
    auto model = trainSentencePiece(args, tinyCorpus());
    if (!model)
        return model.error();
    std::error_code ec;
    const std::filesystem::path parent = std::filesystem::path(modelPath).parent_path();
    if (!parent.empty())
        std::filesystem::create_directories(parent, ec);
    io::AtomicFile file(modelPath);
    if (auto opened = file.open(); !opened)
        return opened.error();
    if (auto written = file.write(model->data(), model->size()); !written)
        return written.error();
    if (auto committed = file.commit(); !committed)
        return committed.error();
    auto tokenizer = UmT5Tokenizer::load(modelPath);
    if (!tokenizer)
        return tokenizer.error();
    return tokenizer->vocabularySize();
}

} // namespace mbq::text
