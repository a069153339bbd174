#pragma once
// Shared by the checkpoint tests: runs tests/fixtures/write_pth.py (real PyTorch) into a folder,
// recomputes the fixture's seeded tensor values independently of the readers under test, and
// builds small zip and pickle files byte by byte for the hostile-input cases.

#include <ATen/ATen.h>

#include <QByteArray>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <string>
#include <vector>

namespace mbq::test {

// Empty on success, else why the fixtures could not be written (the tests then fail, not skip:
// packaging/setup.sh installs torch into the build's .venv).
inline QString writeTorchFixtures(const QString &folder)
{
    const QString python = QStringLiteral(MBQ_FIXTURE_PYTHON);
    const QString script = QStringLiteral(MBQ_FIXTURES_DIR "/write_pth.py");
    if (python.isEmpty())
        return QStringLiteral("no Python with torch was found at configure time; run "
                              "packaging/setup.sh (it installs torch into .venv) and re-run cmake");
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(python, {script, folder});
    if (!process.waitForStarted(30000))
        return QStringLiteral("cannot start %1: %2").arg(python, process.errorString());
    if (!process.waitForFinished(300000))
        return QStringLiteral("%1 %2 did not finish in 5 minutes").arg(python, script);
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return QStringLiteral("%1 %2 failed (is torch installed for %1?):\n%3")
            .arg(python, script, QString::fromLocal8Bit(process.readAll()));
    return {};
}

// write_pth.py's formula: value(i) = ((i * 7 + seed * 13) % 23) - 11, scaled per dtype.
inline at::Tensor seeded(std::vector<int64_t> shape, at::ScalarType dtype, int seed)
{
    int64_t count = 1;
    for (int64_t dim : shape)
        count *= dim;
    std::vector<double> values(size_t(count), 0.0);
    for (int64_t i = 0; i < count; ++i)
        values[size_t(i)] = double((i * 7 + seed * 13) % 23) - 11.0;
    const at::Tensor base = at::tensor(values, at::kDouble).reshape(shape);
    if (at::isFloatingType(dtype))
        return (base * 0.25).to(dtype);
    if (dtype == at::kBool)
        return base > 0;
    if (dtype == at::kByte)
        return (base + 111).to(dtype);
    return base.to(dtype);
}

struct PlainTensor
{
    const char *name;
    at::ScalarType dtype;
    std::vector<int64_t> shape;
    int seed;
};

// The PLAIN table of write_pth.py.
inline std::vector<PlainTensor> plainTensors()
{
    return {
        {"plain.f32", at::kFloat, {3, 4}, 1}, {"plain.f64", at::kDouble, {2, 3}, 2},
        {"plain.f16", at::kHalf, {5}, 3},     {"plain.bf16", at::kBFloat16, {2, 2, 2}, 4},
        {"plain.i64", at::kLong, {4}, 5},     {"plain.i32", at::kInt, {2, 3}, 6},
        {"plain.i16", at::kShort, {3}, 7},    {"plain.i8", at::kChar, {2, 2}, 8},
        {"plain.u8", at::kByte, {6}, 9},      {"plain.bool", at::kBool, {7}, 10},
        {"plain.scalar", at::kFloat, {}, 11}, {"plain.empty", at::kFloat, {0, 3}, 12},
    };
}

// Every tensor of the fixture's state_dict with its expected value, computed here.
inline std::vector<std::pair<std::string, at::Tensor>> expectedStateDict()
{
    std::vector<std::pair<std::string, at::Tensor>> expected;
    for (const PlainTensor &plain : plainTensors())
        expected.emplace_back(plain.name, seeded(plain.shape, plain.dtype, plain.seed));
    const at::Tensor base = seeded({4, 6}, at::kFloat, 30);
    expected.emplace_back("view.base", base);
    expected.emplace_back("view.t", base.t());
    expected.emplace_back("view.slice", base.slice(0, 1, 3).slice(1, 0, 6, 2));
    expected.emplace_back("view.row", base.select(0, 2));
    expected.emplace_back("view.col64", seeded({3, 5}, at::kDouble, 31).select(1, 1));
    expected.emplace_back("tied.a", seeded({2, 2}, at::kHalf, 40));
    expected.emplace_back("tied.b", seeded({2, 2}, at::kHalf, 40));
    expected.emplace_back("param", seeded({3}, at::kFloat, 41));
    expected.emplace_back("0.weight", seeded({2, 3}, at::kFloat, 20));
    expected.emplace_back("0.bias", seeded({2}, at::kFloat, 21));
    return expected;
}

// Bit-exact comparison: same dtype, same shape, same values.
inline bool sameTensor(const at::Tensor &a, const at::Tensor &b)
{
    return a.scalar_type() == b.scalar_type() && a.sizes() == b.sizes()
        && (a.numel() == 0 || at::equal(a.contiguous(), b.contiguous()));
}

inline bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        && file.write(bytes) == bytes.size();
}

