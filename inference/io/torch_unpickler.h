#pragma once
// A restricted unpickler for torch.save files. It executes nothing: it understands the few
// globals a state dict needs (OrderedDict, _rebuild_tensor_v2, _rebuild_parameter, the typed
// storage classes) and turns every other global into an inert Placeholder that only records its
// name. Every read is bounds-checked and the stack, memo, nesting and object count are capped,
// so a hostile file yields an Error, never a crash, hang or runaway allocation.

#include "inference/io/pickle_graph.h"
#include "inference/result.h"

#include <cstdint>
#include <map>
#include <string>

namespace mbq::io::pickle {

struct Limits
{
    // A real state dict needs a few dozen stack slots and ~12 objects per tensor; these leave
    // ample room while keeping a hostile file's memory to a few hundred MB at most.
    size_t maxStack = 1 << 18;
    size_t maxMarks = 1 << 18;
    size_t maxMemo = 1 << 20;
    size_t maxNodes = 1 << 20;
    size_t maxLine = 4096; // GLOBAL module/name lines
    size_t maxRank = 64;
};

class Unpickler
{
public:
    // `label` names the file (and archive entry) in messages; storages with the same key
    // across several load() calls resolve to the same Storage node.
    Unpickler(Graph &graph, std::string label, Limits limits = {});

    // Parses one pickle from data[0..size). `baseOffset` is where data starts in the file, for
    // messages. On success *consumed is the pickle's length (up to and including STOP).
    Result<Node *> load(const uint8_t *data, size_t size, uint64_t baseOffset, size_t *consumed);

    // Storages seen so far, by key.
    const std::map<std::string, Node *> &storages() const { return m_storages; }

private:
    class Run;

    Graph &m_graph;
    std::string m_label;
    Limits m_limits;
    std::map<std::string, Node *> m_storages;
};

} // namespace mbq::io::pickle
