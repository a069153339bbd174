#pragma once
// Renames checkpoint keys to the names a model expects: the same weights ship under official
// names, Diffusers names, or with a wrapper prefix ("model.diffusion_model.", DeepSpeed's
// "_forward_module."). Rules apply in this order: an exact rename wins outright; otherwise the
// first matching prefix rule, then the segment rules in one left-to-right pass over the
// dot-separated segments (so a swap such as norm2 <-> norm3 does not chain).

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace mbq::io {

class KeyMap
{
public:
    KeyMap &rename(const std::string &from, const std::string &to);
    // Replaces a leading "from" (e.g. "model.diffusion_model.") by "to" (often empty).
    KeyMap &prefix(const std::string &from, const std::string &to);
    // Replaces a run of whole segments anywhere, e.g. "self_attn.o" -> "attn1.to_out.0".
    KeyMap &segments(const std::string &from, const std::string &to);

    std::string apply(const std::string &key) const;
    bool empty() const { return m_exact.empty() && m_prefixes.empty() && m_segments.empty(); }
    // The map the other way round (every rule is a renaming, so each has an inverse).
    KeyMap inverted() const;

private:
    struct SegmentRule
    {
        std::vector<std::string> from;
        std::string fromText;
        std::string to;
    };

    std::map<std::string, std::string> m_exact;
    std::vector<std::pair<std::string, std::string>> m_prefixes;
    std::vector<SegmentRule> m_segments;
};

// Wan2.1 DiT names: official (Wan-Video/Wan2.1) to Diffusers (WanTransformer3DModel).
KeyMap wanOfficialToDiffusers();

} // namespace mbq::io
