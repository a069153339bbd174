#include "inference/io/torch_unpickler.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <new>
#include <set>
#include <unordered_map>

namespace mbq::io::pickle {

const char *kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return "None";
    case Kind::Bool:
        return "bool";
    case Kind::Int:
    case Kind::BigInt:
        return "int";
    case Kind::Float:
        return "float";
    case Kind::Str:
        return "str";
    case Kind::Bytes:
        return "bytes";
    case Kind::List:
        return "list";
    case Kind::Tuple:
        return "tuple";
    case Kind::Dict:
        return "dict";
    case Kind::Global:
        return "global";
    case Kind::Storage:
        return "storage";
    case Kind::Tensor:
        return "tensor";
    case Kind::Placeholder:
        return "placeholder";
    }
    return "?";
}

namespace {

// Globals that execute commands or code when a pickle calls them. Unknown classes (an
// argparse.Namespace in a Lightning checkpoint, say) are harmless placeholders, but naming one
// of these has no innocent use in a state dict: such a file is refused outright.
bool runsCode(const std::string &module, const std::string &name)
{
    static const std::set<std::string> modules = {
        "os", "posix", "nt", "subprocess", "sys", "shutil", "socket", "importlib", "runpy",
        "pty", "commands", "webbrowser", "code", "codeop", "ctypes", "pickle", "_pickle",
        "marshal", "multiprocessing", "signal", "pip", "setuptools", "imp", "pdb", "timeit"};
    static const std::set<std::string> builtins = {
        "eval", "exec", "execfile", "compile", "open", "file", "__import__", "getattr", "setattr",
        "delattr", "globals", "locals", "vars", "input", "raw_input", "breakpoint", "exit",
        "quit", "help", "reload"};
    const std::string root = module.substr(0, module.find('.'));
    if (modules.count(root))
        return true;
    return (module == "builtins" || module == "__builtin__") && builtins.count(name);
}

// Pickle opcodes (Lib/pickletools.py), protocols 0-5; those not listed are refused.
enum Opcode : uint8_t {
    MARK = '(',
    STOP = '.',
    POP = '0',
    POP_MARK = '1',
    DUP = '2',
    BININT = 'J',
    BININT1 = 'K',
    BININT2 = 'M',
    NONE = 'N',
    BINPERSID = 'Q',
    REDUCE = 'R',
    BINSTRING = 'T',
    SHORT_BINSTRING = 'U',
    BINUNICODE = 'X',
    APPEND = 'a',
    BUILD = 'b',
    GLOBAL = 'c',
    DICT = 'd',
    EMPTY_DICT = '}',
    APPENDS = 'e',
    GET = 'g',
    BINGET = 'h',
    LONG_BINGET = 'j',
    LIST = 'l',
    EMPTY_LIST = ']',
    PUT = 'p',
    BINPUT = 'q',
    LONG_BINPUT = 'r',
    SETITEM = 's',
    TUPLE = 't',
    EMPTY_TUPLE = ')',
    SETITEMS = 'u',
    BINFLOAT = 'G',
    PROTO = 0x80,
    NEWOBJ = 0x81,
    TUPLE1 = 0x85,
    TUPLE2 = 0x86,
    TUPLE3 = 0x87,
    NEWTRUE = 0x88,
    NEWFALSE = 0x89,
    LONG1 = 0x8a,
    LONG4 = 0x8b,
    BINBYTES = 'B',
    SHORT_BINBYTES = 'C',
    SHORT_BINUNICODE = 0x8c,
    BINUNICODE8 = 0x8d,
    BINBYTES8 = 0x8e,
    EMPTY_SET = 0x8f,
    ADDITEMS = 0x90,
    FROZENSET = 0x91,
    NEWOBJ_EX = 0x92,
    STACK_GLOBAL = 0x93,
    MEMOIZE = 0x94,
    FRAME = 0x95,
};

struct StorageType
{
    const char *name;
    DType dtype;
};

// torch.<Name>Storage classes named in persistent ids; torch.cuda.* in files saved from a GPU.
constexpr StorageType kStorageTypes[] = {
    {"FloatStorage", DType::F32},     {"DoubleStorage", DType::F64}, {"HalfStorage", DType::F16},
    {"BFloat16Storage", DType::BF16}, {"LongStorage", DType::I64},   {"IntStorage", DType::I32},
    {"ShortStorage", DType::I16},     {"CharStorage", DType::I8},    {"ByteStorage", DType::U8},
    {"BoolStorage", DType::BOOL},     {"UntypedStorage", DType::U8},
};

bool storageDType(const std::string &global, DType *out)
{
    for (const char *module : {"torch.", "torch.cuda."}) {
        for (const StorageType &type : kStorageTypes) {
            if (global == module + std::string(type.name)) {
                *out = type.dtype;
                return true;
            }
        }
    }
    return false;
}

// Thrown inside one load() only; load() turns it into an Error. A parser with a check on nearly
// every byte reads far clearer this way than with a Result after each read.
struct Failure
{
    ErrorCode code;
    std::string problem;
};

} // namespace

