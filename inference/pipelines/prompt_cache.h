#pragma once
// A TextEncoder that remembers the rows of every prompt it encoded and loads the real encoder
// only when a prompt is new. Wan's umT5-XXL is larger than its DiT and is released after each
// use, so without this every re-render (a moved slider, a new seed) would load it again.

#include "inference/pipelines/t2v_components.h"

#include <cstddef>
#include <functional>
#include <list>
#include <map>
#include <memory>
#include <string>
#include <utility>

namespace mbq::pipelines {

class PromptCache final : public TextEncoder
{
public:
    using Loader = std::function<Result<std::unique_ptr<TextEncoder>>()>;

    // Keeps the rows of the `capacity` most recently used prompts.
    explicit PromptCache(Loader load, size_t capacity = 64);

    Result<at::Tensor> encode(const std::string &prompt, std::string *warning) override;
    // Frees the real encoder; the remembered rows stay.
    void release() override;

    int loads() const { return m_loads; } // times the real encoder was loaded

private:
    struct Rows
    {
        at::Tensor rows;
        std::string warning;
        std::list<std::string>::iterator lru;
    };

    Loader m_load;
    size_t m_capacity;
    std::unique_ptr<TextEncoder> m_encoder;
    std::map<std::string, Rows> m_rows;
    std::list<std::string> m_lru; // most recent first
    int m_loads = 0;
};

} // namespace mbq::pipelines
