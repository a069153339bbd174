// The SentencePiece shim module: the only code that links libsentencepiece (see
// sentencepiece_shim.h for why). Built by inference/CMakeLists.txt as a separate MODULE library,
// never into mbq_inference.
#include "inference/text/sentencepiece_shim.h"

#include <sentencepiece_processor.h>
#include <sentencepiece_trainer.h>

#include <cstring>
#include <string>
#include <vector>

namespace {

void copyError(const std::string &message, char *error, size_t errorSize)
{
    if (!error || errorSize == 0)
        return;
    const size_t n = std::min(message.size(), errorSize - 1);
    std::memcpy(error, message.data(), n);
    error[n] = '\0';
}

class Lines : public sentencepiece::SentenceIterator
{
public:
    Lines(const char *const *lines, size_t count) : m_lines(lines), m_count(count)
    {
        if (m_count > 0)
            m_current = m_lines[0];
    }
    bool done() const override { return m_index >= m_count; }
    void Next() override
    {
        if (++m_index < m_count)
            m_current = m_lines[m_index];
    }
    const std::string &value() const override { return m_current; }
    sentencepiece::util::Status status() const override { return {}; }

private:
    const char *const *m_lines;
    size_t m_count;
    size_t m_index = 0;
    std::string m_current;
};

} // namespace

extern "C" {

void *mbqSpmLoad(const char *modelPath, char *error, size_t errorSize)
{
    auto *processor = new sentencepiece::SentencePieceProcessor();
    const auto status = processor->Load(modelPath);
    if (!status.ok()) {
        copyError(status.ToString(), error, errorSize);
        delete processor;
        return nullptr;
    }
    return processor;
}

void mbqSpmFree(void *handle)
{
    delete static_cast<sentencepiece::SentencePieceProcessor *>(handle);
}

int mbqSpmEncode(void *handle, const char *text, size_t size, MbqSpmIntSink sink, void *context,
                 char *error, size_t errorSize)
{
    std::vector<int> ids;
    const auto status = static_cast<sentencepiece::SentencePieceProcessor *>(handle)->Encode(
        std::string(text, size), &ids);
    if (!status.ok()) {
        copyError(status.ToString(), error, errorSize);
        return 1;
    }
    sink(context, ids.data(), ids.size());
    return 0;
}

int mbqSpmPieceSize(void *handle)
{
    return static_cast<sentencepiece::SentencePieceProcessor *>(handle)->GetPieceSize();
}

int mbqSpmEosId(void *handle)
{
    return static_cast<sentencepiece::SentencePieceProcessor *>(handle)->eos_id();
}

int mbqSpmPadId(void *handle)
{
    return static_cast<sentencepiece::SentencePieceProcessor *>(handle)->pad_id();
}

int mbqSpmTrain(const char *args, const char *const *lines, size_t count, MbqSpmByteSink sink,
                void *context, char *error, size_t errorSize)
{
    Lines iterator(lines, count);
    std::string model;
    const auto status = sentencepiece::SentencePieceTrainer::Train(args, &iterator, &model);
    if (!status.ok()) {
        copyError(status.ToString(), error, errorSize);
        return 1;
    }
    sink(context, model.data(), model.size());
    return 0;
}
}