inline QByteArray readBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline void appendLe(QByteArray &out, uint64_t value, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        out.append(char((value >> (8 * i)) & 0xff));
}

// A stored (uncompressed) zip of the given entries, like torch.save writes.
inline QByteArray storedZip(const std::vector<std::pair<QByteArray, QByteArray>> &entries)
{
    QByteArray out;
    QByteArray central;
    for (const auto &[name, data] : entries) {
        const uint64_t offset = uint64_t(out.size());
        appendLe(out, 0x04034b50, 4);
        appendLe(out, 20, 2); // version
        appendLe(out, 0, 2); // flags
        appendLe(out, 0, 2); // method: stored
        appendLe(out, 0, 4); // time, date
        appendLe(out, 0, 4); // crc (not checked by readers of torch files)
        appendLe(out, uint64_t(data.size()), 4);
        appendLe(out, uint64_t(data.size()), 4);
        appendLe(out, uint64_t(name.size()), 2);
        appendLe(out, 0, 2);
        out += name + data;

        appendLe(central, 0x02014b50, 4);
        appendLe(central, 20, 2);
        appendLe(central, 20, 2);
        appendLe(central, 0, 2);
        appendLe(central, 0, 2);
        appendLe(central, 0, 4);
        appendLe(central, 0, 4);
        appendLe(central, uint64_t(data.size()), 4);
        appendLe(central, uint64_t(data.size()), 4);
        appendLe(central, uint64_t(name.size()), 2);
        appendLe(central, 0, 2); // extra
        appendLe(central, 0, 2); // comment
        appendLe(central, 0, 2); // disk
        appendLe(central, 0, 2); // internal attributes
        appendLe(central, 0, 4); // external attributes
        appendLe(central, offset, 4);
        central += name;
    }
    const uint64_t directoryOffset = uint64_t(out.size());
    out += central;
    appendLe(out, 0x06054b50, 4);
    appendLe(out, 0, 4);
    appendLe(out, entries.size(), 2);
    appendLe(out, entries.size(), 2);
    appendLe(out, uint64_t(central.size()), 4);
    appendLe(out, directoryOffset, 4);
    appendLe(out, 0, 2);
    return out;
}

// A torch zip checkpoint whose data.pkl is `pickle`, with optional storages "0", "1", ...
inline QByteArray torchZip(const QByteArray &pickle, const std::vector<QByteArray> &storages = {})
{
    std::vector<std::pair<QByteArray, QByteArray>> entries = {{"archive/data.pkl", pickle}};
    for (size_t i = 0; i < storages.size(); ++i)
        entries.emplace_back("archive/data/" + QByteArray::number(qulonglong(i)), storages[i]);
    entries.emplace_back("archive/version", "3\n");
    return storedZip(entries);
}

// Pickle snippets (protocol 2).
inline QByteArray pickleString(const QByteArray &text)
{
    QByteArray out("X");
    appendLe(out, uint64_t(text.size()), 4);
    return out + text;
}

// PROTO 2, a dict {name: tensor} where the tensor is _rebuild_tensor_v2 of FloatStorage "0"
// with `numel` elements, the given offset, sizes and strides.
inline QByteArray tensorDictPickle(const QByteArray &name, int64_t numel, int64_t offset,
                                   const std::vector<int64_t> &sizes,
                                   const std::vector<int64_t> &strides)
{
    const auto longInt = [](int64_t value) {
        QByteArray out("\x8a\x08", 2); // LONG1 with 8 bytes
        appendLe(out, uint64_t(value), 8);
        return out;
    };
    QByteArray p("\x80\x02}", 3);
    p += pickleString(name);
    p += "ctorch._utils\n_rebuild_tensor_v2\n(";
    p += "(" + pickleString("storage") + "ctorch\nFloatStorage\n" + pickleString("0")
        + pickleString("cpu") + longInt(numel) + "tQ";
    p += longInt(offset);
    p += "(";
    for (int64_t size : sizes)
        p += longInt(size);
    p += "t(";
    for (int64_t stride : strides)
        p += longInt(stride);
    p += "t\x89N"; // requires_grad False, hooks None
    p += "tRs."; // args tuple, REDUCE, SETITEM, STOP
    return p;
}

} // namespace mbq::test