class Unpickler::Run
{
public:
    Run(Unpickler &owner, const uint8_t *data, size_t size)
        : m_owner(owner)
        , m_limits(owner.m_limits)
        , m_data(data)
        , m_size(size)
    { }

    size_t opOffset() const { return m_opOffset; }

    Node *exec(size_t *consumed)
    {
        for (;;) {
            m_opOffset = m_pos;
            const uint8_t op = byte();
            if (op == STOP) {
                Node *result = pop();
                *consumed = m_pos;
                return result;
            }
            step(op);
        }
    }

private:
    [[noreturn]] void fail(std::string problem, ErrorCode code = ErrorCode::BadFormat) const
    {
        throw Failure {code, std::move(problem)};
    }

    // --- reading --------------------------------------------------------------------------

    const uint8_t *take(uint64_t length)
    {
        if (length > m_size - m_pos)
            fail("needs " + std::to_string(length) + " bytes but only "
                 + std::to_string(m_size - m_pos) + " remain (truncated or lying length)");
        const uint8_t *p = m_data + m_pos;
        m_pos += size_t(length);
        return p;
    }
    uint8_t byte() { return *take(1); }
    uint64_t le(size_t bytes)
    {
        const uint8_t *p = take(bytes);
        uint64_t value = 0;
        for (size_t i = 0; i < bytes; ++i)
            value |= uint64_t(p[i]) << (8 * i);
        return value;
    }
    std::string text(uint64_t length)
    {
        const uint8_t *p = take(length);
        return std::string(reinterpret_cast<const char *>(p), size_t(length));
    }
    std::string line()
    {
        const size_t limit = std::min(m_size - m_pos, m_limits.maxLine + 1);
        const void *end = std::memchr(m_data + m_pos, '\n', limit);
        if (!end)
            fail("text line without end or longer than " + std::to_string(m_limits.maxLine));
        const size_t length = static_cast<const uint8_t *>(end) - (m_data + m_pos);
        std::string result = text(length);
        m_pos += 1;
        return result;
    }
    uint64_t decimalLine()
    {
        const std::string digits = line();
        if (digits.empty() || digits.size() > 18
            || digits.find_first_not_of("0123456789") != std::string::npos)
            fail("bad memo index '" + digits.substr(0, 32) + "'");
        return std::stoull(digits);
    }

    // --- stack and memo -------------------------------------------------------------------

    Node *make(Kind kind)
    {
        if (m_owner.m_graph.size() >= m_limits.maxNodes)
            fail("more than " + std::to_string(m_limits.maxNodes) + " objects");
        return m_owner.m_graph.make(kind);
    }
    void push(Node *node)
    {
        if (m_stack.size() >= m_limits.maxStack)
            fail("stack deeper than " + std::to_string(m_limits.maxStack));
        m_stack.push_back(node);
    }
    size_t floor() const { return m_marks.empty() ? 0 : m_marks.back(); }
    Node *top()
    {
        if (m_stack.size() <= floor())
            fail("stack underflow");
        return m_stack.back();
    }
    Node *pop()
    {
        Node *node = top();
        m_stack.pop_back();
        return node;
    }
    std::vector<Node *> popMark()
    {
        if (m_marks.empty())
            fail("no MARK to pop to");
        const size_t mark = m_marks.back();
        m_marks.pop_back();
        std::vector<Node *> items(m_stack.begin() + long(mark), m_stack.end());
        m_stack.resize(mark);
        return items;
    }
    void put(uint64_t index)
    {
        Node *node = top();
        if (m_memo.size() >= m_limits.maxMemo && m_memo.find(index) == m_memo.end())
            fail("memo larger than " + std::to_string(m_limits.maxMemo));
        m_memo[index] = node;
    }
    Node *get(uint64_t index)
    {
        const auto it = m_memo.find(index);
        if (it == m_memo.end())
            fail("memo entry " + std::to_string(index) + " used before it was set");
        return it->second;
    }

    // --- values ---------------------------------------------------------------------------

