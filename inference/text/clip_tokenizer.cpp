#include "inference/text/clip_tokenizer.h"

#include "inference/text/clip_unicode.h"
#include "inference/text/prompt_clean.h"
#include "inference/text/utf8.h"

#include <zlib.h>

#include <algorithm>
#include <fstream>
#include <limits>
#include <sstream>

namespace mbq::text {

namespace {

// open_clip reads lines [1, 49152 - 256 - 2 + 1) of the file: at most 48,894 merges.
constexpr size_t kMaxMerges = 49152 - 256 - 2;
constexpr size_t kMaxFileBytes = size_t(64) << 20;
constexpr const char *kEndOfWord = "</w>";
constexpr const char *kStartToken = "<start_of_text>";
constexpr const char *kEndToken = "<end_of_text>";

// GPT-2's bytes_to_unicode: printable bytes map to themselves, the others to U+0100 + n in
// byte order; the id order is the printable ranges first, then the rest.
std::vector<std::pair<int, char32_t>> byteSymbolsInIdOrder()
{
    std::vector<std::pair<int, char32_t>> order;
    std::vector<bool> printable(256, false);
    for (int b = 0; b < 256; ++b) {
        if ((b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF)) {
            printable[size_t(b)] = true;
            order.emplace_back(b, char32_t(b));
        }
    }
    int extra = 0;
    for (int b = 0; b < 256; ++b) {
        if (!printable[size_t(b)])
            order.emplace_back(b, char32_t(256 + extra++));
    }
    return order;
}

std::vector<std::string> splitSpaces(const std::string &line)
{
    std::vector<std::string> parts;
    std::istringstream stream(line);
    for (std::string part; stream >> part;)
        parts.push_back(part);
    return parts;
}

bool startsWith(const std::u32string &text, size_t at, const char *ascii)
{
    for (size_t i = 0; ascii[i]; ++i) {
        if (at + i >= text.size() || text[at + i] != char32_t(ascii[i]))
            return false;
    }
    return true;
}

// Length of the regex match at `at` (the alternatives in the official order).
size_t matchAt(const std::u32string &text, size_t at)
{
    for (const char *special : {kStartToken, kEndToken}) {
        if (startsWith(text, at, special))
            return std::char_traits<char>::length(special);
    }
    for (const char *contraction : {"'s", "'t", "'re", "'ve", "'m", "'ll", "'d"}) {
        if (startsWith(text, at, contraction))
            return std::char_traits<char>::length(contraction);
    }
    const char32_t c = text[at];
    size_t end = at + 1;
    if (clipIsLetter(c)) {
        while (end < text.size() && clipIsLetter(text[end]))
            ++end;
    } else if (!clipIsNumber(c)) {
        while (end < text.size() && !clipIsSpace(text[end]) && !clipIsLetter(text[end])
               && !clipIsNumber(text[end]))
            ++end;
    }
    return end - at;
}

// The whole gzip stream of `data`, refusing output past kMaxFileBytes (a hostile file could
// expand a thousandfold).
Result<std::string> gunzip(const std::string &data, const std::string &path)
{
    z_stream stream {};
    if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK)
        return makeError(ErrorCode::Internal, "zlib could not start inflating " + path);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
    stream.avail_in = uInt(data.size());
    std::string out;
    char buffer[1 << 16];
    int status = Z_OK;
    while (status == Z_OK && out.size() <= kMaxFileBytes) {
        stream.next_out = reinterpret_cast<Bytef *>(buffer);
        stream.avail_out = sizeof buffer;
        status = inflate(&stream, Z_NO_FLUSH);
        out.append(buffer, sizeof buffer - stream.avail_out);
    }
    // Truncated input ends in Z_BUF_ERROR, corrupt input in Z_DATA_ERROR.
    const std::string detail = stream.msg ? stream.msg : "zlib status " + std::to_string(status);
    inflateEnd(&stream);
    if (out.size() > kMaxFileBytes)
        return makeError(ErrorCode::BadFormat, path + " is too large to be a CLIP vocabulary");
    if (status != Z_STREAM_END)
        return makeError(ErrorCode::BadFormat,
                         "the CLIP vocabulary " + path + " is not a complete gzip file", detail);
    return out;
}

} // namespace

Result<ClipTokenizer> ClipTokenizer::load(const std::string &path)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
        return makeError(ErrorCode::NotFound, "cannot open the CLIP vocabulary " + path);
    std::ostringstream content;
    content << file.rdbuf();
    std::string text = content.str();
    // open_clip ships the vocabulary gzip-compressed (bpe_simple_vocab_16e6.txt.gz).
    if (text.size() >= 2 && uint8_t(text[0]) == 0x1F && uint8_t(text[1]) == 0x8B) {
        auto plain = gunzip(text, path);
        if (!plain)
            return plain.error();
        text = std::move(*plain);
    }
    if (text.size() > kMaxFileBytes)
        return makeError(ErrorCode::BadFormat, path + " is too large to be a CLIP vocabulary");
    return parse(text, path);
}

