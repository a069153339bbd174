#pragma once
// The umT5 tokenizer of Wan2.1: SentencePiece (Debian's libsentencepiece, reached through
// sentencepiece_module.h) over the model's spiece.model, after the official prompt cleaning;
// EOS appended, right-padded to a fixed length with a mask, over-long prompts truncated (EOS kept) and flagged. Torch-free, so the
// facade and the CLI can use it directly.

#include "inference/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace mbq::text {

struct TokenizedPrompt
{
    std::vector<int64_t> ids;  // exactly the padded length
    std::vector<int64_t> mask; // 1 for the prompt's tokens including EOS, 0 for padding
    int64_t length = 0;        // tokens including EOS (the number of 1s in mask)
    bool truncated = false;    // the prompt had more tokens than fit; the tail was dropped
    std::string cleaned;       // the text after cleaning, as it was tokenized
};

class UmT5Tokenizer
{
public:
    static constexpr int64_t kTextLength = 512; // the official text_len

    // `path` is a spiece.model file or a folder holding one (official google/umt5-xxl/,
    // Diffusers tokenizer/).
    static Result<UmT5Tokenizer> load(const std::string &path);

    UmT5Tokenizer(UmT5Tokenizer &&other) noexcept;
    UmT5Tokenizer &operator=(UmT5Tokenizer &&other) noexcept;
    UmT5Tokenizer(const UmT5Tokenizer &) = delete;
    UmT5Tokenizer &operator=(const UmT5Tokenizer &) = delete;
    ~UmT5Tokenizer();

    // Cleans, tokenizes and pads to `length` tokens (EOS counts towards it).
    Result<TokenizedPrompt> encode(const std::string &prompt,
                                   int64_t length = kTextLength) const;
    // The ids of SentencePiece alone, without cleaning, EOS or padding (for tests and probes).
    Result<std::vector<int64_t>> pieces(const std::string &text) const;

    int64_t eosId() const { return m_eos; }
    int64_t padId() const { return m_pad; }
    int64_t vocabularySize() const;
    const std::string &modelPath() const { return m_path; }

private:
    UmT5Tokenizer() = default;

    const void *m_module = nullptr; // the SentencePieceModule
    void *m_processor = nullptr;    // its handle for this model
    int64_t m_pieces = 0;
    std::string m_path;
    int64_t m_eos = 1;
    int64_t m_pad = 0;
};

} // namespace mbq::text