    Node *integer(int64_t value)
    {
        Node *node = make(Kind::Int);
        node->integer = value;
        return node;
    }
    Node *longInt(uint64_t length)
    {
        if (length > 256)
            fail("integer of " + std::to_string(length) + " bytes");
        const uint8_t *p = take(length);
        if (length > 8) {
            Node *node = make(Kind::BigInt);
            node->text.assign(reinterpret_cast<const char *>(p), size_t(length));
            return node;
        }
        uint64_t value = 0;
        for (uint64_t i = 0; i < length; ++i)
            value |= uint64_t(p[i]) << (8 * i);
        if (length > 0 && length < 8 && (p[length - 1] & 0x80))
            value |= ~uint64_t(0) << (8 * length); // sign-extend two's complement
        return integer(int64_t(value));
    }
    Node *string(Kind kind, uint64_t length)
    {
        Node *node = make(kind);
        node->text = text(length);
        return node;
    }
    Node *sequence(Kind kind, std::vector<Node *> items)
    {
        Node *node = make(kind);
        node->items = std::move(items);
        return node;
    }
    std::vector<Node *> popN(size_t n)
    {
        if (m_stack.size() < floor() + n)
            fail("stack underflow");
        std::vector<Node *> items(m_stack.end() - long(n), m_stack.end());
        m_stack.resize(m_stack.size() - n);
        return items;
    }
    Node *global(const std::string &module, const std::string &name)
    {
        if (runsCode(module, name))
            fail("names " + module + "." + name
                     + ", which runs commands or code; a checkpoint never needs it, so the file "
                       "is refused as hostile",
                 ErrorCode::BadFormat);
        Node *node = make(Kind::Global);
        node->text = module + "." + name;
        return node;
    }
    Node *placeholder(const Node *origin, Node *args)
    {
        Node *node = make(Kind::Placeholder);
        node->text = origin->text;
        if (args->kind == Kind::Tuple)
            node->items = args->items;
        else
            node->items.push_back(args);
        return node;
    }

    // --- torch semantics ------------------------------------------------------------------

    std::vector<int64_t> intTuple(const Node *node, const char *what)
    {
        if (node->kind != Kind::Tuple && node->kind != Kind::List)
            fail(std::string("tensor ") + what + " is a " + kindName(node->kind) + ", not a tuple");
        if (node->items.size() > m_limits.maxRank)
            fail(std::string("tensor ") + what + " has " + std::to_string(node->items.size())
                 + " dimensions");
        std::vector<int64_t> values;
        for (const Node *item : node->items) {
            if (item->kind != Kind::Int || item->integer < 0)
                fail(std::string("tensor ") + what + " holds something other than a "
                     + "non-negative integer");
            values.push_back(item->integer);
        }
        return values;
    }

    Node *rebuildTensor(const Node *args)
    {
        if (args->kind != Kind::Tuple || args->items.size() < 4)
            fail("_rebuild_tensor_v2 needs (storage, offset, size, stride, ...)");
        Node *storage = args->items[0];
        if (storage->kind != Kind::Storage)
            fail(std::string("_rebuild_tensor_v2 got a ") + kindName(storage->kind)
                 + " instead of a storage");
        const Node *offset = args->items[1];
        if (offset->kind != Kind::Int || offset->integer < 0)
            fail("tensor storage offset is not a non-negative integer");
        Node *tensor = make(Kind::Tensor);
        tensor->storage = storage;
        tensor->dtype = storage->dtype;
        tensor->storageOffset = offset->integer;
        tensor->sizes = intTuple(args->items[2], "size");
        tensor->strides = intTuple(args->items[3], "stride");
        if (tensor->sizes.size() != tensor->strides.size())
            fail("tensor size and stride have different lengths");
        return tensor;
    }

    Node *reduce(Node *callable, Node *args)
    {
        if (callable->kind == Kind::Placeholder)
            return placeholder(callable, args);
        if (callable->kind != Kind::Global)
            fail(std::string("REDUCE calls a ") + kindName(callable->kind));
        const std::string &name = callable->text;
        if (name == "torch._utils._rebuild_tensor_v2")
            return rebuildTensor(args);
        if (name == "torch._utils._rebuild_parameter"
            || name == "torch._utils._rebuild_parameter_with_state") {
            // A Parameter is its data tensor; requires_grad and hooks do not matter here.
            if (args->kind != Kind::Tuple || args->items.empty())
                fail(name + " needs (data, requires_grad, ...)");
            Node *data = args->items[0];
            if (data->kind == Kind::Tensor || data->kind == Kind::Placeholder)
                return data;
            fail(name + std::string(" got a ") + kindName(data->kind) + " instead of a tensor");
        }
        if (name == "collections.OrderedDict" && args->kind == Kind::Tuple && args->items.empty())
            return make(Kind::Dict);
        return placeholder(callable, args);
    }

