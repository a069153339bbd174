#pragma once
// The CLIP BPE tokenizer as open_clip's SimpleTokenizer (v2.22, used by VideoCrafter2) runs
// it: ftfy-style cleaning, whitespace collapsing, lower-casing, the pre-tokeniser regex
// <start_of_text>|<end_of_text>|'s|'t|'re|'ve|'m|'ll|'d|\p{L}+|\p{N}|[^\s\p{L}\p{N}]+, the
// byte-to-unicode mapping, rank-ordered BPE merges with "</w>" marking word ends, then
// [start] + ids + [end], truncated to the context length with the end token kept, and padded
// with 0 (which is the "!" symbol, not a pad token). Torch-free.
//
// The vocabulary is the merges file open_clip ships (bpe_simple_vocab_16e6.txt: a header line,
// then one "left right" merge per line); ids are the 256 byte symbols, the same with "</w>",
// the merges in file order (at most 48,894 are read, as open_clip slices them), then
// <start_of_text> and <end_of_text>.

#include "inference/result.h"

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace mbq::text {

struct ClipTokens
{
    std::vector<int64_t> ids; // exactly the context length
    int64_t length = 0; // ids before padding, start and end tokens included
    bool truncated = false;
};

class ClipTokenizer
{
public:
    // The merges file, plain or gzip-compressed (the .gz open_clip ships); a truncated or
    // corrupt gzip file is BadFormat.
    static Result<ClipTokenizer> load(const std::string &path);
    // The file's content; `origin` names it in errors.
    static Result<ClipTokenizer> parse(const std::string &content, const std::string &origin);

    int64_t vocabSize() const { return int64_t(m_vocab.size()); }
    int64_t startId() const { return vocabSize() - 2; }
    int64_t endId() const { return vocabSize() - 1; }

    // The BPE ids of the cleaned, lower-cased text, without start and end tokens.
    std::vector<int64_t> encode(const std::string &text) const;
    ClipTokens tokenize(const std::string &text, int64_t contextLength = 77) const;

private:
    std::vector<std::string> bpe(const std::string &symbols) const;
    void appendWord(const std::u32string &word, std::vector<int64_t> *ids) const;

    std::vector<std::string> m_vocab; // id -> symbol string (UTF-8)
    std::unordered_map<std::string, int64_t> m_ids; // symbol string -> id
    std::map<std::pair<std::string, std::string>, int> m_ranks;
    std::vector<std::string> m_byteSymbol; // byte -> its symbol (UTF-8)
};

} // namespace mbq::text
