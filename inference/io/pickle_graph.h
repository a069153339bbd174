#pragma once
// The objects a restricted unpickle produces. Nodes live in one arena and refer to each other
// by plain pointers: a hostile pickle can build cycles or nesting a hundred thousand levels
// deep, and freeing the arena is then still flat (no recursive destructor, no leaked cycle).

#include "inference/io/dtype.h"

#include <cstdint>
#include <deque>
#include <string>
#include <utility>
#include <vector>

namespace mbq::io::pickle {

enum class Kind {
    None,
    Bool,
    Int,
    BigInt, // an integer wider than 64 bits, kept as little-endian two's complement bytes
    Float,
    Str,
    Bytes,
    List,
    Tuple,
    Dict, // dict and collections.OrderedDict, insertion order kept
    Global, // a class or function reference (GLOBAL); `text` is "module.name"
    Storage, // a torch storage from a persistent id
    Tensor, // torch._utils._rebuild_tensor_v2 result
    Placeholder, // any object we do not understand; `text` names the global that made it
};

const char *kindName(Kind kind);

struct Node
{
    Kind kind = Kind::None;
    int64_t integer = 0; // Bool, Int; Storage: element count
    double real = 0.0; // Float
    std::string text; // Str, Bytes, BigInt; Global/Placeholder: "module.name"; Storage: key
    std::vector<Node *> items; // List, Tuple; Placeholder: args and state
    std::vector<std::pair<Node *, Node *>> entries; // Dict, in insertion order

    // Storage
    DType dtype = DType::F32;
    // Tensor
    Node *storage = nullptr;
    int64_t storageOffset = 0;
    std::vector<int64_t> sizes;
    std::vector<int64_t> strides;
};

class Graph
{
public:
    Node *make(Kind kind)
    {
        m_nodes.emplace_back();
        m_nodes.back().kind = kind;
        return &m_nodes.back();
    }
    size_t size() const { return m_nodes.size(); }

private:
    std::deque<Node> m_nodes; // a deque never moves its elements
};

} // namespace mbq::io::pickle