    Node *persistentLoad(const Node *pid)
    {
        if (pid->kind != Kind::Tuple || pid->items.size() < 5 || pid->items[0]->kind != Kind::Str
            || pid->items[0]->text != "storage")
            fail("unknown persistent id (expected ('storage', type, key, location, size))");
        const Node *type = pid->items[1];
        const Node *key = pid->items[2];
        const Node *location = pid->items[3];
        const Node *numel = pid->items[4];
        Node *storage = make(Kind::Storage);
        if (type->kind != Kind::Global || !storageDType(type->text, &storage->dtype))
            fail("storage type " + (type->kind == Kind::Global ? type->text : "?")
                     + " is not supported",
                 ErrorCode::Unsupported);
        if (key->kind == Kind::Str)
            storage->text = key->text;
        else if (key->kind == Kind::Int)
            storage->text = std::to_string(key->integer);
        else
            fail("storage key is not a string");
        if (location->kind != Kind::Str || numel->kind != Kind::Int || numel->integer < 0)
            fail("storage location or size has the wrong type");
        if (pid->items.size() > 5 && pid->items[5]->kind != Kind::None)
            fail("storage views (from torch before 1.0) are not supported", ErrorCode::Unsupported);
        storage->integer = numel->integer;
        m_owner.m_storages.emplace(storage->text, storage);
        return storage;
    }

    void setItems(Node *target, const std::vector<Node *> &items)
    {
        if (items.size() % 2 != 0)
            fail("SETITEMS with an odd number of items");
        if (target->kind == Kind::Placeholder) {
            target->items.insert(target->items.end(), items.begin(), items.end());
            return;
        }
        if (target->kind != Kind::Dict)
            fail(std::string("SETITEMS on a ") + kindName(target->kind));
        for (size_t i = 0; i < items.size(); i += 2)
            target->entries.emplace_back(items[i], items[i + 1]);
    }

    void append(Node *target, const std::vector<Node *> &items)
    {
        if (target->kind != Kind::List && target->kind != Kind::Placeholder)
            fail(std::string("APPENDS on a ") + kindName(target->kind));
        target->items.insert(target->items.end(), items.begin(), items.end());
    }

