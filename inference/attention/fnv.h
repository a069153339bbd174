#pragma once
// FNV-1a over raw bytes: the stable, platform-independent hash that keys Q banks and caches
// (the same construction as InjectionSchedule::hash).

#include <cstddef>
#include <cstdint>
#include <string>

namespace mbq::attention {

class Fnv
{
public:
    void bytes(const void *data, size_t size)
    {
        const auto *p = static_cast<const uint8_t *>(data);
        for (size_t i = 0; i < size; ++i)
            m_hash = (m_hash ^ p[i]) * 1099511628211ull;
    }
    template<typename T> void value(T v) { bytes(&v, sizeof v); }
    void string(const std::string &s)
    {
        value(uint64_t(s.size()));
        bytes(s.data(), s.size());
    }
    uint64_t hash() const { return m_hash; }

private:
    uint64_t m_hash = 1469598103934665603ull;
};

} // namespace mbq::attention
