#include "inference/pipelines/prompt_cache.h"

namespace mbq::pipelines {

PromptCache::PromptCache(Loader load, size_t capacity)
    : m_load(std::move(load))
    , m_capacity(capacity > 0 ? capacity : 1)
{}

Result<at::Tensor> PromptCache::encode(const std::string &prompt, std::string *warning)
{
    auto it = m_rows.find(prompt);
    if (it == m_rows.end()) {
        if (!m_encoder) {
            auto loaded = m_load();
            if (!loaded)
                return loaded.error();
            m_encoder = std::move(*loaded);
            ++m_loads;
        }
        std::string said;
        auto rows = m_encoder->encode(prompt, &said);
        if (!rows)
            return rows.error();
        if (m_rows.size() >= m_capacity) {
            m_rows.erase(m_lru.back());
            m_lru.pop_back();
        }
        m_lru.push_front(prompt);
        it = m_rows.emplace(prompt, Rows{rows->to(at::kCPU), said, m_lru.begin()}).first;
    } else {
        m_lru.erase(it->second.lru);
        m_lru.push_front(prompt);
        it->second.lru = m_lru.begin();
    }
    if (warning)
        *warning = it->second.warning;
    return it->second.rows;
}

void PromptCache::release()
{
    if (m_encoder)
        m_encoder->release();
    m_encoder.reset();
}

} // namespace mbq::pipelines
