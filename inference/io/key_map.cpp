#include "inference/io/key_map.h"

#include <algorithm>

namespace mbq::io {

namespace {

std::vector<std::string> split(const std::string &key)
{
    std::vector<std::string> parts;
    size_t start = 0;
    for (;;) {
        const size_t dot = key.find('.', start);
        parts.push_back(key.substr(start, dot - start));
        if (dot == std::string::npos)
            return parts;
        start = dot + 1;
    }
}

} // namespace

KeyMap &KeyMap::rename(const std::string &from, const std::string &to)
{
    m_exact[from] = to;
    return *this;
}

KeyMap &KeyMap::prefix(const std::string &from, const std::string &to)
{
    m_prefixes.emplace_back(from, to);
    return *this;
}

KeyMap &KeyMap::segments(const std::string &from, const std::string &to)
{
    m_segments.push_back({split(from), from, to});
    return *this;
}

std::string KeyMap::apply(const std::string &key) const
{
    if (const auto exact = m_exact.find(key); exact != m_exact.end())
        return exact->second;
    std::string name = key;
    for (const auto &[from, to] : m_prefixes) {
        if (name.compare(0, from.size(), from) == 0) {
            name = to + name.substr(from.size());
            break;
        }
    }
    if (m_segments.empty())
        return name;

    const std::vector<std::string> parts = split(name);
    std::string result;
    for (size_t i = 0; i < parts.size();) {
        const SegmentRule *match = nullptr;
        for (const SegmentRule &rule : m_segments) {
            if (i + rule.from.size() <= parts.size()
                && std::equal(rule.from.begin(), rule.from.end(), parts.begin() + long(i))) {
                match = &rule;
                break;
            }
        }
        if (!result.empty())
            result += '.';
        result += match ? match->to : parts[i];
        i += match ? match->from.size() : 1;
    }
    return result;
}

KeyMap KeyMap::inverted() const
{
    KeyMap inverse;
    for (const auto &[from, to] : m_exact)
        inverse.rename(to, from);
    for (const auto &[from, to] : m_prefixes)
        inverse.prefix(to, from);
    for (const SegmentRule &rule : m_segments)
        inverse.segments(rule.to, rule.fromText);
    return inverse;
}

KeyMap wanOfficialToDiffusers()
{
    KeyMap map;
    map.rename("head.modulation", "scale_shift_table");
    for (const char *attn : {"self_attn", "cross_attn"}) {
        const std::string to = attn == std::string("self_attn") ? "attn1" : "attn2";
        const std::string from = attn;
        map.segments(from + ".q", to + ".to_q")
            .segments(from + ".k", to + ".to_k")
            .segments(from + ".v", to + ".to_v")
            .segments(from + ".o", to + ".to_out.0")
            .segments(from + ".norm_q", to + ".norm_q")
            .segments(from + ".norm_k", to + ".norm_k");
    }
    // The official block applies norm1, norm3 (affine, before cross-attention), norm2 (FFN);
    // Diffusers numbers them in call order, so the two names swap.
    return map.segments("text_embedding.0", "condition_embedder.text_embedder.linear_1")
        .segments("text_embedding.2", "condition_embedder.text_embedder.linear_2")
        .segments("time_embedding.0", "condition_embedder.time_embedder.linear_1")
        .segments("time_embedding.2", "condition_embedder.time_embedder.linear_2")
        .segments("time_projection.1", "condition_embedder.time_proj")
        .segments("head.head", "proj_out")
        .segments("modulation", "scale_shift_table")
        .segments("ffn.0", "ffn.net.0.proj")
        .segments("ffn.2", "ffn.net.2")
        .segments("norm3", "norm2")
        .segments("norm2", "norm3");
}

} // namespace mbq::io