Result<ClipTokenizer> ClipTokenizer::parse(const std::string &content, const std::string &origin)
{
    ClipTokenizer tokenizer;
    tokenizer.m_byteSymbol.resize(256);
    std::vector<std::string> symbols;
    for (const auto &[byte, symbol] : byteSymbolsInIdOrder()) {
        const std::string utf8 = encodeUtf8(std::u32string(1, symbol));
        tokenizer.m_byteSymbol[size_t(byte)] = utf8;
        symbols.push_back(utf8);
    }
    tokenizer.m_vocab = symbols;
    for (const std::string &symbol : symbols)
        tokenizer.m_vocab.push_back(symbol + kEndOfWord);

    std::istringstream lines(content);
    std::string line;
    std::getline(lines, line); // the "#version" header
    size_t lineNumber = 1;
    while (tokenizer.m_ranks.size() < kMaxMerges && std::getline(lines, line)) {
        ++lineNumber;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        const std::vector<std::string> parts = splitSpaces(line);
        if (parts.empty() && lines.peek() == std::char_traits<char>::eof())
            break; // the trailing newline
        if (parts.size() != 2)
            return makeError(ErrorCode::BadFormat,
                             origin + ": line " + std::to_string(lineNumber)
                                 + " is not a BPE merge (two symbols separated by a space)",
                             "found '" + line.substr(0, 80) + "'");
        tokenizer.m_ranks.emplace(std::pair {parts[0], parts[1]}, int(tokenizer.m_ranks.size()));
        tokenizer.m_vocab.push_back(parts[0] + parts[1]);
    }
    if (tokenizer.m_ranks.empty())
        return makeError(ErrorCode::BadFormat, origin + " holds no BPE merges");
    tokenizer.m_vocab.push_back(kStartToken);
    tokenizer.m_vocab.push_back(kEndToken);
    // Later duplicates win, as in open_clip's dict(zip(vocab, range(len(vocab)))).
    for (size_t id = 0; id < tokenizer.m_vocab.size(); ++id)
        tokenizer.m_ids[tokenizer.m_vocab[id]] = int64_t(id);
    return tokenizer;
}

std::vector<std::string> ClipTokenizer::bpe(const std::string &token) const
{
    std::vector<std::string> word;
    const std::u32string chars = decodeUtf8(token);
    for (char32_t c : chars)
        word.push_back(encodeUtf8(std::u32string(1, c)));
    word.back() += kEndOfWord;
    while (word.size() > 1) {
        // The adjacent pair with the lowest rank; the first such pair in a tie.
        int best = std::numeric_limits<int>::max();
        std::pair<std::string, std::string> bigram;
        for (size_t i = 0; i + 1 < word.size(); ++i) {
            const auto found = m_ranks.find({word[i], word[i + 1]});
            if (found != m_ranks.end() && found->second < best) {
                best = found->second;
                bigram = found->first;
            }
        }
        if (best == std::numeric_limits<int>::max())
            break;
        // Merge every occurrence, left to right.
        std::vector<std::string> merged;
        for (size_t i = 0; i < word.size();) {
            if (i + 1 < word.size() && word[i] == bigram.first && word[i + 1] == bigram.second) {
                merged.push_back(bigram.first + bigram.second);
                i += 2;
            } else {
                merged.push_back(word[i++]);
            }
        }
        word = std::move(merged);
    }
    return word;
}

void ClipTokenizer::appendWord(const std::u32string &word, std::vector<int64_t> *ids) const
{
    const std::string utf8 = encodeUtf8(word);
    if (utf8 == kStartToken || utf8 == kEndToken) {
        ids->push_back(utf8 == kStartToken ? startId() : endId());
        return;
    }
    std::string symbols;
    for (unsigned char byte : utf8)
        symbols += m_byteSymbol[byte];
    for (const std::string &piece : bpe(symbols)) {
        // Every piece is a byte symbol (with or without </w>) or a merge result, so it is in
        // the vocabulary by construction.
        ids->push_back(m_ids.at(piece));
    }
}

std::vector<int64_t> ClipTokenizer::encode(const std::string &text) const
{
    std::u32string cleaned = decodeUtf8(cleanPrompt(text));
    for (char32_t &c : cleaned)
        c = clipLower(c);
    std::vector<int64_t> ids;
    for (size_t at = 0; at < cleaned.size();) {
        if (clipIsSpace(cleaned[at])) {
            ++at;
            continue;
        }
        const size_t length = matchAt(cleaned, at);
        appendWord(cleaned.substr(at, length), &ids);
        at += length;
    }
    return ids;
}

ClipTokens ClipTokenizer::tokenize(const std::string &text, int64_t contextLength) const
{
    ClipTokens tokens;
    contextLength = std::max<int64_t>(contextLength, 2); // room for start and end
    std::vector<int64_t> ids {startId()};
    const std::vector<int64_t> body = encode(text);
    ids.insert(ids.end(), body.begin(), body.end());
    ids.push_back(endId());
    if (int64_t(ids.size()) > contextLength) {
        ids.resize(size_t(contextLength));
        ids.back() = endId();
        tokens.truncated = true;
    }
    tokens.length = int64_t(ids.size());
    ids.resize(size_t(contextLength), 0);
    tokens.ids = std::move(ids);
    return tokens;
}

} // namespace mbq::text
