#pragma once
// A text encoder for pipeline tests: deterministic rows from the prompt's bytes, so another
// prompt is other conditioning; it never refuses after release, so one instance serves several
// runs.

#include "inference/pipelines/t2v_components.h"

#include <ATen/ATen.h>

#include <cstdint>
#include <string>

namespace mbq::test {

class PromptRowsEncoder final : public pipelines::TextEncoder
{
public:
    explicit PromptRowsEncoder(int64_t width)
        : m_width(width)
    { }

    Result<at::Tensor> encode(const std::string &prompt, std::string *) override
    {
        uint64_t seed = 7;
        for (unsigned char c : prompt)
            seed = seed * 131 + c;
        at::Generator generator = at::detail::createCPUGenerator(seed);
        return at::randn({int64_t(prompt.size() % 5) + 1, m_width}, generator, at::kFloat);
    }
    void release() override { }

private:
    int64_t m_width;
};

} // namespace mbq::test