    void step(uint8_t op)
    {
        switch (op) {
        case PROTO:
            if (byte() > 5)
                fail("pickle protocol above 5");
            break;
        case FRAME:
            take(8); // framing only groups opcodes; the bytes follow inline
            break;
        case MARK:
            if (m_marks.size() >= m_limits.maxMarks)
                fail("more than " + std::to_string(m_limits.maxMarks) + " open MARKs");
            m_marks.push_back(m_stack.size());
            break;
        case POP:
            pop();
            break;
        case POP_MARK:
            popMark();
            break;
        case DUP:
            push(top());
            break;
        case NONE:
            push(make(Kind::None));
            break;
        case NEWTRUE:
        case NEWFALSE: {
            Node *node = make(Kind::Bool);
            node->integer = op == NEWTRUE;
            push(node);
            break;
        }
        case BININT:
            push(integer(int32_t(uint32_t(le(4)))));
            break;
        case BININT1:
            push(integer(le(1)));
            break;
        case BININT2:
            push(integer(int64_t(le(2))));
            break;
        case LONG1:
            push(longInt(le(1)));
            break;
        case LONG4:
            push(longInt(le(4)));
            break;
        case BINFLOAT: {
            const uint8_t *p = take(8);
            uint64_t bits = 0;
            for (int i = 0; i < 8; ++i)
                bits = (bits << 8) | p[i]; // big-endian
            Node *node = make(Kind::Float);
            std::memcpy(&node->real, &bits, 8);
            push(node);
            break;
        }
        case BINUNICODE:
            push(string(Kind::Str, le(4)));
            break;
        case SHORT_BINUNICODE:
            push(string(Kind::Str, le(1)));
            break;
        case BINUNICODE8:
            push(string(Kind::Str, le(8)));
            break;
        case BINSTRING: {
            const int32_t length = int32_t(uint32_t(le(4)));
            if (length < 0)
                fail("negative string length");
            push(string(Kind::Str, uint64_t(length)));
            break;
        }
        case SHORT_BINSTRING:
            push(string(Kind::Str, le(1)));
            break;
        case BINBYTES:
            push(string(Kind::Bytes, le(4)));
            break;
        case SHORT_BINBYTES:
            push(string(Kind::Bytes, le(1)));
            break;
        case BINBYTES8:
            push(string(Kind::Bytes, le(8)));
            break;
        case EMPTY_DICT:
            push(make(Kind::Dict));
            break;
        case EMPTY_LIST:
        case EMPTY_SET:
            push(make(Kind::List));
            break;
        case EMPTY_TUPLE:
            push(make(Kind::Tuple));
            break;
        case TUPLE1:
        case TUPLE2:
        case TUPLE3:
            push(sequence(Kind::Tuple, popN(op - TUPLE1 + 1)));
            break;
        case TUPLE:
            push(sequence(Kind::Tuple, popMark()));
            break;
        case LIST:
        case FROZENSET:
            push(sequence(Kind::List, popMark()));
            break;
        case DICT: {
            Node *dict = make(Kind::Dict);
            setItems(dict, popMark());
            push(dict);
            break;
        }
        case APPEND: {
            Node *item = pop();
            append(top(), {item});
            break;
        }
        case APPENDS:
        case ADDITEMS: {
            std::vector<Node *> items = popMark();
            append(top(), items);
            break;
        }
        case SETITEM: {
            std::vector<Node *> pair = popN(2);
            setItems(top(), pair);
            break;
        }
        case SETITEMS: {
            std::vector<Node *> items = popMark();
            setItems(top(), items);
            break;
        }
        case GLOBAL: {
            const std::string module = line();
            const std::string name = line();
            push(global(module, name));
            break;
        }
        case STACK_GLOBAL: {
            Node *name = pop();
            Node *module = pop();
            if (module->kind != Kind::Str || name->kind != Kind::Str)
                fail("STACK_GLOBAL needs two strings");
            push(global(module->text, name->text));
            break;
        }
        case REDUCE: {
            Node *args = pop();
            Node *callable = pop();
            push(reduce(callable, args));
            break;
        }
        case NEWOBJ: {
            Node *args = pop();
            Node *cls = pop();
            if (cls->kind != Kind::Global && cls->kind != Kind::Placeholder)
                fail(std::string("NEWOBJ on a ") + kindName(cls->kind));
            push(placeholder(cls, args));
            break;
        }
        case NEWOBJ_EX: {
            Node *kwargs = pop();
            Node *args = pop();
            Node *cls = pop();
            if (cls->kind != Kind::Global && cls->kind != Kind::Placeholder)
                fail(std::string("NEWOBJ_EX on a ") + kindName(cls->kind));
            Node *object = placeholder(cls, args);
            object->items.push_back(kwargs);
            push(object);
            break;
        }
        case BUILD: {
            // Object state: kept for placeholders (their contents may be reported), ignored for
            // the rest (e.g. an OrderedDict's _metadata attribute, a Parameter's attributes).
            Node *state = pop();
            Node *object = top();
            if (object->kind == Kind::Placeholder)
                object->items.push_back(state);
            break;
        }
        case BINPERSID:
            push(persistentLoad(pop()));
            break;
        case BINPUT:
            put(le(1));
            break;
        case LONG_BINPUT:
            put(le(4));
            break;
        case MEMOIZE:
            put(m_memo.size());
            break;
        case PUT:
            put(decimalLine());
            break;
        case BINGET:
            push(get(le(1)));
            break;
        case LONG_BINGET:
            push(get(le(4)));
            break;
        case GET:
            push(get(decimalLine()));
            break;
        default: {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02x", op);
            fail(std::string("unsupported pickle opcode ") + hex, ErrorCode::Unsupported);
        }
        }
    }

    Unpickler &m_owner;
    const Limits &m_limits;
    const uint8_t *m_data;
    size_t m_size;
    size_t m_pos = 0;
    size_t m_opOffset = 0;
    std::vector<Node *> m_stack;
    std::vector<size_t> m_marks;
    std::unordered_map<uint64_t, Node *> m_memo;
};

Unpickler::Unpickler(Graph &graph, std::string label, Limits limits)
    : m_graph(graph)
    , m_label(std::move(label))
    , m_limits(limits)
{ }

Result<Node *> Unpickler::load(const uint8_t *data, size_t size, uint64_t baseOffset,
                               size_t *consumed)
{
    Run run(*this, data, size);
    try {
        return run.exec(consumed);
    } catch (const Failure &failure) {
        return makeError(failure.code,
                         m_label + ": bad pickle at byte "
                             + std::to_string(baseOffset + run.opOffset()) + ": "
                             + failure.problem);
    } catch (const std::bad_alloc &) {
        return makeError(ErrorCode::OutOfMemory,
                         m_label + ": out of memory reading the pickle at byte "
                             + std::to_string(baseOffset + run.opOffset()));
    }
}

} // namespace mbq::io::pickle
