// `mbq info PATH [--json]`: a checkpoint's tensors (name, dtype, shape, bytes) and totals, or a
// model folder's components and what is missing. Reads headers only.
#include "app/cli/commands.h"
#include "inference/checkpoint_tools.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <exception>

namespace mbq::cli {

namespace {

QString text(const std::string &value)
{
    return QString::fromStdString(value);
}

QString shapeText(const std::vector<int64_t> &shape)
{
    QStringList dims;
    for (int64_t dim : shape)
        dims << QString::number(dim);
    return QLatin1Char('[') + dims.join(QLatin1String(", ")) + QLatin1Char(']');
}

QString humanBytes(uint64_t bytes)
{
    return QLocale::c().formattedDataSize(qint64(bytes), 2, QLocale::DataSizeTraditionalFormat);
}

QJsonArray stringArray(const std::vector<std::string> &values)
{
    QJsonArray array;
    for (const std::string &value : values)
        array.append(text(value));
    return array;
}

QJsonObject checkpointJson(const CheckpointInfo &info)
{
    QJsonArray tensors;
    for (const TensorInfo &tensor : info.tensors) {
        QJsonArray shape;
        for (int64_t dim : tensor.shape)
            shape.append(qint64(dim));
        tensors.append(QJsonObject {{"name", text(tensor.name)},
                                    {"dtype", text(tensor.dtype)},
                                    {"shape", shape},
                                    {"bytes", qint64(tensor.bytes)}});
    }
    return QJsonObject {{"path", text(info.path)},
                        {"format", text(info.format)},
                        {"notes", stringArray(info.notes)},
                        {"tensors", tensors},
                        {"tensorCount", qint64(info.tensors.size())},
                        {"parameterCount", qint64(info.parameterCount)},
                        {"totalBytes", qint64(info.totalBytes)}};
}

void printCheckpoint(QTextStream &out, const CheckpointInfo &info)
{
    out << text(info.path) << "\nformat: " << text(info.format) << '\n';
    for (const std::string &note : info.notes)
        out << "note: " << text(note) << '\n';
    int nameWidth = 4;
    for (const TensorInfo &tensor : info.tensors)
        nameWidth = std::max(nameWidth, int(tensor.name.size()));
    nameWidth = std::min(nameWidth, 80);
    out << '\n'
        << QStringLiteral("name").leftJustified(nameWidth) << "  dtype    "
        << QStringLiteral("shape").leftJustified(24) << "  bytes\n";
    for (const TensorInfo &tensor : info.tensors) {
        out << text(tensor.name).leftJustified(nameWidth) << "  "
            << text(tensor.dtype).leftJustified(7) << "  "
            << shapeText(tensor.shape).leftJustified(24) << "  " << qulonglong(tensor.bytes)
            << '\n';
    }
    out << '\n'
        << info.tensors.size() << " tensors, " << qlonglong(info.parameterCount) << " parameters, "
        << qulonglong(info.totalBytes) << " bytes (" << humanBytes(info.totalBytes) << ")\n";
}

QJsonObject folderJson(const ModelFolderSummary &summary)
{
    QJsonArray components;
    for (const ComponentSummary &c : summary.components) {
        components.append(QJsonObject {{"role", text(c.role)},
                                       {"file", text(c.file)},
                                       {"present", c.present},
                                       {"format", text(c.format)},
                                       {"tensors", qint64(c.tensors)},
                                       {"parameters", qint64(c.parameters)},
                                       {"bytes", qint64(c.bytes)},
                                       {"problem", text(c.problem)}});
    }
    return QJsonObject {
        {"path", text(summary.path)},     {"family", text(summary.family)},
        {"layout", text(summary.layout)}, {"complete", summary.complete()},
        {"components", components},       {"missing", stringArray(summary.missing)}};
}

void printFolder(QTextStream &out, const ModelFolderSummary &summary)
{
    out << text(summary.path) << "\nmodel: " << text(summary.family) << " (" << text(summary.layout)
        << " layout)\n\n";
    for (const ComponentSummary &c : summary.components) {
        out << text(c.role).leftJustified(13) << "  " << text(c.file).leftJustified(48) << "  ";
        if (!c.problem.empty())
            out << "PROBLEM: " << text(c.problem);
        else if (c.tensors > 0)
            out << c.tensors << " tensors, " << c.parameters << " parameters, "
                << humanBytes(c.bytes) << " (" << text(c.format) << ')';
        else
            out << "present";
        out << '\n';
    }
    if (summary.complete())
        out << "\ncomplete\n";
}

const char *const kUsage = "usage: mbq info PATH [--json]\n"
                           "  PATH: .safetensors, .safetensors.index.json, .pth/.ckpt or a model "
                           "folder\n"
                           "  --json: print JSON instead of a table\n";

} // namespace

int runInfo(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption help(QStringList {QStringLiteral("h"), QStringLiteral("help")});
    const QCommandLineOption json(QStringLiteral("json"));
    parser.addOption(help);
    parser.addOption(json);
    if (!parser.parse(QStringList {QStringLiteral("mbq info")} + args)) {
        std::fprintf(stderr, "mbq: %s\n%s", qPrintable(parser.errorText()), kUsage);
        return 2;
    }
    if (parser.isSet(help)) {
        std::fputs(kUsage, stdout);
        return 0;
    }
    if (parser.positionalArguments().size() != 1) {
        std::fprintf(stderr, "mbq: info takes exactly one PATH\n%s", kUsage);
        return 2;
    }

    const QString path = parser.positionalArguments().first();
    QTextStream out(stdout);
    if (QFileInfo(path).isDir()) {
        auto summary = summariseModelFolder(path.toStdString());
        if (!summary) {
            std::fprintf(stderr, "mbq: %s\n", summary.error().message.c_str());
            return 1;
        }
        if (parser.isSet(json))
            out << QJsonDocument(folderJson(*summary)).toJson();
        else
            printFolder(out, *summary);
        out.flush();
        for (const std::string &missing : summary->missing)
            std::fprintf(stderr, "mbq: %s\n", missing.c_str());
        return summary->missing.empty() ? 0 : 1;
    }

    auto info = inspectCheckpoint(path.toStdString());
    if (!info) {
        std::fprintf(stderr, "mbq: %s\n", info.error().message.c_str());
        return 1;
    }
    if (parser.isSet(json))
        out << QJsonDocument(checkpointJson(*info)).toJson();
    else
        printCheckpoint(out, *info);
    return 0;
}

} // namespace mbq::cli
